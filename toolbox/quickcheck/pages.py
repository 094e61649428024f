"""The Quickcheck page: a self-assessment that editors build in the admin (builder/) and
visitors take anonymously, also embedded on other sites. Its routes are the questions,
the result behind a private link, and the result as a PDF. Scoring: scoring.py; what
is stored: models.py."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms import ratelimit
from cms.bad_input import whole_number
from cms.models import EmbeddableMixin, SiteSettings
from cms.pdf import PDFUnavailable, programme_logo, render_pdf
from cms.responses import private

from ..conf import settings
from . import definition as rules
from . import scoring
from .blocks import DimensionBlock, PerspectiveBlock, QuestionBlock
from .chart import COMPACT, radar
from .models import QuickcheckResponse
from .panels import QuickcheckPageForm, QuickcheckSummaryPanel


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
    # (toolbox/quickcheck/builder/forms.py); the editor shows a summary with the way there.
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

    # -- the definition (toolbox/quickcheck/definition.py) ----------------------------------
    def clean(self):
        super().clean()
        errors = rules.problems(self)
        if errors:
            # Not tied to a field: the page editor holds none of these (the builder does).
            raise ValidationError(errors)

    def missing_parts(self):
        """What the Quickcheck lacks before visitors can take it (empty when complete)."""
        return rules.missing_parts(self)

    def definition(self):
        """The Quickcheck as plain data for scoring."""
        return rules.as_data(self)

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
        # Whose PDF it is: the programme's logo, name and contact.
        site_settings = SiteSettings.for_request(request)
        context.update(site_settings=site_settings, logo=programme_logo(site_settings))
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
        return private(download, secret=True)

    @path("ergebnis/<str:token>/", name="result")
    def result(self, request, token):
        response = self._response_for(token)
        page_response = self.render(
            request,
            template="toolbox/quickcheck_result.html",
            context_overrides=self.result_context(request, response),
        )
        # A private result: not for shared caches or search engines.
        return private(page_response, secret=True)

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
            "chart_compact": radar(
                [d["name"] for d in response.result], series, "radar-compact", COMPACT
            ),
            "series": series,
            "private_url": request.build_absolute_uri(
                self.url + self.reverse_subpage("result", args=[response.token])
            ),
        }
