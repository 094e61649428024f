// Filter listings update in place when a choice changes; without this file the
// form's button reloads the page with the same address, which works just as well.
(function () {
    "use strict";
    var listing = document.querySelector("[data-filter-listing]");
    if (!listing || !window.fetch || !window.DOMParser) return;
    var form = listing.querySelector("form.filters");
    var status = listing.querySelector("[data-results-status]");

    function load(url, push) {
        var results = listing.querySelector("#results");
        results.setAttribute("aria-busy", "true");
        fetch(url, { headers: { "Accept": "text/html" }, credentials: "same-origin" })
            .then(function (response) { return response.text(); })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-filter-listing]");
                if (!fresh) { window.location.href = url; return; }
                // Keep the focused checkbox: only counts, their dimming and results are replaced.
                var options = form.querySelectorAll(".filter-option");
                fresh.querySelectorAll("form.filters .filter-option").forEach(function (option, index) {
                    var current = options[index];
                    if (!current) return;
                    current.className = option.className;
                    var count = option.querySelector(".count");
                    if (count) current.querySelector(".count").textContent = count.textContent;
                });
                var freshSummary = fresh.querySelector(".filters__summary");
                if (freshSummary) form.querySelector(".filters__summary").innerHTML = freshSummary.innerHTML;
                var freshActions = fresh.querySelector(".filters__actions");
                if (freshActions) form.querySelector(".filters__actions").innerHTML = freshActions.innerHTML;
                results.innerHTML = fresh.querySelector("#results").innerHTML;
                results.removeAttribute("aria-busy");
                // The live region stays in place, so screen readers hear the new count.
                var count = results.querySelector(".results__count");
                if (status && count) status.textContent = count.textContent.trim();
                if (push) window.history.pushState({ filters: true }, "", url);
            })
            .catch(function () { window.location.href = url; });
    }

    function formUrl() {
        var params = new URLSearchParams(new FormData(form));
        var query = params.toString();
        return form.getAttribute("action") + (query ? "?" + query : "");
    }

    form.addEventListener("change", function () { load(formUrl(), true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); load(formUrl(), true); });
    window.addEventListener("popstate", function () { window.location.reload(); });
}());
