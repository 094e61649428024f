"""What the courses offer the rest of the site (cms/plugins.py), found by cms."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _

from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.plugins import (
    AccountLink,
    KeyFigure,
    PersonalData,
    Routes,
    SearchFacet,
    TeaserSource,
    registry,
)

from . import figures, personal_data
from .certificates import services as certificates
from .certificates import views as certificate_views
from .learning.lessons import LessonPage, ModulePage
from .learning.models import Enrolment
from .learning.pages import CoursePage, my_courses_url
from .learning.signals import course_completed
from .learning.tasks import complete_finished_enrolments

# A teaser source, key figures and a search facet (docs/plugins.md);
# the figure "Lotsen ausgebildet" belongs with the certificates.
registry.add_teaser_source(
    TeaserSource(
        key="courses.courses",
        label=_("Courses"),
        model=CoursePage,
        image_field="image",
        text_field="intro",
    )
)
registry.add_key_figure(
    KeyFigure(key="courses.courses", label=_("Courses"), count=figures.course_count, order=60)
)
registry.add_key_figure(
    KeyFigure(
        key="courses.learners",
        label=_("Learners enrolled"),
        count=figures.learner_count,
        order=61,
    )
)
registry.add_key_figure(
    KeyFigure(
        key="courses.lotsen",
        label=_("Lotsen trained"),
        count=certificates.lotsen_trained,
        order=62,
    )
)
registry.add_key_figure(
    KeyFigure(
        key="courses.certificates",
        label=_("Certificates issued"),
        count=certificates.certificates_issued,
        order=63,
    )
)
# A certificate the moment a course is completed; /zertifikat/<code>/ checks it.
course_completed.connect(certificates.issue, dispatch_uid="courses-certificate")
registry.add_routes(Routes(key="courses.certificates", patterns=certificate_views.url_patterns))
registry.add_personal_data(
    PersonalData(
        key="courses",
        label=_("Courses"),
        export=personal_data.export,
        deletion_notice=personal_data.deletion_notice,
    )
)
# "My account" links to "My courses".
registry.add_account_link(
    AccountLink(key="courses.dashboard", label=_("My courses"), url=my_courses_url)
)
# The figures are kept until they change (courses/figures.py); a new enrolment
# also starts a new page-cache generation, as cms asks of figures that change
# without a publish.
for signal in (page_published, page_unpublished, post_delete):
    signal.connect(figures.changed, sender=CoursePage, dispatch_uid=f"courses-{id(signal)}")
post_save.connect(figures.enrolments_changed, sender=Enrolment, dispatch_uid="courses-enrolled")
post_delete.connect(figures.enrolments_changed, sender=Enrolment, dispatch_uid="courses-unenrolled")
registry.add_search_facet(
    # Lessons are left out: they are for enrolled learners only.
    SearchFacet(key="kurse", label=_("Courses"), models=(CoursePage, ModulePage), order=45)
)


def check_completion_on_commit(course):
    """Once the transaction commits, a task completes the enrolments that ``course``
    now leaves with nothing to do (tasks.py): once per course and transaction, however
    many lessons went (deleting a module deletes each of its lessons)."""
    key = str(course.translation_key)
    connection = transaction.get_connection()
    for _savepoints, callback, _robust in connection.run_on_commit:
        if getattr(callback, "course_key", None) == key:
            return

    def enqueue():
        complete_finished_enrolments.enqueue(key)

    enqueue.course_key = key
    transaction.on_commit(enqueue)


def lessons_changed(sender, instance, **kwargs):
    """A lesson or module unpublished or deleted: learners who had done all the rest
    complete the course at once, not when they next look at it."""
    course = CoursePage.objects.ancestor_of(instance).first()
    if course is not None:
        check_completion_on_commit(course)


def lessons_moved(sender, instance, parent_page_before=None, **kwargs):
    """A lesson or module moved: the course it left may now be complete for some."""
    if parent_page_before is not None:
        course = CoursePage.objects.ancestor_of(parent_page_before, inclusive=True).first()
        if course is not None:
            check_completion_on_commit(course)


for model in (ModulePage, LessonPage):
    page_unpublished.connect(lessons_changed, sender=model, dispatch_uid=f"courses-out-{model}")
    post_delete.connect(lessons_changed, sender=model, dispatch_uid=f"courses-gone-{model}")
    post_page_move.connect(lessons_moved, sender=model, dispatch_uid=f"courses-moved-{model}")
