"""Routing and caching helpers of the course, module and lesson pages."""

from django.apps import apps
from django.http import Http404

from wagtail.models import Page

STEP = Page.steplen


def route_to_child(page, model, request, path_components):
    """Wagtail's routing one level down, with one query instead of two: the children
    of ``page`` are all of ``model``, so the child is read as that type at once.
    None when there is no such child (Wagtail's own routing then answers)."""
    child = model.objects.child_of(page).filter(slug=path_components[0]).first()
    if child is None:
        return None
    child._cached_parent_obj = page
    return child.route(request, path_components[1:])


def is_own_route(page, path_components):
    """Whether a routable page answers these path components with a route of its own."""
    try:
        page.resolve_subpage("/" + "/".join(path_components) + "/")
    except Http404:
        return False
    return True


def course_of(page, request=None):
    """The course a module or lesson belongs to: the one routing loaded on the way to
    it, if any, else from the database (one query)."""
    course = getattr(request, "_zh_course", None)
    depth = 1 if page.specific_class is apps.get_model("courses", "ModulePage") else 2
    course_path = page.path[: -depth * STEP]
    if course is not None and course.path == course_path:
        return course
    # By name: the course page imports the module and lesson pages that call this.
    return apps.get_model("courses", "CoursePage").objects.filter(path=course_path).first()
