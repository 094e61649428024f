"""Anonymous page cache, its invalidation, cookies and the Content-Security-Policy."""

from django.test import Client

from wagtail.models import Site

import pytest

from cms.models import SiteSettings


def test_anonymous_pages_are_cached_and_set_no_cookie(client, db):
    first = client.get("/impressum/")
    second = client.get("/impressum/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert not first.cookies and not second.cookies
    assert not client.cookies


def test_publishing_invalidates_the_cache(client, page_by_slug):
    client.get("/impressum/")
    page = page_by_slug("impressum")
    page.title = "Impressum (neu)"
    page.save_revision().publish()
    response = client.get("/impressum/")
    assert response["X-Page-Cache"] == "miss"
    assert "<h1>Impressum (neu)</h1>" in response.text


def test_saving_site_settings_invalidates_the_cache(client, db):
    client.get("/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.tagline = "Neu gestaltet"
    settings.contact_email = "neu@zukunftshub.example"
    settings.save()
    text = client.get("/").text
    assert "Neu gestaltet" in text  # the header
    assert 'href="mailto:neu@zukunftshub.example"' in text  # the footer, kept by generation


def test_logged_in_users_bypass_the_cache(db, django_user_model):
    Client().get("/impressum/")  # fills the cache
    client = Client()
    client.force_login(django_user_model.objects.get(username="redaktion"))
    response = client.get("/impressum/")
    assert "X-Page-Cache" not in response
    assert "wagtail-userbar" in response.text


def test_strict_content_security_policy_without_inline_code(client, db):
    for path in (
        "/",
        "/impressum/",
        "/barrierefreiheit/feedback/",
        "/suche/?q=Lotse",
        "/nicht-da/",
    ):
        response = client.get(path)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        assert "<script>" not in response.text and " style=" not in response.text
        assert response["X-Content-Type-Options"] == "nosniff"


def test_cached_page_keeps_its_security_headers(client, db):
    client.get("/")
    hit = client.get("/")
    assert hit["X-Page-Cache"] == "hit"
    assert "default-src 'self'" in hit["Content-Security-Policy"]
    assert "camera=()" in hit["Permissions-Policy"]
    assert hit["Cross-Origin-Resource-Policy"] == "same-site"


@pytest.mark.parametrize(
    "path", ["/", "/suche/?q=Tandem", "/werkzeugkasten/quickcheck/", "/admin/login/"]
)
def test_browser_features_and_cross_site_loading_are_refused(client, db, path):
    response = client.get(path)
    policy = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in policy
    assert response["Cross-Origin-Resource-Policy"] == "same-site"


def test_search_results_are_not_served_to_the_wrong_query(client, db):
    client.get("/suche/", {"q": "Impressum"})
    response = client.get("/suche/", {"q": "Leichte"})
    assert "Leichte Sprache" in response.text


def test_a_published_change_to_the_blocks_shows_at_once(client, page_by_slug):
    client.get("/impressum/")
    page = page_by_slug("impressum")
    page.body = [("text", "<p>Neue Anschrift ab Januar</p>")]
    page.save_revision().publish()
    assert "Neue Anschrift ab Januar" in client.get("/impressum/").text


def test_personal_embeds_are_never_shared_between_users(home, django_user_model, monkeypatch):
    """Rendered blocks are cached for anonymous visitors only: an embed that shows
    something personal to a logged-in user is rendered for each user."""
    from home.models import ProgrammePage

    monkeypatch.setattr(
        ProgrammePage,
        "render_embed",
        lambda self, request: f"<p>Hallo {request.user.get_username() or 'Gast'}</p>",
    )
    mentoring = ProgrammePage.objects.get(slug="mentoring-4-0", locale__language_code="de")
    home.body = [("embed", {"page": mentoring})]
    home.save_revision().publish()
    assert "Hallo Gast" in Client().get("/").text
    for username in ("redaktion", "freigabe"):
        client = Client()
        client.force_login(django_user_model.objects.get(username=username))
        text = client.get("/").text
        assert f"Hallo {username}" in text and "Hallo Gast" not in text
