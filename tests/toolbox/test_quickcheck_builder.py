"""The Quickcheck builder as editors meet it: a new Quickcheck is saved as a draft and
built in three steps (perspectives and dimensions by name, questions with a row of
points per answer, results with recommended pages in the Quickcheck's language)."""

import re
from html import unescape

from django.contrib.auth import get_user_model

from wagtail.models import Page

from toolbox.models import QuickcheckPage


def _user(username):
    return get_user_model().objects.get(username=username)


def _demo():
    return QuickcheckPage.objects.live().filter(locale__language_code="de").get(slug="quickcheck")


def _send(client, url, data):
    """Post a builder step as the browser does, with the revision the form was made from."""
    page_id = int(re.search(r"/quickcheck/(\d+)/", url).group(1))
    revision = Page.objects.get(pk=page_id).latest_revision_id
    return client.post(url, {"revision": str(revision or ""), **data})


def _draft(page):
    return Page.objects.get(pk=page.pk).get_latest_revision_as_object()


def _empty_form():
    return {
        "title": "Quickcheck Familienfreundlichkeit",
        "slug": "quickcheck-familie",
        "intro": "",
        "one_per_screen": "on",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
    }


def _new_quickcheck(client):
    parent = _demo().get_parent()
    response = client.post(f"/admin/pages/add/toolbox/quickcheckpage/{parent.pk}/", _empty_form())
    page = QuickcheckPage.objects.get(slug="quickcheck-familie", locale__language_code="de")
    return response, page


def _fields(html):
    """The form's fields with their current values, as a browser would send them."""
    data = {}
    for tag in re.findall(r"<(?:input|textarea)[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or name.group(1) == "csrfmiddlewaretoken":
            continue
        if 'type="checkbox"' in tag:
            if "checked" in tag:
                value = re.search(r'value="([^"]*)"', tag)
                data.setdefault(name.group(1), []).append(value.group(1) if value else "on")
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data[name.group(1)] = unescape(value.group(1)) if value else ""
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        data[name] = unescape(text.strip())
    return data


def test_a_new_quickcheck_is_saved_as_a_draft_and_goes_on_to_the_builder(client, db):
    client.force_login(_user("redaktion"))
    response, page = _new_quickcheck(client)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/quickcheck/{page.pk}/aufbau/"
    builder = client.get(response["Location"]).text
    assert "Perspektiven und Dimensionen" in builder
    assert "Bauen Sie jetzt den Quickcheck auf" in builder
    assert "error-message" not in builder and "help-critical" not in builder


def test_publishing_an_incomplete_quickcheck_says_what_is_missing(client, db):
    client.force_login(_user("admin"))
    parent = _demo().get_parent()
    response = client.post(
        f"/admin/pages/add/toolbox/quickcheckpage/{parent.pk}/",
        {**_empty_form(), "action-publish": "action-publish"},
    )
    assert response.status_code == 200
    text = response.text
    assert "noch nicht vollständig" in text
    assert "mindestens eine Perspektive" in text and "mindestens eine Dimension" in text
    assert 'value="Quickcheck Familienfreundlichkeit"' in text  # what was typed is kept
    assert not QuickcheckPage.objects.filter(slug="quickcheck-familie").exists()


def test_perspectives_and_dimensions_get_stable_short_names_from_their_names(client, db):
    client.force_login(_user("redaktion"))
    _response, page = _new_quickcheck(client)
    url = f"/admin/quickcheck/{page.pk}/aufbau/"
    response = _send(
        client,
        url,
        {
            "p0_name": "Mitarbeiter*in",
            "p0_intro": "Sie antworten für sich.",
            "p1_name": "Unternehmen",
            "d0_name": "Größe & Übung",
            "d1_name": "Lernkultur",
            "d2_name": "Lernkultur",
            "weiter": "1",
        },
    )
    assert response["Location"] == f"/admin/quickcheck/{page.pk}/aufbau/fragen/"
    draft = _draft(page)
    assert [b.value["key"] for b in draft.perspectives] == ["mitarbeiterin", "unternehmen"]
    assert [b.value["key"] for b in draft.dimensions] == [
        "groesse-uebung",
        "lernkultur",
        "lernkultur-2",
    ]
    assert not draft.live and draft.has_unpublished_changes

    # Renaming keeps the short name; removing drops it.
    form = _fields(client.get(url).text)
    form.update({"d0_name": "Größe", "d2_delete": ["on"]})
    client.post(url, form)
    draft = _draft(page)
    assert [(b.value["key"], b.value["name"]) for b in draft.dimensions] == [
        ("groesse-uebung", "Größe"),
        ("lernkultur", "Lernkultur"),
    ]


def test_a_structure_without_names_is_refused_with_what_was_typed(client, db):
    client.force_login(_user("redaktion"))
    _response, page = _new_quickcheck(client)
    response = _send(
        client, f"/admin/quickcheck/{page.pk}/aufbau/", {"p0_intro": "Nur eine Einleitung"}
    )
    assert response.status_code == 200
    text = response.text
    assert "Noch nichts gespeichert" in text
    assert "Geben Sie einen Namen an." in text
    assert "Nennen Sie mindestens eine Dimension" in text
    assert "Nur eine Einleitung" in text
    assert not len(_draft(page).perspectives)


def test_questions_get_one_row_of_labelled_points_per_answer(client, db):
    client.force_login(_user("redaktion"))
    _response, page = _new_quickcheck(client)
    _send(
        client,
        f"/admin/quickcheck/{page.pk}/aufbau/",
        {"p0_name": "Beschäftigte", "d0_name": "Vereinbarkeit", "d1_name": "Gesundheit"},
    )
    url = f"/admin/quickcheck/{page.pk}/aufbau/fragen/"
    text = client.get(url).text
    assert "Punkte: Vereinbarkeit" in text and "Punkte: Gesundheit" in text
    assert "Punkte für Gesundheit, Antwort 4" in text  # each number field has its label
    assert "Kurzname" not in text and "Short name" not in text

    response = _send(
        client,
        url,
        {
            "q0_text": "Gibt es flexible Arbeitszeiten?",
            "q0_required": "on",
            "q0_o0_label": "Nein",
            "q0_o0_d0": "0",
            "q0_o1_label": "Teilweise",
            "q0_o1_d0": "1",
            "q0_o2_label": "Ja",
            "q0_o2_d0": "2",
            "q0_o2_d1": "1",
            "neu": "1",
        },
    )
    assert response["Location"] == url + "#frage-2"
    question = _draft(page).definition()["questions"][0]
    assert question["text"] == "Gibt es flexible Arbeitszeiten?"
    assert [o["label"] for o in question["options"]] == ["Nein", "Teilweise", "Ja"]
    assert question["options"][2]["points"] == {"vereinbarkeit": 2, "gesundheit": 1}
    # The next question starts with the same answers.
    text = client.get(url).text
    assert re.search(r'name="q1_o1_label"[^>]*value="Teilweise"', text)


def test_a_question_with_mistakes_is_refused_and_keeps_what_was_typed(client, db):
    client.force_login(_user("redaktion"))
    _response, page = _new_quickcheck(client)
    _send(client, f"/admin/quickcheck/{page.pk}/aufbau/", {"p0_name": "A", "d0_name": "B"})
    url = f"/admin/quickcheck/{page.pk}/aufbau/fragen/"
    response = _send(
        client, url, {"q0_text": "Nur eine Antwort?", "q0_o0_label": "Ja", "q0_o1_d0": "12"}
    )
    assert response.status_code == 200
    text = response.text
    assert "Geben Sie mindestens zwei Antworten an." in text
    assert "kleiner oder gleich 10" in text
    assert 'value="Nur eine Antwort?"' in text and 'value="12"' in text
    assert not len(_draft(page).questions)


def test_questions_move_and_are_removed(client, db):
    client.force_login(_user("redaktion"))
    source = _demo()
    url = f"/admin/quickcheck/{source.pk}/aufbau/fragen/"
    before = [q["id"] for q in source.definition()["questions"]]
    form = _fields(client.get(url).text)
    client.post(url, {**form, "verschieben": "1:hoch"})
    after = [q["id"] for q in _draft(source).definition()["questions"]]
    assert after == [before[1], before[0], *before[2:]]
    form = _fields(client.get(url).text)
    client.post(url, {**form, "q0_delete": ["on"]})
    after = [q["id"] for q in _draft(source).definition()["questions"]]
    assert after == [before[0], *before[2:]]


def test_saving_the_demo_unchanged_keeps_its_definition(client, db):
    """Responses and statistics refer to the short names and question ids: they stay."""
    client.force_login(_user("redaktion"))
    source = _demo()
    before = source.definition()
    for step in ("", "fragen/", "ergebnisse/"):
        url = f"/admin/quickcheck/{source.pk}/aufbau/{step}"
        form = _fields(client.get(url).text)
        response = client.post(url, form)
        assert response.status_code == 302, step
    after = _draft(source).definition()
    assert after == before
    assert QuickcheckPage.objects.get(pk=source.pk).live  # the live version is untouched


def test_recommendations_are_chosen_among_pages_in_the_quickchecks_language(client, db):
    client.force_login(_user("redaktion"))
    source = _demo()
    url = f"/admin/quickcheck/{source.pk}/aufbau/ergebnisse/"
    text = client.get(url).text
    assert "/admin/quickcheck/empfehlung-waehlen/?sprache=de" in text
    assert "(Deutsch)" in text  # the chosen pages show their language

    chooser = client.get("/admin/quickcheck/empfehlung-waehlen/", {"sprache": "de"}).json()
    html = chooser["html"]
    assert "Deutsch" in html and "Englisch" not in html
    assert "/en/" not in html
    results = client.get(
        "/admin/quickcheck/empfehlung-waehlen/results/", {"sprache": "de", "p": "2"}
    )
    assert results.status_code == 200
    assert "Deutsch" in results.text and "Englisch" not in results.text
    found = client.get(
        "/admin/quickcheck/empfehlung-waehlen/results/", {"sprache": "de", "q": "Ampel"}
    ).text
    assert "Lücken finden mit der Ampel" in found
    assert client.get("/admin/quickcheck/empfehlung-waehlen/chosen/abc/").status_code == 404

    english = Page.objects.live().filter(locale__language_code="en", depth__gt=2).first()
    form = _fields(text)
    form["b0_0_r0"] = str(english.pk)
    response = client.post(url, form)
    assert response.status_code == 200
    assert "in der Sprache dieses Quickchecks" in response.text


def test_the_page_editor_shows_a_summary_and_the_way_to_the_builder(client, db):
    client.force_login(_user("redaktion"))
    source = _demo()
    text = client.get(f"/admin/pages/{source.pk}/edit/").text
    assert "Fragen und Ergebnisse" in text
    assert "Mitarbeiter*in, Unternehmen" in text
    assert f"/admin/quickcheck/{source.pk}/aufbau/" in text
    assert "Kurzname" not in text


def test_trainers_cannot_open_the_builder(client, db):
    client.force_login(_user("ausbilder"))
    source = _demo()
    response = _send(client, f"/admin/quickcheck/{source.pk}/aufbau/", {"p0_name": "X"})
    assert response.status_code in (302, 403)
    assert _draft(source).definition() == source.definition()


def test_a_page_locked_by_someone_else_is_not_changed(client, db):
    source = _demo()
    source.locked, source.locked_by = True, _user("admin")
    source.save(update_fields=["locked", "locked_by"])
    client.force_login(_user("redaktion"))
    url = f"/admin/quickcheck/{source.pk}/aufbau/"
    form = _fields(client.get(url).text)
    form["d0_name"] = "Anders"
    response = client.post(url, form)
    assert response.status_code == 200
    assert "gesperrt" in response.text
    names = [b.value["name"] for b in _draft(source).dimensions]
    assert "Anders" not in names
