// The chat page: picks a simulated user, polls their chat and lets a person play the bot.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const state = { userId: null, lastChat: "" };

  function toast(text, alert) {
    const box = $("toast");
    box.textContent = text;
    box.className = "toast" + (alert ? " alert" : "");
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { box.hidden = true; }, alert ? 6000 : 3000);
  }

  async function guard(action) {
    try {
      return await action();
    } catch (e) {
      toast("Fehler: " + e.message, true);
      return null;
    }
  }

  async function loadUsers() {
    const users = await SandboxApi.users();
    const list = $("users");
    list.replaceChildren(...users.map((u) => {
      const li = Render.el("li", u.userId === state.userId ? "active" : "", u.firstName + (u.username ? " (@" + u.username + ")" : ""));
      li.onclick = () => select(u.userId);
      return li;
    }));
  }

  async function loadBot() {
    const bot = await SandboxApi.bot();
    $("bot-name").textContent = "@" + bot.username;
    $("webhook").textContent = bot.webhookUrl || "aus (getUpdates)";
    $("commands").replaceChildren(...(bot.commands || []).map((c) => {
      const li = Render.el("li", "", "/" + c.command + " – " + c.description);
      li.onclick = () => send("/" + c.command);
      return li;
    }));
  }

  async function select(userId) {
    await SandboxApi.user(userId);
    state.userId = userId;
    state.lastChat = "";
    localStorage.setItem("sandbox-user", String(userId));
    $("text").disabled = false;
    $("composer").querySelector("button").disabled = false;
    await refresh();
    await loadUsers();
  }

  async function refresh() {
    if (!state.userId) return;
    const userId = state.userId;
    const [user, chat, subs] = await Promise.all([
      SandboxApi.user(userId), SandboxApi.chat(userId), SandboxApi.subscriptions(userId),
    ]);
    $("me").hidden = false;
    $("me-name").textContent = user.firstName;
    $("me-id").textContent = "#" + user.userId;
    $("me-stars").textContent = user.stars;
    $("block").textContent = user.blocked ? "Bot entsperren" : "Bot blockieren";
    $("block").className = user.blocked ? "" : "secondary";
    $("chat-title").textContent = "Quiz · Chat mit " + user.firstName + (user.blocked ? " (blockiert)" : "");
    Subscriptions.render(userId, subs, subscriptionUi);
    const snapshot = JSON.stringify(chat);
    if (snapshot === state.lastChat) return;
    state.lastChat = snapshot;
    renderChat(chat);
  }

  function renderChat(chat) {
    const list = $("messages");
    const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
    list.replaceChildren(...chat.map((item) => Render.message(item, {
      press: (data) => press(item.messageId, data),
      pay: () => pay(item.messageId),
      documentUrl: () => "/sandbox/api/users/" + state.userId + "/chat/" + item.messageId + "/document",
      link: (url) => link(url),
    })));
    if (atBottom) list.scrollTop = list.scrollHeight;
    renderReplyKeyboard(chat);
  }

  function renderReplyKeyboard(chat) {
    const box = $("reply-keyboard");
    const last = [...chat].reverse().find((m) => m.fromBot && m.replyKeyboard);
    const keyboard = last && last.replyKeyboard.keyboard;
    box.hidden = !keyboard;
    if (!keyboard) return;
    box.replaceChildren(...keyboard.map((row) => {
      const line = Render.el("div", "row");
      row.forEach((button) => {
        const text = typeof button === "string" ? button : button.text;
        const b = Render.el("button", "", text);
        b.type = "button";
        b.onclick = () => send(text);
        line.appendChild(b);
      });
      return line;
    }));
  }

  async function send(text) {
    if (!state.userId || !text.trim()) return;
    await guard(() => SandboxApi.send(state.userId, text));
    await refresh();
  }

  async function press(messageId, data) {
    const result = await guard(() => SandboxApi.press(state.userId, messageId, data));
    if (!result) return;
    // Telegram shows the bot's answerCallbackQuery text as a toast or an alert.
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const answer = await guard(() => SandboxApi.callback(state.userId, result.callbackQueryId));
      if (answer && answer.answered) {
        if (answer.text) toast(answer.text, answer.showAlert);
        break;
      }
    }
    await refresh();
  }

  // Offline there is no t.me: an invoice link (https://t.me/$slug) is paid like Telegram's payment form does;
  // a bot deep link (also inside a share link) becomes "/start <payload>" in the input, ready to be sent
  // as another simulated user.
  function link(url) {
    const parsed = new URL(url);
    if (parsed.hostname === "t.me" && parsed.pathname.startsWith("/$")) {
      payLink(url);
      return;
    }
    const shared = parsed.pathname === "/share/url" ? parsed.searchParams.get("url") : null;
    const target = shared ? new URL(shared) : parsed;
    const start = target.hostname === "t.me" ? target.searchParams.get("start") : null;
    if (!start) {
      window.open(url, "_blank", "noopener");
      return;
    }
    $("text").value = "/start " + start;
    toast("Link übernommen: Wähle links einen anderen Nutzer und sende „/start " + start + "“.", true);
  }

  function pay(messageId) {
    return payWith(() => SandboxApi.payMessage(state.userId, messageId));
  }

  function payLink(invoiceLink) {
    return payWith(() => SandboxApi.payLink(state.userId, invoiceLink));
  }

  // Telegram's payment form: the toast says how it went.
  async function payWith(call) {
    toast("Zahlung läuft …");
    const result = await guard(call);
    if (result) toast(result.status === "paid" ? "Bezahlt ✅" : "Zahlung fehlgeschlagen: " + (result.errorMessage || result.status), result.status !== "paid");
    await refresh();
  }

  // The Abos block's buttons: each action resolves to the toast it shows, or fails into guard's toast.
  const subscriptionUi = {
    userId: () => state.userId,
    act: async (action) => {
      const shown = await guard(action);
      if (shown) toast(shown.text, shown.alert);
      await refresh();
    },
  };

  $("new-user").onsubmit = async (event) => {
    event.preventDefault();
    const form = event.target;
    const created = await guard(() => SandboxApi.createUser(form.firstName.value.trim(), form.username.value.trim()));
    form.reset();
    if (created) await select(created.userId);
  };
  $("composer").onsubmit = async (event) => {
    event.preventDefault();
    const text = $("text").value;
    $("text").value = "";
    await send(text);
  };
  $("block").onclick = async () => {
    const user = await SandboxApi.user(state.userId);
    await guard(() => (user.blocked ? SandboxApi.unblock(state.userId) : SandboxApi.block(state.userId)));
    await refresh();
  };
  $("pay-link").onsubmit = async (event) => {
    event.preventDefault();
    await payLink(event.target.link.value.trim());
  };

  async function tick() {
    await guard(async () => { await refresh(); await loadBot(); });
    setTimeout(tick, 1000);
  }

  (async () => {
    await guard(loadUsers);
    const saved = Number(localStorage.getItem("sandbox-user"));
    if (saved && (await guard(() => select(saved))) === null) localStorage.removeItem("sandbox-user");
    tick();
  })();
})();
