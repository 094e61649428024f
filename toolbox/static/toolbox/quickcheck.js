// The Quickcheck with JavaScript: the steps of "one question per screen" are taken in the
// page, without a round trip, and "all on one page" counts the answered questions as they
// are given. Without this file the server takes every step (and it checks every answer
// again when the result is asked for).
(function () {
    "use strict";
    var form = document.querySelector("form[data-quickcheck]");
    if (!form) return;
    var questions = Array.prototype.slice.call(form.querySelectorAll(".quickcheck__question"));
    var total = questions.length;
    if (!total) return;

    function say(template, number) {
        return template.replace("{number}", number).replace("{total}", total);
    }
    function answered(question) {
        return question.querySelector("input[type=radio]:checked") !== null;
    }
    function required(question) {
        return question.querySelector("input[aria-required=true]") !== null;
    }
    function describedBy(question, id, add) {
        var ids = (question.getAttribute("aria-describedby") || "").split(" ").filter(function (x) {
            return x && x !== id;
        });
        if (add) ids.push(id);
        if (ids.length) question.setAttribute("aria-describedby", ids.join(" "));
        else question.removeAttribute("aria-describedby");
    }
    function clear(question) {
        var error = question.querySelector(".field__error");
        question.classList.remove("choice-group--error");
        if (error) {
            describedBy(question, error.id, false);
            error.remove();
        }
        var summary = document.getElementById("form-errors");
        if (summary) summary.remove();
    }
    function complain(question) {
        clear(question);
        var error = document.createElement("p");
        error.className = "field__error";
        error.id = "fehler-" + question.id.replace(/^frage-/, "");
        error.setAttribute("role", "alert");
        error.textContent = form.getAttribute("data-missing");
        var help = question.querySelector(".field__help");
        (help || question.querySelector("legend")).after(error);
        question.classList.add("choice-group--error");
        describedBy(question, error.id, true);
        question.querySelector("input[type=radio]").focus();
    }

    form.addEventListener("change", function (event) {
        var question = event.target.closest(".quickcheck__question");
        if (question && question.classList.contains("choice-group--error")) clear(question);
    });

    if (form.getAttribute("data-quickcheck") === "all") {
        // A live count of the answered questions above the form.
        var count = document.createElement("p");
        count.className = "quickcheck__progress";
        count.id = "answered-count";
        count.setAttribute("aria-live", "polite");
        var meter = document.createElement("progress");
        meter.max = total;
        meter.setAttribute("aria-labelledby", "answered-count");
        form.before(count, meter);
        var update = function () {
            var done = questions.filter(answered).length;
            meter.value = done;
            count.textContent = say(form.getAttribute("data-answered"), done);
        };
        form.addEventListener("change", update);
        update();
        return;
    }

    // One question per screen.
    var stepField = form.querySelector("input[name=schritt]");
    var forward = form.querySelector("button[data-forward]");
    var back = form.querySelector("button[value=zurueck]");
    var text = document.getElementById("progress-text");
    var bar = document.querySelector(".quickcheck progress");
    var step = parseInt(stepField.value, 10) || 0;
    text.setAttribute("aria-live", "polite");

    function show(next) {
        step = Math.max(0, Math.min(next, total - 1));
        questions.forEach(function (question, index) {
            question.hidden = index !== step;
        });
        stepField.value = step;
        bar.value = step + 1;
        text.textContent = say(form.getAttribute("data-progress"), step + 1);
        var last = step === total - 1;
        forward.value = last ? "auswerten" : "weiter";
        forward.textContent = form.getAttribute(last ? "data-finish" : "data-next");
        back.hidden = step === 0;
        var question = questions[step];
        question.setAttribute("tabindex", "-1");
        question.focus();
    }

    form.addEventListener("submit", function (event) {
        // Enter in a field presses the first button, which is always "forward".
        var action = event.submitter ? event.submitter.value : forward.value;
        var current = questions[step];
        if (action === "zurueck") {
            event.preventDefault();
            clear(current);
            show(step - 1);
        } else if (required(current) && !answered(current)) {
            event.preventDefault();
            complain(current);
        } else if (action === "weiter") {
            event.preventDefault();
            clear(current);
            show(step + 1);
        }
    });
}());
