"""Step 3 of the Quickcheck builder (toolbox/quickcheck/builder/forms.py): the result bands of
each dimension, with recommended pages chosen among the published pages in the
Quickcheck's own language (toolbox/quickcheck/builder/chooser.py)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from .chooser import RecommendationChooser
from .forms import BuilderForm, set_stream

DEFAULT_BAND_MINIMA = (0, 40, 75)
MIN_RECOMMENDATION_SLOTS = 2


class ResultsForm(BuilderForm):
    def __init__(self, *args, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.dimensions = list(page.dimensions)
        candidates = Page.objects.live().filter(locale=page.locale, depth__gt=2)
        self.band_counts = []
        self.slot_counts = {}
        for d, block in enumerate(self.dimensions):
            bands = list(block.value["bands"])
            count = len(bands) + 1 if bands else len(DEFAULT_BAND_MINIMA)
            self.band_counts.append(count)
            for b in range(count):
                band = bands[b] if b < len(bands) else None
                prefix = f"b{d}_{b}"
                if band:
                    minimum = band["min"]
                elif not bands:
                    minimum = DEFAULT_BAND_MINIMA[b]
                else:
                    minimum = None
                self.fields[f"{prefix}_min"] = forms.IntegerField(
                    label=_("From per cent"),
                    min_value=0,
                    max_value=100,
                    required=False,
                    initial=minimum,
                )
                self.fields[f"{prefix}_title"] = forms.CharField(
                    label=_("Title"),
                    max_length=80,
                    required=False,
                    initial=band["title"] if band else "",
                )
                self.fields[f"{prefix}_text"] = forms.CharField(
                    label=_("Text"),
                    max_length=1000,
                    required=False,
                    initial=band["text"] if band else "",
                    widget=forms.Textarea(attrs={"rows": 3}),
                )
                if band:
                    self.fields[f"{prefix}_delete"] = forms.BooleanField(
                        label=_("Remove"), required=False
                    )
                chosen = [p for p in band["recommendations"] if p] if band else []
                slots = max(len(chosen) + 1, MIN_RECOMMENDATION_SLOTS)
                self.slot_counts[prefix] = slots
                # What was chosen before stays valid (e.g. unpublished since); new choices
                # are published pages in the Quickcheck's language.
                allowed = candidates | Page.objects.filter(pk__in=[p.pk for p in chosen])
                for r in range(slots):
                    self.fields[f"{prefix}_r{r}"] = forms.ModelChoiceField(
                        label=_("Recommended page %(number)s") % {"number": r + 1},
                        queryset=allowed,
                        required=False,
                        initial=chosen[r].pk if r < len(chosen) else None,
                        widget=RecommendationChooser(language=page.locale.language_code),
                        error_messages={
                            "invalid_choice": _(
                                "Choose a published page in the language of this Quickcheck."
                            )
                        },
                    )

    def dimension_rows(self):
        rows = []
        for d, block in enumerate(self.dimensions):
            bands = []
            for b in range(self.band_counts[d]):
                prefix = f"b{d}_{b}"
                band = self.row(f"b{d}_", b, ("min", "title", "text", "delete"))
                band["recommendations"] = [
                    self[f"{prefix}_r{r}"] for r in range(self.slot_counts[prefix])
                ]
                bands.append(band)
            rows.append({"name": block.value["name"], "bands": bands})
        return rows

    def clean(self):
        super().clean()
        self.result = []
        for d, block in enumerate(self.dimensions):
            bands = []
            existing = len(block.value["bands"])
            for b in range(self.band_counts[d]):
                prefix = f"b{d}_{b}"
                if b < existing and self.value(f"{prefix}_delete"):
                    continue
                title = self.value(f"{prefix}_title")
                text = self.value(f"{prefix}_text")
                pages = [
                    self.value(f"{prefix}_r{r}")
                    for r in range(self.slot_counts[prefix])
                    if self.value(f"{prefix}_r{r}")
                ]
                if b >= existing and not title and not text and not pages:
                    continue  # an empty row
                if not title:
                    self.add_error(f"{prefix}_title", gettext("Give the result a title."))
                if not text:
                    self.add_error(f"{prefix}_text", gettext("Describe the result."))
                minimum = self.value(f"{prefix}_min")
                if minimum is None and f"{prefix}_min" not in self.errors:
                    self.add_error(f"{prefix}_min", gettext("Enter a share from 0 to 100."))
                bands.append(
                    {"min": minimum, "title": title, "text": text, "recommendations": pages}
                )
            bands.sort(key=lambda band: band["min"] or 0)
            self.result.append(bands)
        return self.cleaned_data

    def apply(self, page):
        dimensions = []
        for block, bands in zip(self.dimensions, self.result, strict=True):
            value = {
                "key": block.value["key"],
                "name": block.value["name"],
                "description": block.value["description"],
                "bands": bands,
            }
            dimensions.append(("dimension", value, block.id))
        set_stream(page, "dimensions", dimensions)
