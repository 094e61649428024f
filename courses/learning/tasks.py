"""Work that follows an editor's change, outside the editor's request (django-tasks:
at once without a worker, by `manage.py db_worker` with ZUKUNFTSHUB_TASKS=database)."""

import uuid

from django_tasks import task

from . import progress
from .pages import CoursePage


@task()
def complete_finished_enrolments(course_key: str):
    """A lesson or module left the course: complete whom it leaves with nothing to do."""
    key = uuid.UUID(course_key)
    any_version = CoursePage.objects.filter(translation_key=key).order_by("pk").first()
    return progress.complete_finished(key, any_version)
