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
    // After a form with errors is shown again, move focus to the error summary.
    var summary = document.getElementById("form-errors");
    if (summary) summary.focus();
}());
