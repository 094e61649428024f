"""Step 2 of the Quickcheck builder: the questions, with one row per answer option and
a number field per dimension (the shared parts: forms.py)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .forms import (
    MIN_OPTION_ROWS,
    BuilderForm,
    set_stream,
    split_keys,
)


class QuestionsForm(BuilderForm):
    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.questions = list(page.questions)
        self.dimension_list = [(b.value["key"], b.value["name"]) for b in page.dimensions]
        perspectives = [(b.value["key"], b.value["name"]) for b in page.perspectives]
        self.count = len(self.questions) + 1
        self.option_counts = []
        for n in range(self.count):
            block = self.questions[n] if n < len(self.questions) else None
            value = block.value if block else None
            options = list(value["options"]) if value else []
            if not block and self.questions:
                # A new question starts with the answers of the one before: most use one scale.
                template = list(self.questions[-1].value["options"])
                labels = [option["label"] for option in template]
            else:
                labels = [option["label"] for option in options]
            option_count = max(len(options) + 1, MIN_OPTION_ROWS, len(labels))
            self.option_counts.append(option_count)
            self.fields[f"q{n}_text"] = forms.CharField(
                label=_("Question"),
                max_length=300,
                required=False,
                initial=value["text"] if value else "",
            )
            self.fields[f"q{n}_help"] = forms.CharField(
                label=_("Explanation"),
                max_length=400,
                required=False,
                initial=value["help"] if value else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            if len(perspectives) > 1:
                self.fields[f"q{n}_perspectives"] = forms.MultipleChoiceField(
                    label=_("Only for these perspectives"),
                    choices=perspectives,
                    required=False,
                    initial=split_keys(value["perspectives"]) if value else [],
                    widget=forms.CheckboxSelectMultiple,
                    help_text=_("Tick none for every perspective."),
                )
            self.fields[f"q{n}_required"] = forms.BooleanField(
                label=_("Answer required"),
                required=False,
                initial=value["required"] if value else True,
            )
            if block:
                self.fields[f"q{n}_delete"] = forms.BooleanField(label=_("Remove"), required=False)
            for o in range(option_count):
                option = options[o] if o < len(options) else None
                points = {p["dimension"]: p["points"] for p in option["points"]} if option else {}
                self.fields[f"q{n}_o{o}_label"] = forms.CharField(
                    label=_("Answer %(number)s") % {"number": o + 1},
                    max_length=200,
                    required=False,
                    initial=labels[o] if o < len(labels) else "",
                )
                for d, (key, name) in enumerate(self.dimension_list):
                    self.fields[f"q{n}_o{o}_d{d}"] = forms.IntegerField(
                        label=_("Points for %(dimension)s, answer %(number)s")
                        % {"dimension": name, "number": o + 1},
                        min_value=-10,
                        max_value=10,
                        required=False,
                        initial=points.get(key),
                        widget=forms.NumberInput(attrs={"class": "quickcheck-builder__points"}),
                    )

    def question_rows(self):
        rows = []
        for n in range(self.count):
            row = self.row("q", n, ("text", "help", "perspectives", "required", "delete"))
            row["is_new"] = n >= len(self.questions)
            row["options"] = [
                {
                    "number": o + 1,
                    "label": self[f"q{n}_o{o}_label"],
                    "points": [self[f"q{n}_o{o}_d{d}"] for d in range(len(self.dimension_list))],
                }
                for o in range(self.option_counts[n])
            ]
            rows.append(row)
        return rows

    def clean(self):
        super().clean()
        self.result = []
        for n in range(self.count):
            block = self.questions[n] if n < len(self.questions) else None
            if block and self.value(f"q{n}_delete"):
                continue
            text = self.value(f"q{n}_text")
            options, any_points = [], False
            for o in range(self.option_counts[n]):
                label = self.value(f"q{n}_o{o}_label")
                points = []
                for d, (key, _name) in enumerate(self.dimension_list):
                    number = self.value(f"q{n}_o{o}_d{d}")
                    if number is not None:
                        points.append({"dimension": key, "points": number})
                any_points = any_points or bool(points)
                if points and not label:
                    message = gettext("Write the answer for these points.")
                    self.add_error(f"q{n}_o{o}_label", message)
                elif label:
                    options.append({"label": label, "points": points})
            if not block and not text and not any_points:
                continue  # the empty row for a new question
            if not text:
                message = (
                    gettext("Write the question, or tick “Remove” to take it out.")
                    if block
                    else gettext("Write the question.")
                )
                self.add_error(f"q{n}_text", message)
                continue
            if len(options) < 2:
                self.add_error(f"q{n}_text", gettext("Give at least two answers."))
                continue
            if f"q{n}_perspectives" in self.fields:
                perspectives = ", ".join(self.value(f"q{n}_perspectives") or [])
            else:  # one perspective only: nothing to choose, keep what the question had
                perspectives = block.value["perspectives"] if block else ""
            question = {
                "text": text,
                "help": self.value(f"q{n}_help") or "",
                "perspectives": perspectives,
                "required": bool(self.value(f"q{n}_required")),
                "options": options,
            }
            self.result.append([question, block.id if block else None])
        return self.cleaned_data

    def apply(self, page, move=None):
        """``move`` is (question number, -1 or +1): the question changes place."""
        rows = self.result
        if move:
            number, step = move
            ids = [block.id for block in self.questions]
            if 0 <= number < len(ids):
                where = next((i for i, row in enumerate(rows) if row[1] == ids[number]), None)
                other = None if where is None else where + step
                if other is not None and 0 <= other < len(rows):
                    rows[where], rows[other] = rows[other], rows[where]
        set_stream(page, "questions", [("question", q, block_id) for q, block_id in rows])
