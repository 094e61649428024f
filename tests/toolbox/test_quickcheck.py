"""The Quickcheck: scoring, taking it without JavaScript, the result, the private link,
comparing over time, and what is (not) stored."""

import re

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import pytest

from toolbox.models import QuickcheckPage, QuickcheckResponse, QuickcheckTally
from toolbox.quickcheck import scoring
from toolbox.quickcheck.statistics import summarise

URL = "/werkzeugkasten/quickcheck/"
ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}


# -- scoring: pure and documented in toolbox/quickcheck/scoring.py --------------------------
def _definition(bands=None):
    bands = bands or [
        {"min": 0, "title": "low"},
        {"min": 50, "title": "middle"},
        {"min": 80, "title": "high"},
    ]
    return {
        "dimensions": [
            {"key": "a", "name": "A", "bands": bands},
            {"key": "b", "name": "B", "bands": bands},
        ],
        "questions": [
            {
                "id": "q1",
                "perspectives": [],
                "required": True,
                "options": [{"points": {"a": 0}}, {"points": {"a": 2, "b": 1}}],
            },
            {
                "id": "q2",
                "perspectives": ["firm"],
                "required": False,
                "options": [{"points": {"a": 2}}, {"points": {"a": -1, "b": 3}}],
            },
            {"id": "q3", "perspectives": [], "required": True, "options": []},
        ],
    }


def test_scores_sum_the_chosen_points_against_the_best_possible():
    result = {r["key"]: r for r in scoring.score(_definition(), "firm", {"q1": 1, "q2": 1})}
    assert (result["a"]["score"], result["a"]["max"], result["a"]["percent"]) == (1, 4, 25)
    assert (result["b"]["score"], result["b"]["max"], result["b"]["percent"]) == (4, 4, 100)
    assert result["a"]["band"]["title"] == "low" and result["b"]["band"]["title"] == "high"


def test_questions_count_only_for_their_perspective():
    result = {r["key"]: r for r in scoring.score(_definition(), "staff", {"q1": 1, "q2": 1})}
    assert (result["a"]["score"], result["a"]["max"]) == (2, 2)  # q2 is not for staff
    assert result["a"]["percent"] == 100


def test_all_zero_and_no_options_give_zero_not_an_error():
    result = scoring.score(_definition(), "staff", {"q1": 0})
    assert [r["percent"] for r in result] == [0, 0]
    assert result[0]["band"]["title"] == "low"
    assert scoring.missing_answers(_definition(), "staff", {}) == [_definition()["questions"][0]]


def test_a_dimension_no_question_scores_is_zero_per_cent():
    definition = _definition()
    definition["dimensions"].append({"key": "c", "name": "C", "bands": []})
    result = scoring.score(definition, "firm", {"q1": 1})
    assert result[2] == {
        "key": "c",
        "name": "C",
        "score": 0,
        "max": 0,
        "percent": 0,
        "band": None,
    }


def test_skipping_an_optional_question_never_improves_the_result():
    answered = scoring.score(_definition(), "firm", {"q1": 1, "q2": 0})
    skipped = scoring.score(_definition(), "firm", {"q1": 1})
    assert skipped[0]["max"] == answered[0]["max"] == 4
    assert skipped[0]["percent"] <= answered[0]["percent"]


def test_band_ties_and_edges():
    tied = [{"min": 0, "title": "first"}, {"min": 0, "title": "second"}]
    assert scoring.band_for(tied, 0)["title"] == "first"
    bands = [{"min": 20, "title": "from 20"}, {"min": 60, "title": "from 60"}]
    assert scoring.band_for(bands, 10)["title"] == "from 20"  # below every band: the lowest
    assert scoring.band_for(bands, 60)["title"] == "from 60"
    assert scoring.band_for([], 50) is None


def test_with_two_dimensions_the_chart_draws_bars_with_the_same_description():
    from toolbox.quickcheck.chart import radar

    svg = str(radar(["A", "B"], [("Jetzt", [40, 90])]))
    assert svg.count("<rect") == 2 and "<polygon" not in svg
    assert "Jetzt: A 40 %, B 90 %" in svg and 'role="img"' in svg


def test_invalid_answers_are_ignored():
    result = scoring.score(_definition(), "firm", {"q1": 7, "q2": -1, "zz": 1})
    assert [r["score"] for r in result] == [0, 0]


# -- taking it, as a visitor without JavaScript ----------------------------------------------
def _page():
    return QuickcheckPage.objects.get(slug="quickcheck", locale__language_code="de")


def _question_ids(text):
    """The questions shown (those of other steps are in the form, hidden)."""
    return re.findall(
        r'<fieldset class="choice-group quickcheck__question[^"]*" id="frage-([^"]+)"(?! hidden)',
        text,
    )


def _without_labels(html):
    """The result page's HTML without the cells' labels and roles for the phone's stacked
    table."""
    return re.sub(r' (data-label|role)="(?!img)[^"]*"', "", html)


def _take(client, perspective="unternehmen", choice=2, previous=""):
    """Answer every question with option `choice` (or the last), one screen at a time."""
    page = client.get(URL + "fragen/", {"perspektive": perspective})
    data = {"perspektive": perspective, "schritt": "0"}
    if previous:
        data["vorher"] = previous
    for _ in range(30):
        text = page.text if hasattr(page, "text") else page.content.decode()
        (question,) = _question_ids(text)
        options = re.findall(rf'name="q-{question}" value="(\d+)"', text)
        data[f"q-{question}"] = str(min(choice, len(options) - 1))
        data["schritt"] = re.search(r'name="schritt" value="(\d+)"', text).group(1)
        final = 'value="auswerten"' in text
        data["aktion"] = "auswerten" if final else "weiter"
        page = client.post(URL + "fragen/", data, **ORIGIN)
        if final:
            return page
    raise AssertionError("the Quickcheck did not end")


def test_the_start_page_asks_for_the_perspective_and_says_what_is_stored(client, db):
    text = client.get(URL).text
    assert "<legend>Aus welcher Sicht antworten Sie?</legend>" in text
    assert "Mitarbeiter*in" in text and "Unternehmen" in text
    assert "keinen Namen, keine E-Mail-Adresse und keine IP-Adresse" in text


def test_one_question_per_screen_with_progress_back_and_forward(client, db):
    first = client.get(URL + "fragen/", {"perspektive": "unternehmen"}).text
    assert "Frage 1 von 9" in first and '<progress max="9" value="1"' in first
    (q1,) = _question_ids(first)
    second = client.post(
        URL + "fragen/",
        {"perspektive": "unternehmen", "schritt": "0", "aktion": "weiter", f"q-{q1}": "1"},
        **ORIGIN,
    ).text
    assert "Frage 2 von 9" in second
    assert f'id="frage-{q1}" hidden' in second  # hidden, with its answer kept
    assert f'value="1" id="q-{q1}-1" checked' in second
    (q2,) = _question_ids(second)
    back = client.post(
        URL + "fragen/",
        {"perspektive": "unternehmen", "schritt": "1", "aktion": "zurueck", f"q-{q1}": "1"},
        **ORIGIN,
    ).text
    assert "Frage 1 von 9" in back
    assert f'value="1" id="q-{q1}-1" checked' in back


def test_an_unanswered_required_question_is_named_and_nothing_is_lost(client, db):
    first = client.get(URL + "fragen/", {"perspektive": "unternehmen"}).text
    (q1,) = _question_ids(first)
    again = client.post(
        URL + "fragen/",
        {"perspektive": "unternehmen", "schritt": "0", "aktion": "weiter"},
        **ORIGIN,
    )
    assert again.status_code == 200
    assert "Frage 1 von 9" in again.text
    assert 'role="alert"' in again.text and "Eine Frage braucht noch eine Antwort." in again.text
    assert (
        f'<p class="field__error" id="fehler-{q1}">Bitte wählen Sie eine Antwort.</p>' in again.text
    )
    assert f'aria-describedby="fehler-{q1}"' in again.text
    assert QuickcheckResponse.objects.count() == 0


def test_all_questions_on_one_page_keep_the_answers_after_an_error(client, db):
    page = _page()
    page.one_per_screen = False
    page.save_revision().publish()
    text = client.get(URL + "fragen/", {"perspektive": "mitarbeitende"}).text
    ids = _question_ids(text)
    assert len(ids) == 10 and "<progress" not in text
    response = client.post(
        URL + "fragen/",
        {"perspektive": "mitarbeitende", "aktion": "auswerten", f"q-{ids[0]}": "2"},
        **ORIGIN,
    )
    assert "9 Fragen brauchen noch eine Antwort." in response.text
    assert f'value="2" id="q-{ids[0]}-2" checked' in response.text
    data = {"perspektive": "mitarbeitende", "aktion": "auswerten"}
    data.update({f"q-{qid}": "0" for qid in ids})
    done = client.post(URL + "fragen/", data, **ORIGIN)
    assert done.status_code == 302 and "/ergebnis/" in done["Location"]


def test_the_result_shows_scores_bands_chart_and_recommendations(client, db):
    done = _take(client, choice=2)
    assert done.status_code == 302
    result = client.get(done["Location"])
    text = _without_labels(result.text)
    assert result["Cache-Control"] == "private, no-store"
    assert result["X-Robots-Tag"] == "noindex" and not result.cookies
    response = QuickcheckResponse.objects.get()
    # The table and the chart's description state the same figures as the stored result.
    rows = re.findall(
        r'<tr><th scope="row">([^<]+)</th><td>(-?\d+) / (\d+)</td><td>(\d+) %</td>', text
    )
    assert [(name, int(s), int(m), int(p)) for name, s, m, p in rows] == [
        (d["name"], d["score"], d["max"], d["percent"]) for d in response.result
    ]
    desc = re.search(r'<desc id="radar-desc">([^<]+)</desc>', text).group(1)
    for dimension in response.result:
        assert f"{dimension['name']} {dimension['percent']} %" in desc
    assert '<svg class="radar"' in text and 'role="img"' in text
    assert "Gut aufgestellt" in text
    links = [item["url"] for d in response.result for item in d["links"]]
    assert links and all(f'href="{url}"' in text for url in links)
    assert f'value="http://testserver{done["Location"]}"' in text  # the private link


def test_the_private_link_is_unguessable_and_nothing_personal_is_stored(client, db):
    done = _take(client, choice=0)
    response = QuickcheckResponse.objects.get()
    assert len(response.token) >= 32
    assert client.get(URL + "ergebnis/nicht-geraten/").status_code == 404
    stored = repr(
        {f.name: getattr(response, f.name) for f in QuickcheckResponse._meta.concrete_fields}
    )
    assert "127.0.0.1" not in stored
    names = {f.name for f in QuickcheckResponse._meta.get_fields()}
    assert not names & {"name", "email", "ip", "ip_address", "user", "session"}
    assert done.status_code == 302


def test_compare_over_time_from_the_private_link(client, db):
    first = _take(client, choice=0)
    token = first["Location"].rstrip("/").rsplit("/", 1)[1]
    result = client.get(first["Location"]).text
    assert f"fragen/?perspektive=unternehmen&amp;vorher={token}" in result
    second = _take(client, choice=2, previous=token)
    text = _without_labels(client.get(second["Location"]).text)
    assert "Veränderung" in text and "Früher" in text
    assert text.count("<polygon points=") == 4  # both results, in the chart and the phone's
    later = QuickcheckResponse.objects.get(token=second["Location"].rstrip("/").rsplit("/", 1)[1])
    assert later.previous.token == token
    assert re.search(r"<td>\+\d+ Prozentpunkte</td>", text)


def test_old_results_display_as_taken_after_the_questions_change(client, db):
    done = _take(client, choice=2)
    before = _without_labels(client.get(done["Location"]).text)
    page = _page()
    page.dimensions = list(page.dimensions.raw_data)[:1]
    page.questions = list(page.questions.raw_data)[:1]
    page.save_revision().publish()
    after = _without_labels(client.get(done["Location"]).text)
    rows = r'<tr><th scope="row">[^<]+</th>'
    assert len(re.findall(rows, after)) == len(re.findall(rows, before)) == 4


def test_a_missing_or_unknown_perspective_leads_back_with_a_message(client, db):
    response = client.get(URL + "fragen/", {"perspektive": "erfunden"})
    assert response.status_code == 302
    text = client.get(response["Location"]).text
    assert "Bitte wählen Sie die Sicht, aus der Sie antworten." in text


def test_the_home_page_embeds_the_quickcheck(client, db):
    text = client.get("/").text
    assert 'class="embed-card quickcheck-embed"' in text
    assert 'action="/werkzeugkasten/quickcheck/fragen/"' in text


def test_editors_get_a_clear_message_for_an_unknown_dimension(db):
    page = _page()
    raw = page.questions.raw_data
    raw[0]["value"]["options"][0]["value"]["points"][0]["value"]["dimension"] = "gibt-es-nicht"
    page.questions = raw
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "unbekannte Dimension „gibt-es-nicht“" in str(error.value)


# -- editors: statistics and export ------------------------------------------------------------
def test_editors_see_statistics_over_a_period_and_export_csv(client, db, editor, monkeypatch):
    with monkeypatch.context() as past:
        then = timezone.now().replace(year=2025)
        past.setattr(timezone, "now", lambda: then)
        _take(client, choice=0)
    _take(client, choice=2)
    _take(client, "mitarbeitende", choice=1)
    page = _page()
    client.force_login(editor)
    edit = client.get(f"/admin/pages/{page.pk}/edit/").text
    assert f"/admin/quickcheck/{page.pk}/auswertung/" in edit
    text = client.get(f"/admin/quickcheck/{page.pk}/auswertung/").text
    assert "3 Antworten" in text
    assert '<th scope="row">Unternehmen</th><td>2</td>' in text
    assert '<th scope="row">Mitarbeiter*in</th><td>1</td>' in text
    assert "Digitale Kompetenzen" in text and "Gut aufgestellt" in text
    period = client.get(f"/admin/quickcheck/{page.pk}/auswertung/", {"von": "2026-01-01"}).text
    assert "2 Antworten" in period
    wrong = client.get(
        f"/admin/quickcheck/{page.pk}/auswertung/", {"von": "2026-05-01", "bis": "2026-04-01"}
    ).text
    assert "Das Ende des Zeitraums liegt vor seinem Anfang." in wrong
    export = client.get(f"/admin/quickcheck/{page.pk}/csv/")
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    content = export.content.decode("utf-8")
    assert content.startswith("\ufeffAusgefüllt am;Perspektive;Digitale Kompetenzen: Punkte")
    lines = content.strip().splitlines()
    assert len(lines) == 4
    assert "Wie viele Beschäftigte nutzen digitale Werkzeuge sicher?" in lines[0]
    assert "127.0.0.1" not in content


def test_statistics_add_up_what_the_responses_say(client, db):
    for perspective, choice in [("unternehmen", 0), ("unternehmen", 2), ("mitarbeitende", 1)]:
        _take(client, perspective, choice=choice)
    _take(client, choice=1)
    page = _page()
    summary = summarise(QuickcheckTally.objects.filter(quickcheck=page))
    results = [item for r in QuickcheckResponse.objects.all() for item in r.result]
    assert summary["total"] == 4
    assert dict(summary["perspectives"]) == {"Unternehmen": 3, "Mitarbeiter*in": 1}
    for dimension in summary["dimensions"]:
        mine = [item for item in results if item["key"] == dimension["key"]]
        assert dimension["count"] == len(mine)
        assert dimension["mean"] == round(sum(i["percent"] for i in mine) / len(mine))
        assert sum(n for _, n in dimension["buckets"]) == len(mine)
        bands = dict(dimension["bands"])
        assert bands == {b: sum(i["band"] == b for i in mine) for b in {i["band"] for i in mine}}
    # what a migration or a bulk import counts equals what was counted one by one
    counted = {
        (t.day, t.perspective_name, t.dimension, t.band, t.quarter): (t.count, t.percent_sum)
        for t in QuickcheckTally.objects.all()
    }
    rebuilt = {
        (t.day, t.perspective_name, t.dimension, t.band, t.quarter): (t.count, t.percent_sum)
        for t in QuickcheckTally.rows_for(QuickcheckResponse.objects.all())
    }
    assert counted == rebuilt


def test_statistics_are_for_editors_only(client, db, django_user_model):
    page = _page()
    assert client.get(f"/admin/quickcheck/{page.pk}/auswertung/").status_code == 302
    reader = django_user_model.objects.create_user("leser", password="x" * 12)
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    refused = client.get(f"/admin/quickcheck/{page.pk}/csv/")
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    assert refused.status_code == 302 and refused["Location"] == "/admin/"


def test_other_sites_may_frame_the_quickcheck_only_when_allowed(client, db, settings, editor):
    settings.QUICKCHECK_FRAME_ANCESTORS = ["https://partner.example"]
    normal = client.get(URL)
    assert normal["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in normal["Content-Security-Policy"]
    embedded = client.get(URL, {"eingebettet": "1"})
    assert "X-Frame-Options" not in embedded
    assert "frame-ancestors 'self' https://partner.example" in embedded["Content-Security-Policy"]
    assert 'class="main-nav' not in embedded.text and "<footer" not in embedded.text
    assert '<input type="hidden" name="eingebettet" value="1">' in embedded.text
    # The whole way through stays embedded and framable.
    data = {"perspektive": "unternehmen", "eingebettet": "1", "aktion": "auswerten"}
    questions = client.get(URL + "fragen/", {"perspektive": "unternehmen", "eingebettet": "1"})
    assert "X-Frame-Options" not in questions
    page = _page()
    page.one_per_screen = False
    page.save_revision().publish()
    text = client.get(URL + "fragen/", {"perspektive": "unternehmen", "eingebettet": "1"}).text
    data.update({f"q-{qid}": "1" for qid in _question_ids(text)})
    done = client.post(URL + "fragen/", data, **ORIGIN)
    assert done["Location"].endswith("/?eingebettet=1")
    result = client.get(done["Location"])
    assert "X-Frame-Options" not in result and 'target="_top"' in result.text
    # The editors copy the code from the admin.
    client.force_login(editor)
    admin = client.get(f"/admin/quickcheck/{page.pk}/auswertung/").text
    code = r"&lt;iframe src=&quot;https?://[^&]+/werkzeugkasten/quickcheck/\?eingebettet=1"
    assert re.search(code, admin)
    assert "https://partner.example" in admin


def test_the_result_as_a_pdf_looks_like_the_page(client, db, tmp_path):
    """The PDF is rendered to PNG and checked: text, chart and table are there."""
    import pypdfium2

    done = _take(client, choice=2)
    text = client.get(done["Location"]).text
    pdf_url = re.search(r'href="([^"]+/pdf/)">Als PDF herunterladen</a>', text).group(1)
    response = client.get(pdf_url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF")
    document = pypdfium2.PdfDocument(response.content)
    words = " ".join(
        document[index].get_textpage().get_text_range() for index in range(len(document))
    )
    stored = QuickcheckResponse.objects.get()
    for dimension in stored.result:
        assert dimension["name"] in words.replace("\r\n", " ").replace("\n", " ")
        assert f"{dimension['percent']} %" in words
    assert "Ihr privater Link" in words
    # whose result it is: the programme, its organisation and how to reach it
    flat = words.replace("\r\n", " ").replace("\n", " ")
    assert flat.startswith("Zukunftshub") and "Musterinstitut für Arbeit und Technik e. V." in flat
    assert "Fragen zu Ihrem Ergebnis? Sprechen Sie mit Zukunftshub:" in flat
    assert "kontakt@zukunftshub.example" in flat
    image = document[0].render(scale=1).to_pil()
    image.save(tmp_path / "quickcheck.png")
    grey = image.convert("L")
    width, height = grey.size
    dark = sum(1 for value in grey.get_flattened_data() if value < 128)
    assert width > 500 and height > 700
    assert dark > 2000, "the first page is (nearly) blank"
    # The chart's blue polygon is drawn: enough pixels of its colour.
    pixels = image.convert("RGB").get_flattened_data()
    blue = sum(1 for r, g, b in pixels if b > 100 and r < 60 and g < 120)
    assert blue > 500


def test_sending_results_is_rate_limited_and_keeps_the_answers(client, db, settings):
    settings.QUICKCHECK_RATE_LIMIT = (2, 3600)
    page = _page()
    page.one_per_screen = False
    page.save_revision().publish()
    text = client.get(URL + "fragen/", {"perspektive": "unternehmen"}).text
    data = {"perspektive": "unternehmen", "aktion": "auswerten"}
    data.update({f"q-{qid}": "1" for qid in _question_ids(text)})
    for _ in range(2):
        assert client.post(URL + "fragen/", data, **ORIGIN).status_code == 302
    refused = client.post(URL + "fragen/", data, **ORIGIN)
    assert refused.status_code == 429
    assert "Bitte warten Sie etwas und senden Sie ihn erneut" in refused.text
    assert refused.text.count(" checked") == len(_question_ids(text))
    assert QuickcheckResponse.objects.count() == 2


@pytest.mark.parametrize("view", ["start", "questions", "result"])
def test_quickcheck_queries_do_not_grow_with_responses(client, db, settings, view):
    settings.PAGE_CACHE_SECONDS = 0
    done = _take(client, choice=1)
    url = {"start": URL, "questions": URL + "fragen/?perspektive=unternehmen"}.get(
        view, done["Location"]
    )

    def count():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    response = QuickcheckResponse.objects.first()
    for n in range(50):
        response.pk = None
        response.token = f"kopie-{n}-{response.token}"[:32]
        response.save()
    many = count()
    assert few == many <= 20, (few, many)


def test_an_editor_builds_a_quickcheck_from_nothing_and_a_visitor_takes_it(client, db, editor):
    """Through the builder (toolbox/quickcheck/builder/forms.py): draft, three steps, publish."""
    from toolbox.models import ToolboxIndexPage

    parent = ToolboxIndexPage.objects.get(locale__language_code="de")
    entry = parent.get_children().live().first()
    client.force_login(editor)
    created = client.post(
        f"/admin/pages/add/toolbox/quickcheckpage/{parent.pk}/",
        {
            "title": "Quickcheck Teamarbeit",
            "slug": "teamarbeit",
            "intro": "Drei kurze Fragen.",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )
    page = QuickcheckPage.objects.get(slug="teamarbeit", locale__language_code="de")
    builder = f"/admin/quickcheck/{page.pk}/aufbau/"
    assert created["Location"] == builder

    def send(url, data):  # with the revision the form was made from, as the browser sends it
        revision = QuickcheckPage.objects.get(pk=page.pk).latest_revision_id
        return client.post(url, {"revision": str(revision), **data})

    send(builder, {"p0_name": "Team", "d0_name": "Zusammenarbeit"})

    def question(number):
        return {
            f"q{number}_text": f"Frage {number + 1}?",
            f"q{number}_required": "on",
            f"q{number}_o0_label": "Nein",
            f"q{number}_o0_d0": "0",
            f"q{number}_o1_label": "Ja",
            f"q{number}_o1_d0": "2",
        }

    for number in range(3):
        data = {}
        for row in range(number + 1):  # the rows saved before come again, as from a browser
            data.update(question(row))
        assert send(builder + "fragen/", data).status_code == 302
    results = send(
        builder + "ergebnisse/",
        {
            "b0_0_min": "0",
            "b0_0_title": "Ausbaufähig",
            "b0_0_text": "Text zu Ausbaufähig",
            "b0_1_min": "50",
            "b0_1_title": "Stark",
            "b0_1_text": "Text zu Stark",
            "b0_1_r0": str(entry.pk),
            "fertig": "1",
        },
    )
    assert results["Location"] == f"/admin/pages/{page.pk}/edit/"
    published = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Quickcheck Teamarbeit",
            "slug": "teamarbeit",
            "intro": "Drei kurze Fragen.",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "action-publish": "action-publish",
        },
    )
    assert published.status_code == 302, published.context["form"].errors
    page = QuickcheckPage.objects.get(pk=page.pk)
    assert page.live and len(page.questions) == 3
    client.logout()

    url = page.url
    text = client.get(url + "fragen/", {"perspektive": "team"}).text
    ids = _question_ids(text)
    assert len(ids) == 3
    answers = {"perspektive": "team", "aktion": "auswerten"}
    answers.update({f"q-{qid}": "1" for qid in ids[:2]} | {f"q-{ids[2]}": "0"})
    done = client.post(url + "fragen/", answers, **ORIGIN)
    result = _without_labels(client.get(done["Location"]).text)
    assert (
        '<tr><th scope="row">Zusammenarbeit</th><td>4 / 6</td><td>67 %</td><td>Stark</td></tr>'
        in result
    )
    assert f'href="{entry.url}"' in result


@pytest.mark.parametrize(
    ("mode", "expected"),
    [
        ("", "Quickcheck starten"),
        ("fragen", "Mein Ergebnis anzeigen"),
        ("ergebnis", 'class="radar"'),
    ],
)
def test_editors_preview_start_questions_and_a_sample_result(db, mode, expected):
    page = _page()
    assert [name for name, _label in page.preview_modes] == ["", "fragen", "ergebnis"]
    response = page.make_preview_request(preview_mode=mode)
    if hasattr(response, "render"):
        response.render()
    text = response.content.decode()
    assert response.status_code == 200 and expected in text
    if mode == "fragen":
        assert len(_question_ids(text)) == 10  # every question of the first perspective
    assert QuickcheckResponse.objects.count() == 0  # a preview stores nothing


def test_the_result_page_has_a_radar_for_phones_a_stacking_table_and_a_copy_button(client, db):
    text = client.get(_take(client, choice=2)["Location"]).text
    compact = text[text.index('<div class="result-chart__compact">') :]
    compact = compact[: compact.index("</svg>")]
    assert 'viewBox="0 0 350 330" width="350"' in compact and 'id="radar-compact-title"' in compact
    assert 'font-size="13"' in compact and 'font-size="14"' not in compact
    assert re.search(r'<td role="cell" data-label="Anteil">\d+ %</td>', text)
    assert re.search(
        r'<button type="button" class="button button--secondary" data-copy="private-link" '
        r'data-copied="Link kopiert" hidden>Link kopieren</button>',
        text,
    )  # shown by the script, where the browser can copy
