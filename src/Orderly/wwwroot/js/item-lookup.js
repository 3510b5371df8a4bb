// The new-order form's item look-up, without leaving the page: what the agent has typed into the
// order stays where it is. Only an enhancement: without JavaScript the look-up form loads the page
// again (and the order form starts empty). When the look-up cannot answer here, it says so in the
// results rather than leave the page, which would lose the order being typed.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-lookup]");
  if (!form) return;
  const results = form.querySelector("[data-lookup-results]");
  let pending = null;

  const say = (text) => {
    const message = document.createElement("p");
    message.className = "field-error";
    message.textContent = text;
    results.replaceChildren(message);
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    // A newer look-up replaces an older one still on its way.
    pending?.abort();
    const current = pending = new AbortController();
    const url = new URL(form.action, window.location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" }, signal: current.signal });
      // An ended session is sent to the sign-in page.
      if (response.redirected) { say("Your session has ended. Sign in again in another tab, then look up again."); return; }
      if (!response.ok) { say("The look-up did not answer. Try again."); return; }
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const found = page.querySelector("[data-lookup-results]");
      if (current !== pending) return;
      if (found) results.replaceChildren(...found.childNodes);
      else say("The look-up did not answer. Try again.");
    } catch (error) {
      if (error.name !== "AbortError") say("The look-up did not answer. Try again.");
    }
  });
});
