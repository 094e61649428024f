"""The dashboard says what needs attention, per role, in a fixed number of queries:
my content in review (with the reviewer's comment), offerings to check with real dates
and a "checked" button, upcoming events with their places, a trainer's cohorts."""

import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.models import Revision

import pytest

from cms.dashboard import MyWorkInReviewPanel
from courses.cohorts.dashboard import MyCohortsPanel
from courses.models import Cohort
from hub.dashboard import OfferingsToCheckPanel, UpcomingEventsPanel
from hub.models import OfferingPage, Registration, StoryPage

from .hub.test_events import new_event

MAX_QUERIES = 10


def _user(username):
    return get_user_model().objects.get(username=username)


def _queries(panel, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    with CaptureQueriesContext(connection) as queries:
        html = panel.render_html({"request": request, "csrf_token": "token"})
    return len(queries), html


def _submit_and_reject(story, comment):
    redaktion, freigabe = _user("redaktion"), _user("freigabe")
    story.save_revision(user=redaktion)
    story.get_workflow().start(story, redaktion)
    task_state = story.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, freigabe, "reject", comment=comment)


def test_my_content_in_review_shows_the_reviewers_comment(client, db):
    stories = list(StoryPage.objects.live().filter(locale__language_code="de")[:2])
    _submit_and_reject(stories[0], "Bitte das Foto tauschen.")
    stories[1].save_revision(user=_user("redaktion"))
    stories[1].get_workflow().start(stories[1], _user("redaktion"))
    client.force_login(_user("redaktion"))
    text = client.get("/admin/").content.decode()
    assert "Meine Inhalte in der Freigabe" in text
    assert "Frank Freigabe hat Änderungen angefordert" in text
    assert "„Bitte das Foto tauschen.“" in text
    assert "Wartet auf Freigabe" in text


def test_offerings_to_check_have_real_dates_and_a_checked_button(client, db, settings):
    settings.OFFERING_CHECK_MONTHS = 6
    today = timezone.localdate()
    ending = OfferingPage.objects.get(slug="angebot-02", locale__language_code="de")
    ending.valid_until = today + datetime.timedelta(days=12)
    ending.last_checked = today - datetime.timedelta(days=300)
    ending.save_revision().publish()
    client.force_login(_user("redaktion"))
    text = client.get("/admin/").content.decode()
    assert "Zu prüfende Angebote" in text and ending.title in text
    assert ending.valid_until.strftime("%d.%m.%Y") in text
    assert ending.last_checked.strftime("%d.%m.%Y") in text
    assert "Jetzt gerade" not in text

    old_draft = OfferingPage.objects.get(pk=ending.pk).save_revision()
    done = client.post(f"/admin/angebote-pruefen/{ending.pk}/geprueft/", follow=True)
    assert "als geprüft markiert" in done.content.decode()
    assert OfferingPage.objects.get(pk=ending.pk).last_checked == today
    client.logout()
    with translation.override("de"):
        shown = date_format(today, "j. F Y")
    assert shown in client.get(ending.url).content.decode()
    Revision.objects.get(pk=old_draft.pk).publish()  # a draft written before keeps the date
    assert OfferingPage.objects.get(pk=ending.pk).last_checked == today


def test_marking_as_checked_needs_the_right_to_edit(client, db):
    offering = OfferingPage.objects.filter(locale__language_code="de").first()
    OfferingPage.objects.filter(pk=offering.pk).update(last_checked=datetime.date(2025, 1, 2))
    client.force_login(_user("ausbilder"))
    response = client.post(f"/admin/angebote-pruefen/{offering.pk}/geprueft/")
    assert response.status_code in (302, 403)
    assert OfferingPage.objects.get(pk=offering.pk).last_checked == datetime.date(2025, 1, 2)
    assert client.get(f"/admin/angebote-pruefen/{offering.pk}/geprueft/").status_code == 405


def test_upcoming_events_show_places_by_status(client, db):
    event = new_event("Work Lab Dashboard", days=3, capacity=8, group=3)
    for status, places in (("confirmed", 3), ("confirmed", 1), ("pending", 2), ("waiting", 3)):
        Registration.objects.create(
            event=event,
            name="X",
            email=f"{status}{places}@example.org",
            status=status,
            places=places,
        )
    client.force_login(_user("redaktion"))
    text = client.get("/admin/").content.decode()
    assert "Kommende Veranstaltungen" in text
    row = text[text.index("Work Lab Dashboard") :][:1500]
    assert "4 von 8" in row
    assert "<td>2</td>" in row and "<td>3</td>" in row
    assert f"/admin/veranstaltungen/{event.pk}/anmeldungen/" in row


def test_trainers_see_their_cohorts_and_no_editorial_panels(client, db):
    client.force_login(_user("ausbilder"))
    text = client.get("/admin/").content.decode()
    assert "Meine Kohorten" in text
    assert "Lotsenausbildung Berufskolleg Dortmund" in text
    assert "Zu prüfende Angebote" not in text and "Kommende Veranstaltungen" not in text


def _more_of_everything(start, count):
    """Items for every panel: rejected submissions, events, cohorts of the trainer."""
    stories = StoryPage.objects.live().filter(locale__language_code="de").order_by("pk")
    for n, story in enumerate(stories[start : start + count]):
        _submit_and_reject(story, f"Kommentar {n}")
    for n in range(start, start + count):
        new_event(f"Veranstaltung Nummer {n}", days=2 + n)
    course = Cohort.objects.first().course
    for n in range(start, start + count):
        Cohort.objects.create(name=f"Kohorte {n}", course=course).trainers.add(_user("ausbilder"))


@pytest.mark.parametrize(
    ("panel", "username"),
    [
        (MyWorkInReviewPanel, "redaktion"),
        (OfferingsToCheckPanel, "redaktion"),
        (UpcomingEventsPanel, "redaktion"),
        (MyCohortsPanel, "ausbilder"),
    ],
)
def test_each_panel_takes_few_queries_whatever_the_number_of_items(db, panel, username, settings):
    settings.OFFERING_CHECK_MONTHS = 0  # every offering is due
    user = _user(username)
    _more_of_everything(0, 2)
    _queries(panel(), user)  # content types and the user's permissions, cached per process
    few, html = _queries(panel(), user)
    assert "<table" in html
    _more_of_everything(2, 12)
    many, html = _queries(panel(), user)
    assert many == few, (few, many)
    assert many <= MAX_QUERIES, many
    assert html.count("<tr>") == 11  # the header and the first ten
