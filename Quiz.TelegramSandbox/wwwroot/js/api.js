// Thin wrapper around the sandbox control API (/sandbox/api); every call returns parsed JSON.
"use strict";

const SandboxApi = (() => {
  async function call(method, path, body) {
    const response = await fetch("/sandbox/api" + path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      throw new Error((data && data.error) || ("HTTP " + response.status));
    }
    return data;
  }

  return {
    bot: () => call("GET", "/bot"),
    users: () => call("GET", "/users"),
    user: (id) => call("GET", "/users/" + id),
    createUser: (firstName, username) => call("POST", "/users", { firstName, username, languageCode: "de" }),
    chat: (id) => call("GET", "/users/" + id + "/chat"),
    send: (id, text) => call("POST", "/users/" + id + "/messages", { text }),
    press: (id, messageId, callbackData) => call("POST", "/users/" + id + "/press", { messageId, callbackData }),
    callback: (id, queryId) => call("GET", "/users/" + id + "/callbacks/" + encodeURIComponent(queryId)),
    payMessage: (id, messageId) => call("POST", "/users/" + id + "/pay", { messageId }),
    payLink: (id, invoiceSlug) => call("POST", "/users/" + id + "/pay", { invoiceSlug }),
    subscriptions: (id) => call("GET", "/users/" + id + "/subscriptions"),
    cancelSubscription: (id, chargeId) => call("POST", "/users/" + id + "/subscriptions/cancel", { chargeId }),
    reenableSubscription: (id, chargeId) => call("POST", "/users/" + id + "/subscriptions/reenable", { chargeId }),
    renewSubscription: (id, chargeId) => call("POST", "/users/" + id + "/subscriptions/renew", { chargeId }),
    block: (id) => call("POST", "/users/" + id + "/block"),
    unblock: (id) => call("POST", "/users/" + id + "/unblock"),
  };
})();
