"""A lesson and who may open it: logged-in learners enrolled in its course, one lesson
after the other if the course says so. Lessons are never in the sitemap, the site
search or the anonymous page cache (every response is ``Cache-Control: private``).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator
from django.db import models
from django.http import Http404, HttpResponseBase, HttpResponseRedirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.responses import private

from . import progress as learning
from . import quiz as quizzes
from .blocks import LessonStreamBlock
from .models import ReflectionAnswer
from .routing import course_of, route_to_child


# -- a lesson --------------------------------------------------------------------------
@dataclass
class LessonAccess:
    course: object
    outline: object
    state: object  # LessonState, or None in a preview of a new lesson
    preview: bool = False

    @property
    def can_send(self):
        return not self.preview and self.state is not None and not self.state.locked


class LessonPage(RoutablePageMixin, Page):
    """A lesson: text, video, downloads, reflection tasks and at most one self-check.

    Only logged-in learners enrolled in the course open it. It is finished by marking
    it as done or, if it has a self-check, by passing that.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences: what the lesson is about. Shown in the course outline."),
    )
    duration = models.PositiveSmallIntegerField(
        _("duration in minutes"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(600)],
        help_text=_("About how long the lesson takes."),
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("content"))
    # Kept in step with the body on every save, so that outlines need not read it.
    has_quiz = models.BooleanField(default=False, editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("intro"), FieldPanel("duration")]),
        FieldPanel("body"),
    ]
    # Indexed for the admin's search; the site search offers courses and modules only.
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []
    template = "courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def save(self, *args, **kwargs):
        self.has_quiz = self.quiz_block() is not None
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "has_quiz"}
        return super().save(*args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return []  # behind a login

    def quiz_block(self):
        return next((block for block in self.body if block.block_type == "quiz"), None)

    def course(self, request=None):
        return course_of(self, request)

    # -- who may see it ----------------------------------------------------------------
    def access(self, request):
        """A LessonAccess, or the response for someone who may not open the lesson."""
        cached = getattr(request, "_lesson_access", None)
        if cached is not None and cached.state is not None and cached.state.page.pk == self.pk:
            return cached
        preview = getattr(request, "is_preview", False)
        url = self.get_url(request) or ""
        if not preview and not request.user.is_authenticated:
            return redirect_to_login(url)
        course = self.course(request) if self.path else None
        if course is None:
            if preview:
                return LessonAccess(course=None, outline=None, state=None, preview=True)
            raise Http404
        if preview:
            outline = learning.build_outlines([(course, None)])[0]
        else:
            outline = course.outline_for(request)
            if not outline.enrolled:
                messages.info(
                    request,
                    gettext("Please enrol in the course first; then its lessons open for you."),
                )
                return HttpResponseRedirect(course.get_url(request) + "#einschreibung")
        state = outline.state_of(self)
        if state is None and not preview:
            raise Http404  # e.g. its module is not published
        access = LessonAccess(course=course, outline=outline, state=state, preview=preview)
        request._lesson_access = access
        return access

    def serve(self, request, *args, **kwargs):
        access = self.access(request)
        if isinstance(access, HttpResponseBase):
            return private(access)
        return private(super().serve(request, *args, **kwargs))

    def serve_preview(self, request, mode_name):
        return private(self.render(request))

    # -- what it shows -------------------------------------------------------------------
    def quiz_context(self, request, access, answers=None, missing=None):
        """The quiz as the template shows it: the questions with the learner's answers,
        and after sending, the feedback per chosen answer and the score."""
        block = self.quiz_block()
        if block is None:
            return None
        quiz = quizzes.definition(block)
        row = access.state.progress if access.state is not None else None
        pass_mark = access.course.pass_mark if access.course is not None else 0
        if answers is None:
            answers = dict(row.quiz_answers) if row is not None and row.quiz_answers else {}
        missing_ids = {question["id"] for question in missing or []}
        grade = quizzes.grade(quiz, answers, pass_mark) if answers and not missing else None
        graded = {g.question["id"]: g for g in grade.questions} if grade else {}
        questions = []
        for question in quiz["questions"]:
            chosen = set(answers.get(question["id"], []))
            result = graded.get(question["id"])
            questions.append(
                {
                    "id": question["id"],
                    "text": question["text"],
                    "multiple": question["multiple"],
                    "field": quizzes.field_name(question),
                    "missing": question["id"] in missing_ids,
                    "right": result.right if result else None,
                    # Multiple choice: only right answers chosen, but not all of them.
                    "incomplete": result is not None
                    and not result.right
                    and bool(chosen)
                    and chosen <= {o["id"] for o in question["options"] if o["right"]},
                    "options": [
                        {
                            "id": option["id"],
                            "text": option["text"],
                            "checked": option["id"] in chosen,
                            # Feedback only for what the learner chose, once graded.
                            "feedback": option["feedback"] if shown else "",
                            "is_right": option["right"] if shown else None,
                        }
                        for option in question["options"]
                        for shown in [result is not None and option["id"] in chosen]
                    ],
                }
            )
        return {
            "id": quiz["id"],
            "heading": quiz["heading"],
            "intro": quiz["intro"],
            "questions": questions,
            "missing": [q for q in questions if q["missing"]],
            "grade": grade,
            "pass_mark": pass_mark,
            "passed": access.state.done if access.state is not None else False,
            "best": row.quiz_score if row is not None else None,
            "attempts": row.quiz_attempts if row is not None else 0,
            "can_send": access.can_send,
            "action": (self.get_url(request) or "") + self.reverse_subpage("quiz"),
        }

    def reflection_context(self, request, access, posted=None):
        """The learner's own answers by task (block id); nobody else's are ever read."""
        answers = {}
        has_tasks = any(block.block_type == "reflection" for block in self.body)
        if has_tasks and not access.preview and request.user.is_authenticated:
            for answer in ReflectionAnswer.objects.filter(
                user=request.user, lesson_key=self.translation_key
            ):
                answers[answer.block_id] = {"text": answer.text, "saved_at": answer.updated_at}
        if posted:
            answers.update(posted)
        return answers

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        access = self.access(request)
        state = access.state
        before = after = None
        if state is not None:
            before, after = access.outline.neighbours(state)
        context.update(
            access=access,
            course=access.course,
            outline=access.outline,
            state=state,
            before=before,
            after=after,
            quiz=self.quiz_context(request, access),
            reflections=self.reflection_context(request, access),
            reflection_url=(self.get_url(request) or "") + "reflexion/",
            done_url=(self.get_url(request) or "") + self.reverse_subpage("done"),
        )
        return context

    # -- routes --------------------------------------------------------------------------
    @path("")
    def lesson(self, request):
        access = self.access(request)
        if request.method == "POST":
            return HttpResponseRedirect(self.get_url(request))
        if access.can_send and access.outline.enrolment is not None:
            learning.visited(access.outline.enrolment, self)
        return self.render(request)

    def _can_send(self, request):
        access = self.access(request)
        return request.method == "POST" and access.can_send

    @path("erledigt/", name="done")
    def mark_done(self, request):
        url = self.get_url(request)
        if not self._can_send(request):
            return HttpResponseRedirect(url)
        access = self.access(request)
        if self.quiz_block() is not None:
            messages.error(
                request, gettext("This lesson is done when you pass its self-check below.")
            )
            return HttpResponseRedirect(url + "#selbsttest")
        completed = learning.mark_done(access.outline.enrolment, self, access.course)
        messages.success(request, gettext("Well done: this lesson is finished."))
        self._congratulate(request, access, completed)
        return HttpResponseRedirect(url + "#abschluss")

    @path("selbsttest/", name="quiz")
    def send_quiz(self, request):
        url = self.get_url(request)
        block = self.quiz_block()
        if block is None:
            raise Http404
        if not self._can_send(request):
            return HttpResponseRedirect(url)
        access = self.access(request)
        quiz = quizzes.definition(block)
        answers = quizzes.answers_from(request.POST, quiz)
        missing = quizzes.unanswered(quiz, answers)
        if missing:
            context = {"quiz": self.quiz_context(request, access, answers, missing)}
            return self.render(request, context_overrides=context)
        grade = quizzes.grade(quiz, answers, access.course.pass_mark)
        _row, completed = learning.record_quiz(
            access.outline.enrolment, self, access.course, answers, grade
        )
        self._congratulate(request, access, completed)
        return HttpResponseRedirect(url + "#selbsttest-ergebnis")

    @path("reflexion/<str:block_id>/", name="reflection")
    def save_reflection(self, request, block_id):
        url = self.get_url(request)
        if not any(b.block_type == "reflection" and b.id == block_id for b in self.body):
            raise Http404
        if not self._can_send(request):
            return HttpResponseRedirect(url)
        access = self.access(request)
        text = request.POST.get("antwort", "")
        if len(text) > 5000:
            posted = {block_id: {"text": text, "error": True}}
            return self.render(
                request,
                context_overrides={"reflections": self.reflection_context(request, access, posted)},
            )
        answer = learning.save_reflection(request.user, self, block_id, text)
        if answer is None:
            messages.info(request, gettext("Your answer is deleted."))
        else:
            messages.success(request, gettext("Your answer is saved. Only you can see it."))
        return HttpResponseRedirect(f"{url}#reflexion-{block_id}")

    @staticmethod
    def _congratulate(request, access, completed):
        if completed:
            messages.success(
                request,
                gettext("Congratulations! You have completed the course “%(course)s”.")
                % {"course": access.course.title},
            )


# -- a module --------------------------------------------------------------------------
class ModulePage(Page):
    """A module of a course: a group of lessons with common learning goals."""

    intro = models.TextField(
        _("introduction"), blank=True, max_length=600, help_text=_("What the module is about.")
    )
    goals = RichTextField(
        _("learning goals"),
        blank=True,
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("What learners can do after the module, e.g. as a list."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("goals")]
    search_fields = Page.search_fields + [
        index.SearchField("intro", boost=2),
        index.SearchField("goals"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    template = "courses/module_page.html"

    class Meta:
        verbose_name = _("course module")
        verbose_name_plural = _("course modules")

    def course(self, request=None):
        return course_of(self, request)

    def route(self, request, path_components):
        if path_components:
            found = route_to_child(self, LessonPage, request, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course = self.course(request)
        outline = course.outline_for(request) if course is not None else None
        module = None
        if outline is not None:
            module = next((m for m in outline.modules if m.page.pk == self.pk), None)
        context.update(course=course, outline=outline, module=module)
        if course is not None:
            # After logging in, the learner comes back here.
            context["login_url"] = redirect_to_login(self.get_url(request)).url
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        return private(response) if request.user.is_authenticated else response
