// Renders Telegram messages into DOM nodes. Text is only ever set via textContent, so bot output
// (already parsed into plain text + entities by the sandbox) can never inject markup.
"use strict";

const Render = (() => {
  const styleClass = { bold: "b", italic: "i", underline: "u", strikethrough: "s", spoiler: "spoiler" };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function safeUrl(url) {
    return /^(https?:|tg:)/i.test(url || "") ? url : null;
  }

  // Splits the text into runs with the same set of entities and styles each run.
  function formatted(text, entities) {
    const container = el("span");
    const list = entities || [];
    const cuts = new Set([0, text.length]);
    list.forEach((e) => { cuts.add(e.offset); cuts.add(e.offset + e.length); });
    const points = [...cuts].filter((p) => p <= text.length).sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1; i++) {
      const from = points[i], to = points[i + 1];
      const active = list.filter((e) => e.offset <= from && e.offset + e.length >= to);
      container.appendChild(run(text.slice(from, to), active));
    }
    return container;
  }

  function run(part, active) {
    const types = active.map((e) => e.type);
    let node;
    if (types.includes("pre")) node = el("pre", "", part);
    else if (types.includes("code")) node = el("code", "", part);
    else node = el("span", "", part);
    active.forEach((e) => {
      const cls = styleClass[e.type];
      if (cls === "b") node.style.fontWeight = "bold";
      else if (cls === "i") node.style.fontStyle = "italic";
      else if (cls) node.classList.add(cls);
    });
    if (node.classList.contains("spoiler")) {
      node.addEventListener("click", () => node.classList.add("shown"));
    }
    const link = active.find((e) => e.type === "text_link" && safeUrl(e.url));
    if (link) {
      const a = el("a");
      a.href = link.url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.appendChild(node);
      node = a;
    }
    if (types.includes("blockquote") || types.includes("expandable_blockquote")) {
      const quote = el("blockquote");
      quote.appendChild(node);
      node = quote;
    }
    return node;
  }

  function inlineKeyboard(markup, handlers) {
    const box = el("div", "keyboard");
    (markup.inline_keyboard || []).forEach((row) => {
      const line = el("div", "row");
      row.forEach((button) => {
        const b = el("button", "", button.text);
        b.type = "button";
        if (button.callback_data !== undefined) b.onclick = () => handlers.press(button.callback_data);
        else if (button.pay) b.onclick = () => handlers.pay();
        else if (safeUrl(button.url)) b.onclick = () => (handlers.link ? handlers.link(button.url) : window.open(button.url, "_blank", "noopener"));
        else if (button.copy_text) b.onclick = () => navigator.clipboard.writeText(button.copy_text.text);
        else b.disabled = true;
        line.appendChild(b);
      });
      box.appendChild(line);
    });
    return box;
  }

  function invoice(item, handlers) {
    const box = el("div", "invoice");
    box.appendChild(el("strong", "", item.invoice.title));
    box.appendChild(el("div", "", item.invoice.description));
    box.appendChild(el("div", "price", item.invoice.total_amount + " ⭐"));
    if (item.paid) {
      box.appendChild(el("div", "muted", "✅ Bezahlt"));
    } else if (!item.replyMarkup) {
      const pay = el("button", "", "Mit ⭐ bezahlen");
      pay.type = "button";
      pay.onclick = () => handlers.pay();
      box.appendChild(pay);
    }
    return box;
  }

  function documentLink(item, handlers) {
    const link = el("a", "document", "📄 " + (item.document.file_name || "Datei") + " (" + item.document.file_size + " Bytes)");
    link.href = handlers.documentUrl();
    link.download = item.document.file_name || "";
    return link;
  }

  function time(unix) {
    return new Date(unix * 1000).toLocaleTimeString("de-DE", { hour: "2-digit", minute: "2-digit" });
  }

  function message(item, handlers) {
    if (item.successfulPayment || item.refundedPayment) {
      const p = item.successfulPayment || item.refundedPayment;
      const text = item.successfulPayment
        ? "Du hast " + p.total_amount + " ⭐ bezahlt."
        : p.total_amount + " ⭐ wurden dir erstattet.";
      return el("li", "msg service", text);
    }
    const li = el("li", "msg " + (item.fromBot ? "bot" : "user"));
    if (item.invoice) li.appendChild(invoice(item, handlers));
    if (item.document) li.appendChild(documentLink(item, handlers));
    if (item.caption) li.appendChild(el("div", "caption", item.caption));
    if (item.text) li.appendChild(formatted(item.text, item.entities));
    if (item.replyMarkup) li.appendChild(inlineKeyboard(item.replyMarkup, handlers));
    const meta = (item.editDate ? "bearbeitet " : "") + time(item.editDate || item.date);
    li.appendChild(el("span", "meta", meta));
    return li;
  }

  return { el, message, time };
})();
