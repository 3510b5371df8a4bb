// The new-order form's item look-up, without leaving the page: what the agent has typed into the
// order stays where it is. Only an enhancement: without JavaScript the look-up form loads the page
// again (and the order form starts empty), and if the fetch fails the form is sent that way.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  const form = document.querySelector("form[data-lookup]");
  if (!form) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const url = new URL(form.action, window.location.href);
    url.search = new URLSearchParams(new FormData(form)).toString();
    try {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(`look-up answered ${response.status}`);
      const page = new DOMParser().parseFromString(await response.text(), "text/html");
      const found = page.querySelector("[data-lookup-results]");
      if (!found) throw new Error("look-up answer without results");
      form.querySelector("[data-lookup-results]").replaceChildren(...found.childNodes);
    } catch {
      form.submit();
    }
  });
});
