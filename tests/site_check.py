"""Run by test_plugins.py in a subprocess with one plugin left out of the settings
(ZUKUNFTSHUB_PLUGINS): migrations, demo content, home page, search and admin must work."""

from django.conf import settings


def test_site_runs_without_the_plugin(client, django_user_model):
    left_out = set(settings.ALL_PLUGINS) - set(settings.PLUGINS)
    assert len(left_out) == 1, settings.PLUGINS
    assert not left_out & set(settings.INSTALLED_APPS)

    home = client.get("/")
    assert home.status_code == 200
    assert "<main" in home.text

    search = client.get("/suche/", {"q": "Datenschutz"})
    assert search.status_code == 200
    assert "Datenschutzerklärung" in search.text

    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/impressum/").status_code == 200

    client.force_login(django_user_model.objects.get(username="admin"))
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200
    assert client.get("/admin/snippets/cms/organisation/").status_code == 200
