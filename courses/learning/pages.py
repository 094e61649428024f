"""Course pages: the course index with the learner's dashboard ("Meine Kurse") and the
course (its modules and lessons: lessons.py).

Course, module and index pages are public and cached for anonymous visitors; what
they show a logged-in learner (progress, enrolment) is marked ``Cache-Control:
private``.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.search import index

from cms import ratelimit
from cms.models import EmbeddableMixin
from cms.plugins import CARD_RENDITIONS
from cms.queries import public
from cms.responses import private

from . import progress as learning
from .forms import EnrolmentKeyForm
from .lessons import ModulePage
from .routing import is_own_route, route_to_child

# Wrong enrolment keys one learner may try per window (seconds).
KEY_ATTEMPTS = (10, 600)


# -- the index and the dashboard --------------------------------------------------------
class CourseIndexPage(RoutablePageMixin, Page):
    """All courses, and each learner's own courses at ``meine-kurse/``.

    Its parent is left open (like the other plugins' index pages) so that it can sit
    below the home page or any content page.
    """

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1
    template = "courses/course_index_page.html"

    class Meta:
        verbose_name = _("course index")

    def route(self, request, path_components):
        if path_components and not is_own_route(self, path_components):
            found = route_to_child(self, CoursePage, request, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)

    def courses(self):
        return list(
            public(CoursePage.objects.live().child_of(self))
            .prefetch_related(
                Prefetch(
                    "image",
                    queryset=get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS),
                )
            )
            .order_by("path")
        )

    def dashboard_url(self, request=None):
        return (self.get_url(request) or "") + self.reverse_subpage("dashboard")

    @path("")
    def index(self, request):
        return self.render(request, context_overrides={"courses": self.courses()})

    @path("meine-kurse/", name="dashboard")
    def dashboard(self, request):
        """The learner's courses with their progress and where to continue."""
        if not request.user.is_authenticated:
            return redirect_to_login(self.dashboard_url(request))
        outlines = learning.dashboard_outlines(
            request.user, self.locale_id, CoursePage.objects.live()
        )
        response = self.render(
            request,
            template="courses/dashboard.html",
            context_overrides={
                "outlines": [(outline, outline.continue_lesson()) for outline in outlines],
            },
        )
        return private(response)


def my_courses_url(request):
    """The learner's "My courses" in the language of the request (else in any): linked
    from "My account". None while there is no course index."""
    indexes = CourseIndexPage.objects.live().order_by("path")
    index = indexes.filter(locale=Locale.get_active()).first() or indexes.first()
    return index.dashboard_url(request) if index is not None else None


# -- a course ------------------------------------------------------------------------
class CoursePage(EmbeddableMixin, RoutablePageMixin, Page):
    """A course: modules of lessons, who it is for, how long it takes, how to finish it."""

    class Enrolment(models.TextChoices):
        OPEN = "open", _("Open: every logged-in learner can enrol")
        KEY = "key", _("With an enrolment key")

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("Two or three sentences: shown under the title, in teasers and embeds."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in teasers; decorative there, so it needs no description."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        help_text=_("What learners take away, how the course works, who runs it."),
    )
    audience = models.TextField(
        _("for whom"),
        max_length=400,
        help_text=_("E.g. 'Employees of small companies who want to guide tandems as Lotse'."),
    )
    duration = models.CharField(
        _("duration"),
        max_length=120,
        help_text=_("In plain words, e.g. 'about 20 hours over 8 weeks'."),
    )
    enrolment = models.CharField(
        _("enrolment"),
        max_length=10,
        choices=Enrolment.choices,
        default=Enrolment.OPEN,
        help_text=_("Keys are made in the admin under “Enrolment keys”."),
    )
    sequential = models.BooleanField(
        _("one lesson after the other"),
        default=False,
        help_text=_("A lesson opens only when every lesson before it is done."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark in self-checks (%)"),
        default=80,
        validators=[MaxValueValidator(100)],
        help_text=_(
            "The share of questions a learner must answer right to pass a lesson's self-check."
        ),
    )
    certificate = models.BooleanField(
        _("certificate on completion"),
        default=True,
        help_text=_("Learners who complete the course get a certificate."),
    )
    trains_lotsen = models.BooleanField(
        _("trains Lotsen"),
        default=False,
        help_text=_("Its certificates count in the key figure 'Lotsen trained'."),
    )
    certificate_note = models.TextField(
        _("more about the certificate"),
        blank=True,
        max_length=400,
        help_text=_("Optional, e.g. how long it is valid or what it counts towards."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("duration"), FieldPanel("audience")]),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("enrolment"),
                FieldRowPanel([FieldPanel("sequential"), FieldPanel("pass_mark")]),
                FieldRowPanel([FieldPanel("certificate"), FieldPanel("trains_lotsen")]),
                FieldPanel("certificate_note"),
            ],
            heading=_("Enrolment and completion"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("description"),
        index.SearchField("audience"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    template = "courses/course_page.html"
    embed_template = "courses/course_embed.html"

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def route(self, request, path_components):
        if path_components and not is_own_route(self, path_components):
            # A module or lesson below is asked for: it needs its course, which routing
            # has just loaded, so it need not be read again (course_of).
            request._zh_course = self
            found = route_to_child(self, ModulePage, request, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)

    def needs_key(self):
        return self.enrolment == self.Enrolment.KEY

    def completion_rules(self, outline):
        """How the course is completed, in plain words, from its actual settings."""
        rules = [
            ngettext(
                "The course is complete when you have finished its %(count)d lesson.",
                "The course is complete when you have finished all %(count)d lessons.",
                outline.total,
            )
            % {"count": outline.total}
        ]
        if outline.has_quiz:
            rules.append(
                gettext(
                    "A lesson with a self-check is finished when you answer at least "
                    "%(mark)d %% of its questions right; you can try as often as you like. "
                    "You mark the other lessons as done yourself."
                )
                % {"mark": self.pass_mark}
            )
        else:
            rules.append(gettext("You mark each lesson as done yourself."))
        if self.sequential:
            rules.append(
                gettext("The lessons open one after the other: each once the one before is done.")
            )
        if self.certificate:
            rules.append(gettext("When you complete the course, you get a certificate."))
        return rules

    def dashboard_url(self, request=None):
        url = self.get_url(request) or ""
        return url[: url.rstrip("/").rfind("/") + 1] + "meine-kurse/"

    def outline_for(self, request):
        cached = getattr(request, "_course_outline", None)
        if cached is None or cached.course.pk != self.pk:
            cached = request._course_outline = learning.course_outline(self, request.user)
        return cached

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outline = self.outline_for(request)
        url = self.get_url(request) or ""
        context.update(
            outline=outline,
            rules=self.completion_rules(outline),
            continue_lesson=outline.continue_lesson() if outline.enrolled else None,
            login_url=redirect_to_login(url).url,
            dashboard_url=self.dashboard_url(request),
            enrol_url=url + self.reverse_subpage("enrol"),
        )
        if request.user.is_authenticated and "key_form" not in context:
            context["key_form"] = EnrolmentKeyForm(course=self)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return private(response) if request.user.is_authenticated else response

    @path("")
    def course(self, request):
        return self.render(request)

    @path("einschreiben/", name="enrol")
    def enrol(self, request):
        url = self.get_url(request)
        if not request.user.is_authenticated:
            return redirect_to_login(url)
        if request.method != "POST":
            return HttpResponseRedirect(url)
        outline = self.outline_for(request)
        if outline.enrolled and "schluessel" not in request.POST:
            messages.info(request, gettext("You are already enrolled in this course."))
            return HttpResponseRedirect(url + "#einschreibung")
        key = None
        # A key is needed for a course that asks for one; on any course, a key typed in
        # puts the learner in the cohort it belongs to, enrolled before or not.
        if self.needs_key() or "schluessel" in request.POST:
            form = EnrolmentKeyForm(request.POST, course=self)
            limited = not ratelimit.allow(request, f"course-key-{request.user.pk}", *KEY_ATTEMPTS)
            if limited or not form.is_valid():
                if limited:
                    form.errors.clear()
                    form.add_error(
                        "schluessel",
                        gettext(
                            "You have tried many keys in a short while. Please wait ten "
                            "minutes and try again."
                        ),
                    )
                response = self.render(request, context_overrides={"key_form": form})
                response.status_code = 429 if limited else 200
                return response
            key = form.key
        if outline.enrolled:
            joins = key is not None and key.cohort_id not in (None, outline.enrolment.cohort_id)
            if joins:
                learning.enrol(request.user, self, key=key)
                messages.success(
                    request,
                    gettext(
                        "You have joined your trainer's group with this key. Your progress "
                        "so far is kept."
                    ),
                )
            else:
                messages.info(request, gettext("You are already enrolled in this course."))
            return HttpResponseRedirect(url + "#einschreibung")
        learning.enrol(request.user, self, key=key)
        messages.success(
            request,
            gettext("You are now enrolled in “%(course)s”. Enjoy the course!")
            % {"course": self.title},
        )
        return HttpResponseRedirect(url + "#einschreibung")
