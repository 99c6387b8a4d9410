// The "Abos" block of the #me card: the user's Stars subscriptions, switching renewal off and on as in
// Telegram's settings, and Telegram charging the next period (which the sandbox only does when asked).
"use strict";

const Subscriptions = (() => {
  let shown = "";

  function date(unix) {
    return new Date(unix * 1000).toLocaleDateString("de-DE", { day: "2-digit", month: "2-digit", year: "numeric" });
  }

  function status(sub) {
    if (sub.active) return "verlängert sich";
    if (sub.canceledByBot) return "vom Bot gekündigt";
    return "Verlängerung aus";
  }

  function button(text, className, onclick) {
    const b = Render.el("button", className, text);
    b.type = "button";
    b.onclick = onclick;
    return b;
  }

  function item(sub, ui) {
    const li = Render.el("li", "sub");
    li.dataset.chargeId = sub.chargeId;
    li.appendChild(Render.el("div", "", sub.amount + " ⭐ · bis " + date(sub.expiresAt) + " · " + status(sub)));
    li.appendChild(Render.el("div", "muted small", sub.renewals + "× verlängert · " + sub.chargeId));
    const actions = Render.el("div", "row");
    actions.appendChild(sub.active
      ? button("Verlängerung ausschalten", "secondary", () => ui.act(() => cancel(ui.userId(), sub.chargeId)))
      : button("Verlängerung einschalten", "", () => ui.act(() => reenable(ui.userId(), sub.chargeId))));
    actions.appendChild(button("Nächste Abbuchung simulieren", "", () => ui.act(() => renew(ui.userId(), sub.chargeId))));
    li.appendChild(actions);
    return li;
  }

  async function cancel(userId, chargeId) {
    await SandboxApi.cancelSubscription(userId, chargeId);
    return { text: "Verlängerung ausgeschaltet" };
  }

  async function reenable(userId, chargeId) {
    await SandboxApi.reenableSubscription(userId, chargeId);
    return { text: "Verlängerung eingeschaltet" };
  }

  async function renew(userId, chargeId) {
    const result = await SandboxApi.renewSubscription(userId, chargeId);
    return result.status === "paid"
      ? { text: "Abgebucht ✅" }
      : { text: "Keine Abbuchung: " + (result.errorMessage || result.status), alert: true };
  }

  // Renders only when the list changed, so a button is not replaced under the pointer every second.
  function render(userId, subs, ui) {
    const snapshot = userId + ":" + JSON.stringify(subs);
    if (snapshot === shown) return;
    shown = snapshot;
    const list = document.getElementById("subs-list");
    list.replaceChildren(...(subs.length === 0
      ? [Render.el("li", "muted small", "Keine Abos.")]
      : subs.map((sub) => item(sub, ui))));
  }

  return { render };
})();
