"""The preview panel: every page type renders in the admin's frame, in both languages.

Wagtail answers a preview by running a simulated request for the page's public URL
through the whole middleware stack; the public site's framing ban must not reach it.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import Page

import pytest

from cms.models import ContentPage


def _login(client, username="admin"):
    assert client.login(request=HttpRequest(), username=username, password="zukunft-demo")


def _one_page_per_type(language):
    """The first page of every page type in the demo, in that language."""
    seen = {}
    pages = Page.objects.filter(depth__gt=1, locale__language_code=language).order_by("path")
    for page in pages.specific():
        seen.setdefault(type(page), page)
    return list(seen.values())


def _assert_frameable_preview(response, page):
    assert response.status_code == 200, (page, response.status_code)
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in policy, (page, policy)
    assert "frame-ancestors 'none'" not in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert page.title in response.content.decode(), page


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_type_previews_in_the_admin_frame(client, db, language):
    _login(client)
    pages = _one_page_per_type(language)
    assert len(pages) >= 20, [type(p).__name__ for p in pages]  # every type of the demo
    for page in pages:
        if page.alias_of_id:  # an editor translates it first ("Übersetzen")
            ConvertAliasPageAction(page).execute(skip_permission_checks=True)
            page = page.specific_class.objects.get(pk=page.pk)
        revision = page.latest_revision or page.save_revision()
        for mode, _label in page.preview_modes:
            response = client.get(
                f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/", {"mode": mode}
            )
            _assert_frameable_preview(response, page)


def test_the_preview_panel_shows_what_the_editor_typed(client, home):
    """The panel's own view (POST the form, then GET the preview) may be framed."""
    _login(client, "redaktion")
    page = ContentPage.objects.get(slug="impressum", locale__language_code="de")
    url = f"/admin/pages/{page.pk}/edit/preview/"
    data = {
        "title": "Impressum im Entwurf",
        "slug": "impressum",
        "intro": "",
        "body-count": "0",
        "seo_title": "",
        "search_description": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
    }
    assert client.post(url, data).json()["is_valid"] is True
    response = client.get(url, {"in_preview_panel": "true"})
    page.title = "Impressum im Entwurf"
    _assert_frameable_preview(response, page)


def test_public_pages_still_refuse_framing(client, home):
    response = client.get("/")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_quickcheck_embed_keeps_its_own_ancestors(client, page_by_slug, settings):
    settings.QUICKCHECK_FRAME_ANCESTORS = ["https://partner.example"]
    quickcheck = (
        Page.objects.filter(content_type=ContentType.objects.get(model="quickcheckpage"))
        .first()
        .specific
    )
    embedded = client.get(quickcheck.url, {"eingebettet": "1"})
    assert "frame-ancestors 'self' https://partner.example" in embedded["Content-Security-Policy"]


def test_the_admin_has_a_policy_of_its_own_and_no_third_party_host(client, db):
    _login(client, "redaktion")
    response = client.get("/admin/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "frame-ancestors 'self'" in policy
    assert "default-src 'self'" in policy
    assert "gravatar" not in response.content.decode()
    assert "https://" not in policy.replace("https://www.youtube-nocookie.com", "").replace(
        "https://player.vimeo.com", ""
    )
    # The login page too, before anyone signs in.
    client.logout()
    login = client.get("/admin/login/")
    assert "frame-ancestors 'self'" in login["Content-Security-Policy"]


def test_previews_keep_the_public_policy_inside_the_admin(client, db):
    _login(client)
    page = ContentPage.objects.get(slug="impressum", locale__language_code="de")
    revision = page.latest_revision or page.save_revision()
    response = client.get(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")
    policy = response["Content-Security-Policy"]
    # django-csp orders the directives of a policy with replacements as a set does.
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and "unsafe-inline" not in policy
