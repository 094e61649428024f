"""Editors at work in the German admin."""

import json
import re

from django.contrib.auth.models import Group
from django.http import HttpRequest

from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import ContentPage


def _login(client, username="admin"):
    assert client.login(request=HttpRequest(), username=username, password="zukunft-demo")


def test_admin_speaks_german(client, db):
    _login(client, "redaktion")
    response = client.get("/admin/")
    assert response.status_code == 200
    assert 'lang="de"' in response.text
    assert "Seiten" in response.text


def test_editor_builds_a_content_page_from_blocks(client, home):
    _login(client)
    url = f"/admin/pages/add/cms/contentpage/{home.pk}/"
    data = nested_form_data(
        {
            "title": "Förderlotse",
            "slug": "foerderlotse",
            "intro": "Wie wir beim Förderantrag helfen.",
            "body": streamfield(
                [
                    (
                        "hero",
                        {
                            "heading": "Förderung finden",
                            "text": "",
                            "image": "",
                            "link": {"text": "", "page": "", "url": ""},
                        },
                    ),
                    (
                        "key_figures",
                        {
                            "heading": "Zahlen",
                            "figures": streamfield(
                                [
                                    (
                                        "item",
                                        {"source": "home.programmes", "value": "", "label": ""},
                                    ),
                                ]
                            ),
                        },
                    ),
                    (
                        "call_to_action",
                        {
                            "heading": "Jetzt beraten lassen",
                            "text": "",
                            "link": {
                                "text": "Kontakt",
                                "page": "",
                                "url": "https://zukunftshub.example/kontakt",
                            },
                        },
                    ),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, (
        response.context["form"].errors if response.context else response
    )
    page = ContentPage.objects.get(slug="foerderlotse", locale__language_code="de")
    assert (
        ContentPage.objects.get(slug="foerderlotse", locale__language_code="en").alias_of_id
        == page.pk
    )
    assert page.live
    text = client.get("/foerderlotse/").text
    assert "Förderung finden" in text and "<dt>Projekte</dt><dd>1</dd>" in text


def test_a_hand_entered_figure_without_label_is_refused_and_the_input_kept(client, home):
    _login(client)
    url = f"/admin/pages/add/cms/contentpage/{home.pk}/"
    data = nested_form_data(
        {
            "title": "Zahlenseite",
            "slug": "zahlenseite",
            "intro": "",
            "body": streamfield(
                [
                    (
                        "key_figures",
                        {
                            "heading": "Zahlen",
                            "figures": streamfield(
                                [
                                    ("item", {"source": "", "value": "120", "label": ""}),
                                ]
                            ),
                        },
                    ),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Eine von Hand eingetragene Zahl braucht eine Beschriftung." in response.text
    assert "Zahlenseite" in response.text
    assert not ContentPage.objects.filter(slug="zahlenseite").exists()


def test_the_embed_block_refuses_a_page_that_cannot_be_embedded(client, home):
    _login(client)
    impressum = home.get_children().get(slug="impressum")
    data = nested_form_data(
        {
            "title": "Einbettung",
            "slug": "einbettung",
            "intro": "",
            "body": streamfield([("embed", {"page": impressum.pk})]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/cms/contentpage/{home.pk}/", data)
    assert response.status_code == 200
    # block errors reach the editor through the admin's JSON form data
    assert "Diese Seite l\\u00e4sst sich nicht einbetten." in response.text


def test_site_settings_are_edited_in_the_admin(client, db):
    _login(client)
    response = client.get("/admin/settings/cms/sitesettings/1/")
    assert response.status_code == 200
    assert "Name des Programms" in response.text
    assert "Links im Fußbereich" in response.text


def test_organisations_are_snippets_editors_maintain(client, db):
    _login(client, "redaktion")
    response = client.get("/admin/snippets/cms/organisation/")
    assert response.status_code == 200
    assert "Institut für Arbeitsforschung Ruhr" in response.text


def test_roles_and_review_workflow_exist(db):
    assert Group.objects.filter(name="Redaktion").exists()
    assert Group.objects.filter(name="Freigabe").exists()
    workflow = Workflow.objects.get(name="Vier-Augen-Prinzip")
    assert workflow.workflow_pages.filter(page=Page.get_first_root_node()).exists()
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Freigabe"]


def test_redaktion_cannot_publish_but_freigabe_can(home, django_user_model):
    page = home.get_children().get(slug="impressum")
    redaktion = django_user_model.objects.get(username="redaktion")
    freigabe = django_user_model.objects.get(username="freigabe")
    assert page.permissions_for_user(redaktion).can_edit()
    assert not page.permissions_for_user(redaktion).can_publish()
    assert page.permissions_for_user(freigabe).can_publish()


def _button_page(url):
    return nested_form_data(
        {
            "title": "Kontakt",
            "slug": "kontakt-seite",
            "intro": "",
            "body": streamfield(
                [
                    (
                        "call_to_action",
                        {
                            "heading": "Sprechen Sie uns an",
                            "text": "",
                            "link": {"text": "Schreiben Sie uns", "page": "", "url": url},
                        },
                    ),
                ]
            ),
            "action-publish": "publish",
        }
    )


def test_buttons_link_to_an_email_address_or_a_telephone_number(client, home):
    _login(client)
    url = f"/admin/pages/add/cms/contentpage/{home.pk}/"
    for number, (typed, saved) in enumerate(
        [
            ("mailto:kontakt@zukunftshub.example", "mailto:kontakt@zukunftshub.example"),
            ("kontakt@zukunftshub.example", "mailto:kontakt@zukunftshub.example"),
            ("tel:0231 123456-0", "tel:02311234560"),
        ]
    ):
        data = _button_page(typed)
        data["slug"] = f"kontakt-{number}"
        response = client.post(url, data)
        assert response.status_code == 302, response.context["form"].errors
        page = ContentPage.objects.get(slug=f"kontakt-{number}", locale__language_code="de")
        assert f'href="{saved}"' in client.get(page.url).text


def test_a_broken_email_link_is_explained_and_the_input_kept(client, home):
    _login(client)
    response = client.post(
        f"/admin/pages/add/cms/contentpage/{home.pk}/", _button_page("mailto:kontakt-at-example")
    )
    assert response.status_code == 200
    error = response.context["form"].errors["body"].as_data()[0].as_json_data()
    assert "nach „mailto:“ eine gültige E-Mail-Adresse" in json.dumps(error, ensure_ascii=False)
    assert "mailto:kontakt-at-example" in response.content.decode()  # what was typed
    assert not ContentPage.objects.filter(slug="kontakt-seite").exists()


def test_slugs_are_german_ascii(client, home):
    _login(client)
    data = _button_page("https://zukunftshub.example/")
    data.update(title="Größe & Übung für Bäckereien", slug="größe-übung-für-bäckereien")
    response = client.post(f"/admin/pages/add/cms/contentpage/{home.pk}/", data)
    assert response.status_code == 302, response.context["form"].errors
    page = ContentPage.objects.get(title="Größe & Übung für Bäckereien", locale__language_code="de")
    assert page.slug == "groesse-uebung-fuer-baeckereien"
    assert page.url == "/groesse-uebung-fuer-baeckereien/"


def test_the_slug_field_transliterates_in_the_browser_too(client, home):
    _login(client)
    text = client.get(f"/admin/pages/add/cms/contentpage/{home.pk}/").content.decode()
    assert 'data-w-slug-allow-unicode-value="True"' not in text
    formatters = re.search(r'data-w-slug-formatters-value="([^"]+)"', text).group(1)
    assert "&quot;ae&quot;" in formatters and "&quot;ss&quot;" in formatters


def test_choosers_and_comparisons_read_as_german(client, db):
    from courses.models import EnrolmentKey

    _login(client)
    chooser = client.get("/admin/snippets/choose/hub/industry/").json()["html"]
    assert "Branche auswählen" in chooser
    assert "w-header__subtitle" not in chooser
    keys = client.get("/admin/enrolment_keys/").content.decode()
    assert EnrolmentKey.objects.exists()
    assert ">Ja<" in keys.replace("\n", "").replace(" ", "") and "True" not in keys


def test_hilfe_leads_to_the_projects_editor_guide(client, db):
    _login(client, "redaktion")
    dashboard = client.get("/admin/").content.decode()
    assert "guide.wagtail.org" not in dashboard
    assert 'href="/admin/hilfe/"' in dashboard
    guide = client.get("/admin/hilfe/")
    assert guide.status_code == 200
    text = guide.content.decode()
    assert "Redaktionshandbuch" in text
    for section in (
        "Zur Freigabe einreichen",
        "Zeitplan festlegen",
        "Alternativtext",
        "Quickcheck aufbauen",
    ):
        assert section in text
    for image in re.findall(r'src="(/static/cms/guide/[^"]+)"', text):
        assert client.get(image).status_code == 200, image
    assert len(re.findall(r'src="/static/cms/guide/', text)) == 7


def test_the_page_chooser_says_what_it_chooses_once(client, db):
    _login(client, "redaktion")
    html = client.get("/admin/choose-page/").json()["html"]
    header = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    assert re.sub(r"<[^>]+>|\s+", " ", header).split() == ["Seite", "auswählen"]
    restricted = client.get("/admin/choose-page/", {"page_type": "hub.storypage"}).json()["html"]
    assert "Praxisbeispiel" in re.search(r"<h1[^>]*>(.*?)</h1>", restricted, re.S).group(1)
