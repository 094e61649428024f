"""The Quickcheck: a self-assessment that editors build in the admin and visitors take
anonymously. Scoring rules: toolbox/scoring.py. No personal data is stored: a response
holds the answers, the perspective, the result as it was shown, and the day."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import ratelimit
from cms.bad_input import whole_number
from cms.models import EmbeddableMixin
from cms.pdf import PDFUnavailable, render_pdf

from . import scoring
from .chart import radar
from .quickcheck_panels import QuickcheckPageForm, QuickcheckSummaryPanel
from .statistics import tally_rows, tally_totals

KEY_HELP = _("A short name of lowercase letters, digits and hyphens, e.g. 'lernkultur'.")
key_validator = RegexValidator(r"^[a-z0-9-]{1,40}$", _("Use lowercase letters, digits, hyphens."))


class PerspectiveBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("Short name"), max_length=40, help_text=KEY_HELP)
    name = blocks.CharBlock(label=_("Name"), max_length=80, help_text=_("E.g. 'Mitarbeiter*in'."))
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=400)

    class Meta:
        icon = "user"
        label = _("Perspective")


class BandBlock(blocks.StructBlock):
    min = blocks.IntegerBlock(
        label=_("From per cent"),
        min_value=0,
        max_value=100,
        default=0,
        help_text=_("The band applies from this share of the possible points upwards."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=1000)
    recommendations = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Page")),
        label=_("Recommended pages"),
        required=False,
        default=[],
        help_text=_("E.g. toolbox entries and support offerings."),
    )

    class Meta:
        icon = "pick"
        label = _("Result band")


class DimensionBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("Short name"), max_length=40, help_text=KEY_HELP)
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=400)
    bands = blocks.ListBlock(BandBlock(), label=_("Result bands"), min_num=1)

    class Meta:
        icon = "order"
        label = _("Dimension")


class PointsBlock(blocks.StructBlock):
    dimension = blocks.CharBlock(
        label=_("Dimension (short name)"), max_length=40, help_text=_("E.g. 'lernkultur'.")
    )
    points = blocks.IntegerBlock(label=_("Points"), default=1, min_value=-10, max_value=10)

    class Meta:
        form_classname = "quickcheck-points"


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Answer"), max_length=200)
    points = blocks.ListBlock(PointsBlock(), label=_("Points per dimension"), default=[])

    class Meta:
        icon = "radio-full"
        label = _("Answer option")


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Question"), max_length=300)
    help = blocks.TextBlock(label=_("Explanation"), required=False, max_length=400)
    perspectives = blocks.CharBlock(
        label=_("Only for these perspectives"),
        required=False,
        max_length=200,
        help_text=_("Short names separated by commas; empty for every perspective."),
    )
    required = blocks.BooleanBlock(label=_("Answer required"), required=False, default=True)
    options = blocks.ListBlock(OptionBlock(), label=_("Answer options"), default=[])

    class Meta:
        icon = "help"
        label = _("Question")


def _keys(text):
    return [key.strip() for key in (text or "").split(",") if key.strip()]


class QuickcheckPage(EmbeddableMixin, RoutablePageMixin, Page):
    """A Quickcheck with perspectives, dimensions, questions and result bands."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)
    one_per_screen = models.BooleanField(
        _("one question per screen"),
        default=True,
        help_text=_("Otherwise all questions are shown on one page."),
    )
    # Completeness is checked before publishing (missing_parts), not on every draft.
    perspectives = StreamField(
        [("perspective", PerspectiveBlock())], verbose_name=_("perspectives")
    )
    dimensions = StreamField([("dimension", DimensionBlock())], verbose_name=_("dimensions"))
    questions = StreamField([("question", QuestionBlock())], verbose_name=_("questions"))

    # The perspectives, dimensions and questions are built in the Quickcheck builder
    # (toolbox/quickcheck_builder.py); the editor shows a summary with the way there.
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("one_per_screen"),
        QuickcheckSummaryPanel(heading=_("Questions and results")),
    ]
    base_form_class = QuickcheckPageForm
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []
    template = "toolbox/quickcheck_page.html"
    embed_template = "toolbox/quickcheck_embed.html"

    class Meta:
        verbose_name = _("Quickcheck")
        verbose_name_plural = _("Quickchecks")

    # -- the definition --------------------------------------------------------------
    def clean(self):
        super().clean()
        perspectives = [block.value["key"] for block in self.perspectives]
        dimensions = [block.value["key"] for block in self.dimensions]
        errors = []
        for key in perspectives + dimensions:
            try:
                key_validator(key)
            except ValidationError:
                errors.append(gettext("“%(key)s” is not a valid short name.") % {"key": key})
        for label, keys in (
            (gettext("perspective"), perspectives),
            (gettext("dimension"), dimensions),
        ):
            doubled = sorted({key for key in keys if keys.count(key) > 1})
            if doubled:
                errors.append(
                    gettext("Every %(what)s needs its own short name: %(keys)s.")
                    % {"what": label, "keys": ", ".join(doubled)}
                )
        for number, block in enumerate(self.questions, 1):
            for key in _keys(block.value["perspectives"]):
                if key not in perspectives:
                    errors.append(
                        gettext("Question %(number)s names the unknown perspective “%(key)s”.")
                        % {"number": number, "key": key}
                    )
            for option in block.value["options"]:
                for points in option["points"]:
                    if points["dimension"] not in dimensions:
                        errors.append(
                            gettext("Question %(number)s scores the unknown dimension “%(key)s”.")
                            % {"number": number, "key": points["dimension"]}
                        )
        if errors:
            # Not tied to a field: the page editor holds none of these (the builder does).
            raise ValidationError(errors)

    def missing_parts(self):
        """What the Quickcheck lacks before visitors can take it (empty when complete)."""
        missing = []
        if not len(self.perspectives):
            missing.append(gettext("at least one perspective"))
        if not len(self.dimensions):
            missing.append(gettext("at least one dimension"))
        if not any(len(block.value["options"]) >= 2 for block in self.questions):
            missing.append(gettext("at least one question with answers"))
        for block in self.dimensions:
            if not len(block.value["bands"]):
                missing.append(
                    gettext("a result for “%(dimension)s”") % {"dimension": block.value["name"]}
                )
        return missing

    def definition(self):
        """The Quickcheck as plain data for toolbox.scoring."""
        return {
            "perspectives": [
                {"key": b.value["key"], "name": b.value["name"], "intro": b.value["intro"]}
                for b in self.perspectives
            ],
            "dimensions": [
                {
                    "key": b.value["key"],
                    "name": b.value["name"],
                    "description": b.value["description"],
                    "bands": [
                        {
                            "min": band["min"],
                            "title": band["title"],
                            "text": band["text"],
                            "pages": [page for page in band["recommendations"] if page],
                        }
                        for band in b.value["bands"]
                    ],
                }
                for b in self.dimensions
            ],
            "questions": [
                {
                    "id": block.id,
                    "text": block.value["text"],
                    "help": block.value["help"],
                    "perspectives": _keys(block.value["perspectives"]),
                    "required": block.value["required"],
                    "options": [
                        {
                            "label": option["label"],
                            "points": {p["dimension"]: p["points"] for p in option["points"]},
                        }
                        for option in block.value["options"]
                    ],
                }
                for block in self.questions
            ],
        }

    # -- previews for the editors ----------------------------------------------------------
    @property
    def preview_modes(self):
        return [
            ("", _("Start page")),
            ("fragen", _("All questions")),
            ("ergebnis", _("Sample result")),
        ]

    def serve_preview(self, request, mode_name):
        definition = self.definition()
        if mode_name not in ("fragen", "ergebnis") or not definition["perspectives"]:
            return super().serve_preview(request, mode_name)
        perspective = definition["perspectives"][0]
        questions = [
            q for q in scoring.questions_for(definition, perspective["key"]) if q["options"]
        ]
        if mode_name == "fragen":
            return self.render(
                request,
                template="toolbox/quickcheck_questions.html",
                context_overrides={
                    "perspective": perspective,
                    "questions": questions,
                    "shown": questions,
                    "answers": {},
                    "step": 0,
                    "last_step": True,
                    "errors": [],
                    "error_ids": set(),
                },
            )
        # A result for middle answers, computed and not stored.
        answers = {q["id"]: len(q["options"]) // 2 for q in questions}
        response = QuickcheckResponse.build(self, definition, perspective, answers)
        response.token = "vorschau"
        return self.render(
            request,
            template="toolbox/quickcheck_result.html",
            context_overrides=self.result_context(request, response),
        )

    # -- taking it -----------------------------------------------------------------------
    def _perspective(self, definition, key):
        for perspective in definition["perspectives"]:
            if perspective["key"] == key:
                return perspective
        return None

    @staticmethod
    def _answers(data, questions):
        answers = {}
        for question in questions:
            chosen = whole_number(data.get(f"q-{question['id']}", ""))
            if chosen is not None and chosen < len(question["options"]):
                answers[question["id"]] = chosen
        return answers

    # -- embedding on other sites ---------------------------------------------------------
    @staticmethod
    def is_embedded(request):
        data = request.POST if request.method == "POST" else request.GET
        return data.get("eingebettet") == "1"

    def render(self, request, *args, context_overrides=None, **kwargs):
        embedded = self.is_embedded(request)
        context_overrides = {
            "embedded": embedded,
            "base_template": "toolbox/embedded_base.html" if embedded else "base.html",
            **(context_overrides or {}),
        }
        response = super().render(request, *args, context_overrides=context_overrides, **kwargs)
        if embedded:
            self.allow_framing(response)
        return response

    @staticmethod
    def allow_framing(response):
        """Only embedded views may be framed, and only by the configured sites."""
        response.xframe_options_exempt = True
        ancestors = ["'self'", *settings.QUICKCHECK_FRAME_ANCESTORS]
        response._csp_replace = {"frame-ancestors": ancestors}
        return response

    def embed_url(self, request=None):
        return self.get_full_url(request) + "?eingebettet=1"

    def allowed(self, request):
        """Results per visitor are limited (settings.QUICKCHECK_RATE_LIMIT)."""
        if request.user.is_authenticated:
            return True
        limit, window = settings.QUICKCHECK_RATE_LIMIT
        return ratelimit.allow(request, f"quickcheck-{self.pk}", limit, window)

    @path("")
    def start(self, request):
        return self.render(request)

    @path("fragen/", name="questions")
    def take(self, request):
        definition = self.definition()
        data = request.POST if request.method == "POST" else request.GET
        perspective = self._perspective(definition, data.get("perspektive", ""))
        if perspective is None:
            if len(definition["perspectives"]) == 1:
                perspective = definition["perspectives"][0]
            else:
                embedded = "&eingebettet=1" if self.is_embedded(request) else ""
                return HttpResponseRedirect(self.url + "?fehlt=perspektive" + embedded)
        questions = [
            q for q in scoring.questions_for(definition, perspective["key"]) if q["options"]
        ]
        answers = self._answers(data, questions)
        previous = data.get("vorher", "")[:40]
        step = data.get("schritt", "0")
        step = min(whole_number(step, 0), max(len(questions) - 1, 0))
        action = data.get("aktion", "")
        errors = []
        limited = False
        if request.method == "POST":
            if self.one_per_screen and action in ("weiter", "zurueck"):
                current = questions[step] if questions else None
                if action == "zurueck":
                    step = max(step - 1, 0)
                elif current and current["required"] and current["id"] not in answers:
                    errors = [current]
                else:
                    step = min(step + 1, len(questions) - 1)
            else:
                errors = scoring.missing_answers(definition, perspective["key"], answers)
                if not errors and not (
                    request.user.is_authenticated
                    or ratelimit.allow(
                        request, f"quickcheck-{self.pk}", *settings.QUICKCHECK_RATE_LIMIT
                    )
                ):
                    limited = True
                elif not errors:
                    response = QuickcheckResponse.record(
                        self, definition, perspective, answers, previous
                    )
                    url = self.url + self.reverse_subpage("result", args=[response.token])
                    redirect = HttpResponseRedirect(
                        url + ("?eingebettet=1" if self.is_embedded(request) else "")
                    )
                    return self.allow_framing(redirect) if self.is_embedded(request) else redirect
                if self.one_per_screen and errors:
                    step = questions.index(errors[0])
        shown = [questions[step]] if self.one_per_screen and questions else questions
        page_response = self.render(
            request,
            template="toolbox/quickcheck_questions.html",
            context_overrides={
                "limited": limited,
                "perspective": perspective,
                "questions": questions,
                "shown": shown,
                "answers": answers,
                "step": step,
                "last_step": step >= len(questions) - 1,
                "errors": errors,
                "error_ids": {question["id"] for question in errors},
                "previous": previous,
            },
        )
        if limited:
            page_response.status_code = 429
        return page_response

    def _response_for(self, token):
        response = (
            QuickcheckResponse.objects.filter(quickcheck=self, token=token[:40])
            .select_related("previous")
            .first()
        )
        if response is None:
            raise Http404
        return response

    @path("ergebnis/<str:token>/pdf/", name="result_pdf")
    def result_pdf(self, request, token):
        """The result as a tagged PDF (PDF/UA), drawn by WeasyPrint from HTML."""
        response = self._response_for(token)
        context = self.result_context(request, response)
        try:
            pdf = render_pdf("toolbox/quickcheck_result_pdf.html", context, request)
        except PDFUnavailable:
            return HttpResponse(
                gettext("The PDF cannot be made on this server. Please print the page instead."),
                status=503,
                content_type="text/plain; charset=utf-8",
            )
        download = HttpResponse(pdf, content_type="application/pdf")
        name = f"quickcheck-{response.created_at:%Y-%m-%d}.pdf"
        download["Content-Disposition"] = f'attachment; filename="{name}"'
        download["Cache-Control"] = "private, no-store"
        download["X-Robots-Tag"] = "noindex"
        return download

    @path("ergebnis/<str:token>/", name="result")
    def result(self, request, token):
        response = self._response_for(token)
        page_response = self.render(
            request,
            template="toolbox/quickcheck_result.html",
            context_overrides=self.result_context(request, response),
        )
        # A private result: not for shared caches or search engines.
        page_response["Cache-Control"] = "private, no-store"
        page_response["X-Robots-Tag"] = "noindex"
        return page_response

    def result_context(self, request, response):
        series = [(gettext("This result"), [d["percent"] for d in response.result])]
        earlier = response.previous
        comparison = []
        if earlier is not None:
            before = {d["key"]: d for d in earlier.result}
            series.append(
                (
                    gettext("Earlier result of %(date)s")
                    % {"date": date_format(timezone.localtime(earlier.created_at))},
                    [before.get(d["key"], {}).get("percent", 0) for d in response.result],
                )
            )
            comparison = [
                (d, before.get(d["key"]), d["percent"] - before.get(d["key"], {}).get("percent", 0))
                for d in response.result
            ]
        return {
            "page": self,
            "response": response,
            "earlier": earlier,
            "comparison": comparison,
            "chart": radar([d["name"] for d in response.result], series),
            "series": series,
            "private_url": request.build_absolute_uri(
                self.url + self.reverse_subpage("result", args=[response.token])
            ),
        }


class QuickcheckResponse(models.Model):
    """One anonymous answer to a Quickcheck. Holds no name, e-mail or IP address."""

    quickcheck = models.ForeignKey(
        QuickcheckPage, on_delete=models.CASCADE, related_name="responses"
    )
    perspective = models.CharField(_("perspective"), max_length=40)
    perspective_name = models.CharField(_("perspective"), max_length=80)
    answers = models.JSONField(_("answers"), default=dict)
    result = models.JSONField(
        _("result"), default=list, help_text=_("The scores and bands as they were shown.")
    )
    token = models.CharField(max_length=40, unique=True, editable=False)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("earlier response"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("taken at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Quickcheck response")
        verbose_name_plural = _("Quickcheck responses")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["quickcheck", "created_at"])]

    def __str__(self):
        return f"{self.quickcheck.title} · {self.perspective_name} · {self.created_at:%d.%m.%Y}"

    @classmethod
    def build(cls, quickcheck, definition, perspective, answers, previous=None):
        """An unsaved response with the result as it is shown (also for previews)."""
        results = scoring.score(definition, perspective["key"], answers)
        snapshot = []
        for item in results:
            band = item["band"] or {}
            snapshot.append(
                {
                    "key": item["key"],
                    "name": item["name"],
                    "score": item["score"],
                    "max": item["max"],
                    "percent": item["percent"],
                    "band": band.get("title", ""),
                    "text": band.get("text", ""),
                    "links": [
                        {"title": page.title, "url": page.url}
                        for page in band.get("pages", [])
                        if page.live
                    ],
                }
            )
        questions = {q["id"]: q for q in definition["questions"]}
        answer_labels = {
            qid: {
                "question": questions[qid]["text"],
                "answer": questions[qid]["options"][i]["label"],
            }
            for qid, i in answers.items()
        }
        return cls(
            quickcheck=quickcheck,
            perspective=perspective["key"],
            perspective_name=perspective["name"],
            answers=answer_labels,
            result=snapshot,
            token=secrets.token_urlsafe(24)[:32],
            previous=previous,
            created_at=timezone.now(),
        )

    @classmethod
    def record(cls, quickcheck, definition, perspective, answers, previous_token=""):
        previous = (
            cls.objects.filter(quickcheck=quickcheck, token=previous_token).first()
            if previous_token
            else None
        )
        response = cls.build(quickcheck, definition, perspective, answers, previous)
        with transaction.atomic():
            response.save()
            QuickcheckTally.add(response)
        return response


class QuickcheckTally(models.Model):
    """How many responses a Quickcheck had per day: one row per perspective (with an
    empty dimension) and one per perspective, dimension, band and quarter of the scale,
    with the sum of the shares, so that the statistics over any period add up a few
    hundred rows instead of every response (a response's ``result`` holds the figures
    for display)."""

    quickcheck = models.ForeignKey(QuickcheckPage, on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    perspective_name = models.CharField(max_length=80)
    dimension = models.CharField(max_length=40, blank=True)
    dimension_name = models.CharField(max_length=80, blank=True)
    band = models.CharField(max_length=80, blank=True)
    quarter = models.PositiveSmallIntegerField(default=0)
    count = models.PositiveIntegerField(default=0)
    percent_sum = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "quickcheck",
                    "day",
                    "perspective_name",
                    "dimension",
                    "dimension_name",
                    "band",
                    "quarter",
                ],
                name="toolbox_quickcheck_tally_unique",
            )
        ]

    def __str__(self):
        return f"{self.day} {self.perspective_name} {self.dimension_name}: {self.count}"

    @classmethod
    def add(cls, response):
        """Count one response (two or three queries per row, safe under concurrency)."""
        for key, percent in tally_rows(response):
            increment = {"count": F("count") + 1, "percent_sum": F("percent_sum") + percent}
            with transaction.atomic():
                if cls.objects.filter(quickcheck_id=response.quickcheck_id, **key).update(
                    **increment
                ):
                    continue
                try:
                    with transaction.atomic():
                        cls.objects.create(
                            quickcheck_id=response.quickcheck_id,
                            count=1,
                            percent_sum=percent,
                            **key,
                        )
                except IntegrityError:
                    cls.objects.filter(quickcheck_id=response.quickcheck_id, **key).update(
                        **increment
                    )

    @classmethod
    def rows_for(cls, responses):
        """Unsaved rows counting many responses at once."""
        return [cls(**row) for row in tally_totals(responses)]
