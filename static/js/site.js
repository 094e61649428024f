// Progressive enhancement only: every part of the site works without this file.
(function () {
    "use strict";
    // Escape closes the mobile menu and returns focus to its button.
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") return;
        var menu = document.querySelector("details.main-nav--narrow[open]");
        if (!menu) return;
        menu.removeAttribute("open");
        menu.querySelector("summary").focus();
    });
    // Two-click video: the platform's player is created only when asked for.
    document.querySelectorAll(".video-consent").forEach(function (box) {
        var form = box.querySelector("form");
        form.addEventListener("submit", function (event) {
            event.preventDefault();
            var wrapper = document.createElement("div");
            wrapper.className = "video__frame";
            var frame = document.createElement("iframe");
            frame.src = box.getAttribute("data-video-src");
            frame.title = box.getAttribute("data-video-title");
            frame.setAttribute("allow", "fullscreen; picture-in-picture");
            frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
            wrapper.appendChild(frame);
            box.replaceWith(wrapper);
            frame.focus();
        });
    });
    // The listings' filters stand open beside the results on wide screens; on phones
    // they stay folded behind "Filter (n)" unless the visitor opens them.
    var filters = document.querySelector("details[data-filters]");
    if (filters && window.matchMedia) {
        var wide = window.matchMedia("(min-width: 60em)");
        var follow = function () { if (wide.matches) filters.open = true; };
        follow();
        if (wide.addEventListener) wide.addEventListener("change", follow);
    }
    // "Back to the results" returns to the list as the visitor left it, filters and page
    // included (without this file it leads to the list itself).
    var back = document.querySelector("a[data-back-to-results]");
    if (back && document.referrer) {
        var from = new URL(document.referrer);
        if (from.origin === window.location.origin && from.pathname === new URL(back.href).pathname) {
            back.href = from.href;
        }
    }
    // "Copy link" beside a private link (the field can be selected and copied by hand too).
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
        if (!navigator.clipboard) return;
        var field = document.getElementById(button.getAttribute("data-copy"));
        var status = button.parentNode.querySelector("[data-copy-status]");
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(field.value).then(function () {
                if (status) status.textContent = button.getAttribute("data-copied");
                button.textContent = button.getAttribute("data-copied");
            }, function () { field.select(); });
        });
    });
    // After a form with errors is shown again, move focus to the error summary.
    var summary = document.getElementById("form-errors");
    if (summary) summary.focus();
}());
