import re
import sys

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import SuspiciousOperation
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from wagtail.models import Page

from .i18n import active_locale_id
from .plugins import registry
from .queries import public

# The database is down, unreachable or (SQLite) locked for longer than it waits.
DATABASE_ERRORS = (OperationalError, InterfaceError)

RESULTS_PER_PAGE = 10
PAGE_PARAMETER = "seite"  # the page number in a listing's query string
MAX_QUERY_LENGTH = 200
# Words only: quotes, brackets and operators are syntax to the full-text engines
# (SQLite's FTS5 failed on a lone '"') and mean nothing to our visitors.
SEARCH_WORD = re.compile(r"\w[\w'’.-]*")


def search_words(query):
    return " ".join(SEARCH_WORD.findall(query))


@require_GET
def search(request):
    """Site-wide search with a facet per page type group that the plugins register."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    facets = registry.sorted_search_facets()
    active = request.GET.get("typ", "")
    facet = next((f for f in facets if f.key == active), None)
    context = {"query": query, "facets": [], "active_facet": facet, "page_obj": None}

    words = search_words(query)
    if words:
        content_types = ContentType.objects.get_for_models(
            *[model for f in facets for model in f.models]
        )
        pages = public(Page.objects.live()).filter(
            content_type__in=[ct.pk for ct in content_types.values()]
        )
        locale_id = active_locale_id()
        if locale_id:
            pages = pages.filter(locale_id=locale_id)
        results = pages.search(words)
        counts = results.facet("content_type_id")
        total = 0
        for f in facets:
            ids = {content_types[m].pk for m in f.models}
            count = sum(n for ct, n in counts.items() if ct in ids)
            total += count
            if count:
                context["facets"].append({"facet": f, "count": count})
        context["total"] = total
        if facet is not None:
            results = pages.filter(
                content_type__in=[content_types[m].pk for m in facet.models]
            ).search(words)
        context["page_obj"] = Paginator(results, RESULTS_PER_PAGE).get_page(
            request.GET.get(PAGE_PARAMETER)
        )
        context["type_names"] = {
            ct.pk: ct.model_class()._meta.verbose_name
            for ct in content_types.values()
            if ct.model_class() is not None
        }
    elif query:  # only quotes or signs: nothing to look for
        context["page_obj"] = Paginator([], RESULTS_PER_PAGE).get_page(1)
        context["total"] = 0
    return render(request, "cms/search.html", context)


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        *[f"Disallow: {path}" for path in _search_paths()],
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _search_paths():
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("search"))
    return paths


def bad_request(request, exception=None):
    if isinstance(exception, SuspiciousOperation):
        # E.g. a Host header of another site: no page of ours can be drawn for it (the
        # footer asks for the host again), and a scanner needs nothing more.
        return HttpResponseBadRequest("Bad Request", content_type="text/plain")
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page, or for a database that is down or locked a 503 that says to try
    again shortly (a load balancer and crawlers read it the same way). Called while the
    exception is handled; renders nothing that needs the database."""
    if isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        response = render(request, "503.html", status=503)
        response["Retry-After"] = str(settings.DATABASE_RETRY_AFTER)
        return response
    return render(request, "500.html", status=500)
