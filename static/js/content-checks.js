/* A content check of the editors' accessibility checks (cms/content_checks.py): a link
   whose whole text is "hier klicken", "mehr", "weiter" or the like does not say where it
   leads. Registered with Wagtail's userbar before the page's "load" event, when the
   checks run; the pattern comes from the server. */
(() => {
  const userbar = document.querySelector("wagtail-userbar");
  if (!userbar || typeof userbar.registerCheck !== "function") return;
  userbar.registerCheck("check-link-text", (node, options) => {
    const text = (node.getAttribute("aria-label") || node.innerText || node.textContent || "")
      .replace(/\s+/g, " ")
      .replace(/[\s.:!?…»›→>-]+$/u, "")
      .trim();
    return !new RegExp(options.pattern, "i").test(text);
  });
})();
