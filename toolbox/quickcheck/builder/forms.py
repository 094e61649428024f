"""The Quickcheck builder: three short forms in place of nested StreamFields.

1. Perspectives and dimensions, by name. Short names (the keys that responses and the
   statistics refer to) are made from the name once and never change afterwards.
2. Questions: for each answer option one row with a number field per dimension.
3. Results (toolbox/quickcheck/builder/results.py): the bands of each dimension, with
   recommended pages chosen among the pages in the Quickcheck's own language.

Each form reads the latest draft of the page and writes its part back into it
(``apply``); the view saves a revision. Row n is the draft's block n: a form sent from an
older revision is refused (the view compares revisions), so rows cannot shift. Existing
blocks keep their ids and short names, so renaming and reordering keep the statistics,
and a short name once used (by a removed row or in stored responses) is never given
to a new row.
"""

import re

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.blocks import StreamValue

from cms.slugs import german_slugify

from ..models import QuickcheckResponse, QuickcheckTally

MIN_PERSPECTIVE_ROWS = 2
MIN_DIMENSION_ROWS = 4
MIN_OPTION_ROWS = 4
TABLE_FIELD = re.compile(r"^q\d+_o\d+_")  # the answers and points of a question


def new_key(name, taken):
    """A short name made from ``name`` that is not in ``taken``."""
    base = german_slugify(name).replace("_", "-")[:36].strip("-") or "teil"
    key, number = base, 2
    while key in taken:
        key = f"{base}-{number}"
        number += 1
    return key


class BuilderForm(forms.Form):
    """Rows of fields named ``<prefix><n>_<field>``; ``row(prefix, n)`` collects them."""

    def row(self, prefix, number, names):
        row = {"number": number + 1}
        for name in names:
            key = f"{prefix}{number}_{name}"
            if key in self.fields:
                row[name] = self[key]
        return row

    def value(self, name):
        return self.cleaned_data.get(name)

    def _post_clean(self):
        super()._post_clean()
        # The answer tables show errors below the fields; tie them to their field.
        for name in self.errors:
            if name in self.fields and TABLE_FIELD.match(name):
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"


# -- 1. perspectives and dimensions ------------------------------------------------------
def used_keys(page):
    """Short names that stored responses refer to, for this Quickcheck."""
    perspectives = QuickcheckResponse.objects.filter(quickcheck=page.pk).values_list(
        "perspective", flat=True
    )
    dimensions = QuickcheckTally.objects.filter(quickcheck=page.pk).values_list(
        "dimension", flat=True
    )
    return set(perspectives.distinct()) | set(dimensions.distinct())


class StructureForm(BuilderForm):
    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.perspectives = list(page.perspectives)
        self.dimensions = list(page.dimensions)
        self.perspective_count = max(len(self.perspectives) + 1, MIN_PERSPECTIVE_ROWS)
        self.dimension_count = max(len(self.dimensions) + 1, MIN_DIMENSION_ROWS)
        self._named_rows(
            "p",
            self.perspectives,
            self.perspective_count,
            "intro",
            _("Introduction"),
            _("E.g. 'Mitarbeiter*in'."),
        )
        self._named_rows(
            "d",
            self.dimensions,
            self.dimension_count,
            "description",
            _("Description"),
            _("E.g. 'Lernkultur'."),
        )

    def _named_rows(self, prefix, blocks, count, text_field, text_label, example):
        """Rows of a name and a text, one per block and the empty ones after them."""
        for n in range(count):
            block = blocks[n] if n < len(blocks) else None
            self.fields[f"{prefix}{n}_name"] = forms.CharField(
                label=_("Name"),
                max_length=80,
                required=False,
                initial=block.value["name"] if block else "",
                help_text=example if n == 0 else "",
            )
            self.fields[f"{prefix}{n}_{text_field}"] = forms.CharField(
                label=text_label,
                max_length=400,
                required=False,
                initial=block.value[text_field] if block else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            if block:
                self.fields[f"{prefix}{n}_delete"] = forms.BooleanField(
                    label=_("Remove"), required=False
                )

    def perspective_rows(self):
        names = ("name", "intro", "delete")
        return [self.row("p", n, names) for n in range(self.perspective_count)]

    def dimension_rows(self):
        names = ("name", "description", "delete")
        return [self.row("d", n, names) for n in range(self.dimension_count)]

    def _collect(self, prefix, blocks, text_field):
        kept, removed = [], []
        count = self.perspective_count if prefix == "p" else self.dimension_count
        for n in range(count):
            block = blocks[n] if n < len(blocks) else None
            name = self.value(f"{prefix}{n}_name")
            text = self.value(f"{prefix}{n}_{text_field}")
            if block and self.value(f"{prefix}{n}_delete"):
                removed.append(block)
            elif block and not name:
                self.add_error(
                    f"{prefix}{n}_name",
                    gettext("Give it a name, or tick “Remove” to take it out."),
                )
            elif not block and text and not name:
                self.add_error(f"{prefix}{n}_name", gettext("Give it a name."))
            elif name:
                kept.append((block, name, text))
        return kept, removed

    def clean(self):
        super().clean()
        self.kept_perspectives, self.removed_perspectives = self._collect(
            "p", self.perspectives, "intro"
        )
        self.kept_dimensions, self.removed_dimensions = self._collect(
            "d", self.dimensions, "description"
        )
        if not self.kept_perspectives:
            self.add_error(None, gettext("Name at least one perspective, e.g. “Mitarbeiter*in”."))
        if not self.kept_dimensions:
            self.add_error(None, gettext("Name at least one dimension, e.g. “Lernkultur”."))
        return self.cleaned_data

    def apply(self, page):
        retired = used_keys(page) | {
            block.value["key"] for block in self.removed_perspectives + self.removed_dimensions
        }

        def keys(rows):
            taken = retired | {block.value["key"] for block, _name, _text in rows if block}
            result = []
            for block, name, _text in rows:
                if block:
                    result.append(block.value["key"])
                else:
                    key = new_key(name, taken)
                    taken.add(key)
                    result.append(key)
            return result

        perspective_keys = keys(self.kept_perspectives)
        set_stream(
            page,
            "perspectives",
            [
                ("perspective", {"key": k, "name": name, "intro": intro}, block and block.id)
                for k, (block, name, intro) in zip(
                    perspective_keys, self.kept_perspectives, strict=True
                )
            ],
        )
        dimension_keys = keys(self.kept_dimensions)
        dimensions = [
            (
                "dimension",
                {
                    "key": key,
                    "name": name,
                    "description": description,
                    "bands": plain_bands(block) if block else [],
                },
                block.id if block else None,
            )
            for key, (block, name, description) in zip(
                dimension_keys, self.kept_dimensions, strict=True
            )
        ]
        set_stream(page, "dimensions", dimensions)
        # Questions forget what was removed.
        gone_perspectives = {block.value["key"] for block in self.removed_perspectives}
        gone_dimensions = {block.value["key"] for block in self.removed_dimensions}
        if gone_perspectives or gone_dimensions:
            questions = []
            for block in page.questions:
                question = plain_question(block)
                question["perspectives"] = ", ".join(
                    key
                    for key in split_keys(question["perspectives"])
                    if key not in gone_perspectives
                )
                for option in question["options"]:
                    option["points"] = [
                        p for p in option["points"] if p["dimension"] not in gone_dimensions
                    ]
                questions.append(("question", question, block.id))
            set_stream(page, "questions", questions)


def set_stream(page, field, items):
    """Set a StreamField from (type, value, id) items; an id of None makes a new block."""
    stream_block = page._meta.get_field(field).stream_block
    native = [
        (kind, stream_block.child_blocks[kind].normalize(value), block_id)
        for kind, value, block_id in items
    ]
    setattr(page, field, StreamValue(stream_block, native, is_lazy=False))


def split_keys(text):
    return [key.strip() for key in (text or "").split(",") if key.strip()]


def plain_bands(block):
    return [
        {
            "min": band["min"],
            "title": band["title"],
            "text": band["text"],
            "recommendations": [page for page in band["recommendations"] if page],
        }
        for band in block.value["bands"]
    ]


def plain_question(block):
    value = block.value
    return {
        "text": value["text"],
        "help": value["help"],
        "perspectives": value["perspectives"],
        "required": value["required"],
        "options": [
            {
                "label": option["label"],
                "points": [
                    {"dimension": p["dimension"], "points": p["points"]} for p in option["points"]
                ],
            }
            for option in value["options"]
        ],
    }


# -- 2. questions ----------------------------------------------------------------------
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
