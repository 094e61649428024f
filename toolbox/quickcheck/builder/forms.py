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
