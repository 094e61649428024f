"""Events: the listing of upcoming events with filters, the archive, iCal, and
registration with double opt-in, waiting list, group places and cancellation."""

import datetime
import re
import zlib

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from icalendar import Calendar

from hub.models import EventDate, EventFigures, EventIndexPage, EventKind, EventPage, Registration

LIST = "/veranstaltungen/"
ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
Status = Registration.Status


def _event(slug):
    return EventPage.objects.get(slug=slug, locale__language_code="de")


def new_event(title="Testlernreise", days=10, capacity=3, group=1, **fields):
    index = EventIndexPage.objects.get(slug="veranstaltungen", locale__language_code="de")
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    event = EventPage(
        title=title,
        slug=re.sub(r"\W+", "-", title.lower()),
        kind=EventKind.objects.get(slug="lernreise"),
        summary="Ein Besuch.",
        audience="KMU",
        city="Dortmund",
        capacity=capacity,
        max_group_size=group,
        **fields,
    )
    event.dates = [EventDate(start=start, end=start + datetime.timedelta(hours=3))]
    index.add_child(instance=event)
    event.save_revision().publish()
    return event


def _register(client, event, email="ada@example.org", address=None, **extra):
    """A registration by the person with ``email``, from a connection of their own
    unless ``address`` names one."""
    data = {"name": "Ada Beispiel", "email": email, "company": "Muster GmbH", "consent": "on"}
    data.update(extra)
    address = address or f"192.0.2.{zlib.crc32(email.encode()) % 250 + 1}"
    return client.post(event.url, data, REMOTE_ADDR=address, **ORIGIN)


def _links(message):
    confirm = re.search(r"https?://[^/\s]+(/\S+/anmeldung/bestaetigen/\S+/)", message.body)
    cancel = re.search(r"https?://[^/\s]+(/\S+/anmeldung/stornieren/\S+/)", message.body)
    return (confirm.group(1) if confirm else None), (cancel.group(1) if cancel else None)


# -- listing, archive, iCal ---------------------------------------------------------------
def test_the_listing_shows_upcoming_events_in_order_and_the_archive_the_past(client, db):
    text = client.get(LIST).text
    titles = re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', text)
    upcoming = EventPage.objects.live().filter(
        locale__language_code="de", ends_at__gte=timezone.now()
    )
    assert titles == [e.title for e in upcoming.order_by("starts_at")]
    assert "Lernreise zum Maschinenbauer" not in titles
    archive = client.get(LIST + "archiv/").text
    assert "Lernreise zum Maschinenbauer" in archive
    assert "3 vergangene Veranstaltungen" in archive


def test_an_event_moves_to_the_archive_by_itself(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    event = new_event("Bald vorbei", days=1)
    assert "Bald vorbei" in client.get(LIST).text
    EventDate.objects.filter(page=event).update(
        start=timezone.now() - datetime.timedelta(days=2),
        end=timezone.now() - datetime.timedelta(days=2, hours=-2),
    )
    event.refresh_from_db()
    event.save_revision().publish()  # the dates are kept on the page on every save
    assert "Bald vorbei" not in client.get(LIST).text
    assert "Bald vorbei" in client.get(LIST + "archiv/").text


def test_filters_by_kind_month_and_region_count_what_they_give(client, db):
    text = client.get(LIST, {"art": "lernreise"}).text
    assert "Work Lab Lernfabrik" not in text and "Lernreise zur Spedition" in text
    workshop = _event("veranstaltung-03")
    month = timezone.localtime(workshop.starts_at).strftime("%Y-%m")
    by_month = client.get(LIST, {"monat": month}).text
    assert "Workshop: Tandems starten" in by_month
    # Counted without the month chosen, as every facet counts with the others applied.
    everything = client.get(LIST).text
    count = re.search(
        rf'for="f-monat-{month}">[^<]*<span class="count">\((\d+)\)</span>', everything
    )
    months = EventPage.objects.live().filter(
        locale__language_code="de",
        ends_at__gte=timezone.now(),
        dates__month=int(month.replace("-", "")),
    )
    assert count and int(count.group(1)) == months.distinct().count() > 0
    kleve = client.get(LIST, {"region": "kreis-kleve"}).text
    assert "Lernreise zur Spedition" not in kleve and "Workshop: Tandems starten" in kleve


def test_the_listing_queries_do_not_grow_with_events(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0

    def count():
        client.get(LIST)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST).status_code == 200
        return len(queries)

    few = count()
    for n in range(15):
        new_event(f"Zusatz {n}", days=3 + n)
    assert count() == few <= 20


def test_ical_for_one_date_and_a_feed_of_all_upcoming_dates(client, db):
    event = _event("veranstaltung-02")  # a Work Lab with two dates
    page = client.get(event.url).text
    links = re.findall(r'href="([^"]+/kalender/)" download', page)
    assert len(links) == 2
    single = client.get(links[0])
    assert single["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(single.content)
    (vevent,) = calendar.walk("VEVENT")
    first = event.dates.order_by("sort_order").first()
    assert vevent.decoded("dtstart") == first.start
    assert str(vevent.get("dtstart").params["TZID"]) == "Europe/Berlin"
    assert vevent.get("summary") == event.title
    assert calendar.walk("VTIMEZONE")
    feed = Calendar.from_ical(client.get(LIST + "kalender/").content)
    summaries = [str(v.get("summary")) for v in feed.walk("VEVENT")]
    assert summaries.count(event.title) == 2
    assert "Lernreise zum Maschinenbauer" not in summaries
    assert client.get(event.url + "termin-999999/kalender/").status_code == 404


# -- registration --------------------------------------------------------------------------
def test_register_confirm_by_e_mail_and_cancel_by_the_link(client, db, mailoutbox):
    event = new_event(capacity=2)
    page = client.get(event.url)
    assert "2 Plätze sind frei." in page.text
    assert "private" not in page.headers.get("Cache-Control", "")
    sent = _register(client, event, accessibility_needs="Stufenloser Zugang")
    assert sent.status_code == 302 and "stand=pending" in sent["Location"]
    assert "Bitte bestätigen Sie" in client.get(sent["Location"]).text
    registration = Registration.objects.get(event=event)
    assert registration.status == Status.PENDING and registration.hold_until > timezone.now()
    assert registration.accessibility_needs == "Stufenloser Zugang"
    (mail,) = mailoutbox
    assert mail.to == ["ada@example.org"] and event.title in mail.subject
    confirm, cancel = _links(mail)
    assert confirm and cancel and "&amp;" not in mail.body
    done = client.get(confirm)
    assert "Ihre Anmeldung ist bestätigt" in done.text
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED and registration.email_confirmed
    assert EventFigures.objects.get(event=event).registered_places == 1
    assert "Anmeldung bestätigt" in mailoutbox[1].subject
    assert "1 Platz ist frei." in client.get(event.url).text

    # Cancelling asks first (a link checker's GET changes nothing), then frees the seat.
    ask = client.get(cancel)
    assert "Anmeldung stornieren?" in ask.text
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED
    client.post(cancel, **ORIGIN)
    assert Registration.objects.get(pk=registration.pk).status == Status.CANCELLED
    assert "storniert" in mailoutbox[-1].subject
    assert "2 Plätze sind frei." in client.get(event.url).text
    assert "Diese Anmeldung wurde storniert" in client.get(cancel).text


def test_a_full_event_fills_the_waiting_list_which_moves_up(client, db, mailoutbox):
    event = new_event(capacity=1)
    _register(client, event, "erste@example.org")
    first_confirm, first_cancel = _links(mailoutbox[0])
    client.get(first_confirm)
    page = client.get(event.url).text
    assert "Warteliste" in page and "Auf die Warteliste" in page
    waiting = _register(client, event, "zweite@example.org")
    assert "stand=waiting" in waiting["Location"]
    second = Registration.objects.get(email="zweite@example.org")
    assert second.status == Status.WAITING and second.hold_until is None
    second_confirm, _ = _links(mailoutbox[-1])
    told = client.get(second_confirm).text
    assert "Sie sind Nummer 1 auf der Warteliste." in told
    mailoutbox.clear()
    client.post(first_cancel, **ORIGIN)
    second.refresh_from_db()
    assert second.status == Status.CONFIRMED  # its e-mail was confirmed: it moves up booked
    moved = [m for m in mailoutbox if m.to == ["zweite@example.org"]]
    assert len(moved) == 1 and "frei geworden" in moved[0].subject


def test_a_hold_runs_out_and_the_seat_goes_to_the_waiting_list(client, db, mailoutbox):
    event = new_event(capacity=1)
    _register(client, event, "langsam@example.org")
    _register(client, event, "wartet@example.org")
    slow = Registration.objects.get(email="langsam@example.org")
    slow.hold_until = timezone.now() - datetime.timedelta(minutes=1)
    slow.save()
    _register(client, event, "dritte@example.org")  # any registration settles the event
    slow.refresh_from_db()
    waiting = Registration.objects.get(email="wartet@example.org")
    assert slow.status == Status.EXPIRED
    assert waiting.status == Status.PENDING and waiting.hold_until > timezone.now()
    assert Registration.objects.get(email="dritte@example.org").status == Status.WAITING
    # The late confirmation finds no seat and goes to the waiting list, confirmed.
    late_confirm, _ = _links(next(m for m in mailoutbox if m.to == ["langsam@example.org"]))
    client.get(late_confirm)
    slow.refresh_from_db()
    assert slow.status == Status.WAITING and slow.email_confirmed


def test_group_places_wait_and_move_up_together(client, db, mailoutbox):
    event = new_event(capacity=3, group=3)
    form = client.get(event.url).text
    assert 'name="colleagues"' in form and 'max="2"' in form
    _register(client, event, "eins@example.org", colleagues="1")  # 2 places
    _register(client, event, "gruppe@example.org", colleagues="2")  # 3 places: waits
    _register(client, event, "solo@example.org")  # 1 place: fits
    group = Registration.objects.get(email="gruppe@example.org")
    assert group.places == 3 and group.status == Status.WAITING
    assert Registration.objects.get(email="solo@example.org").status == Status.PENDING
    for email in ("eins@example.org", "solo@example.org"):
        _, cancel = _links(next(m for m in mailoutbox if m.to == [email]))
        client.post(cancel, **ORIGIN)
    group.refresh_from_db()
    assert group.status == Status.PENDING  # all three seats at once
    too_many = _register(client, event, "viele@example.org", colleagues="5")
    assert too_many.status_code == 400
    assert "höchstens 2 Kolleg" in too_many.text
    assert 'value="viele@example.org"' in too_many.text


def test_a_second_registration_with_the_same_address_is_explained(client, db, mailoutbox):
    event = new_event()
    _register(client, event)
    again = _register(client, event, "ADA@example.org")
    assert "stand=doppelt" in again["Location"]
    assert "bereits angemeldet" in client.get(again["Location"]).text
    assert Registration.objects.filter(event=event).count() == 1
    assert "bereits angemeldet" in mailoutbox[-1].subject


def test_bad_input_is_named_and_kept(client, db):
    event = new_event()
    response = client.post(
        event.url, {"name": "Ada", "email": "keine-adresse", "company": "Muster"}, **ORIGIN
    )
    assert response.status_code == 400
    text = response.text
    assert 'role="alert"' in text and "Bitte gültige E-Mail-Adresse eingeben." in text
    assert 'value="keine-adresse"' in text and 'value="Muster"' in text
    assert "Datenschutz" in text
    assert not Registration.objects.filter(event=event).exists()


def test_tampered_or_foreign_links_and_closed_registration(client, db, mailoutbox):
    event = new_event()
    other = new_event("Andere Reise")
    _register(client, event)
    confirm, cancel = _links(mailoutbox[0])
    assert client.get(confirm[:-3] + "xx/").status_code == 404
    assert "Dieser Link ist ungültig" in client.get(cancel[:-3] + "xx/").text
    foreign = cancel.replace(event.url, other.url)
    assert client.get(foreign).status_code == 404
    past = _event("veranstaltung-07")
    closed = client.post(
        past.url, {"name": "A", "email": "a@example.org", "consent": "on"}, **ORIGIN
    )
    assert closed.status_code == 409 and "hat stattgefunden" in closed.text
    not_yet = new_event("Später", registration_opens=timezone.now() + datetime.timedelta(days=2))
    assert "Die Anmeldung beginnt am" in client.get(not_yet.url).text


def test_registering_is_rate_limited_and_keeps_the_input(client, db, settings):
    settings.EVENT_RATE_LIMIT = (2, 3600)
    event = new_event(capacity=10)
    for n in range(2):
        assert _register(client, event, f"p{n}@example.org", "198.51.100.1").status_code == 302
    limited = _register(client, event, "p9@example.org", "198.51.100.1")
    assert limited.status_code == 400 and "sehr oft" in limited.text
    assert 'value="p9@example.org"' in limited.text
    assert Registration.objects.filter(event=event).count() == 2


def _links_for(registration):
    from hub.events.tokens import token_for

    event = registration.event.specific
    base = event.url + "anmeldung/"
    return (
        f"{base}bestaetigen/{token_for(registration, 'confirm')}/",
        f"{base}stornieren/{token_for(registration, 'cancel')}/",
    )


def test_one_connection_cannot_hoard_the_seats(client, db, mailoutbox):
    """Throwaway registrations from one connection hold at most two registrations'
    places; many connections together hold at most half of the event unconfirmed."""
    event = new_event(capacity=40, group=5)
    for n in range(8):
        _register(client, event, f"wegwerf{n}@example.org", "203.0.113.5", colleagues="4")
    held = Registration.objects.filter(event=event)
    assert held.count() == 2 and sum(r.places for r in held) == 10
    refused = _register(client, event, "noch@example.org", "203.0.113.5")
    assert refused.status_code == 400 and "bestätigen Sie diese" in refused.text
    assert 'value="noch@example.org"' in refused.text
    # From many connections: unconfirmed places stop at half of the event; the rest wait.
    for n in range(8):
        _register(client, event, f"viele{n}@example.org", f"198.51.100.{n + 10}", colleagues="4")
    pending = Registration.objects.filter(event=event, status=Status.PENDING)
    assert sum(r.places for r in pending) == 20
    assert Registration.objects.filter(event=event, status=Status.WAITING).count() == 6
    # They are told that places are free and confirming gets them one, not "full".
    queued = _register(client, event, "spaeter@example.org", "198.51.100.99")
    assert "stand=waiting-confirm" in queued["Location"]
    told = client.get(queued["Location"]).text
    assert "Es sind noch Plätze frei" in told and "ausgebucht" not in told
    # A waiting visitor who confirms moves up at once: seats are free, only the
    # unconfirmed ones were capped. One e-mail says so, not "moved up" as well.
    waiting = Registration.objects.filter(event=event, status=Status.WAITING).first()
    mailoutbox.clear()
    confirm, _cancel = _links_for(waiting)
    page = client.get(confirm)
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert "Warteliste" not in page.text
    assert [m.to for m in mailoutbox] == [[waiting.email]]
    assert "frei geworden" not in mailoutbox[0].subject


def test_names_carry_no_links_or_line_breaks_into_e_mails(client, db, mailoutbox):
    event = new_event(capacity=10)
    spam = _register(client, event, "opfer@example.org", name="Gewinn! www.betrug.example")
    assert spam.status_code == 400 and "ohne Internetadresse" in spam.text
    assert not mailoutbox
    for name in ("Klick https://betrug.example/x", "Preis bei betrug.com", "betrug.shop/gewinn"):
        assert _register(client, event, "opfer@example.org", name=name).status_code == 400
    _register(client, event, "ok@example.org", name="Ada\r\n\r\nLovelace")
    registration = Registration.objects.get(email="ok@example.org")
    assert registration.name == "Ada Lovelace"
    assert "Ada Lovelace" in mailoutbox[0].body
    assert _register(client, event, "dr@example.org", name="Dr. J. R. Müller-Lüdenscheidt")[
        "Location"
    ]
    assert Registration.objects.filter(name="Dr. J. R. Müller-Lüdenscheidt").exists()


def test_one_address_gets_a_limited_number_of_mails(client, db, mailoutbox):
    for n in range(5):
        event = new_event(f"Reise {n}", capacity=10)
        assert (
            _register(client, event, "ziel@example.org", f"198.51.100.{n + 1}").status_code == 302
        )
    sixth = new_event("Reise 6", capacity=10)
    refused = _register(client, sixth, "ziel@example.org", "198.51.100.99")
    assert refused.status_code == 400 and "mehrere E-Mails" in refused.text
    assert len([m for m in mailoutbox if m.to == ["ziel@example.org"]]) == 5


def test_links_in_e_mails_end_with_the_event(client, db, mailoutbox):
    event = new_event(capacity=10)
    _register(client, event, "spaet@example.org")
    confirm, cancel = _links(mailoutbox[0])
    EventDate.objects.filter(page=event).update(
        start=timezone.now() - datetime.timedelta(days=2),
        end=timezone.now() - datetime.timedelta(days=2, hours=-2),
    )
    event.refresh_from_db()
    event.save_revision().publish()
    for link in (confirm, cancel):
        assert client.get(link).status_code == 404


def test_events_feed_the_home_page_search_sitemap_and_feeds(client, db):
    assert "Lernreise zur Spedition am Kanal" in client.get("/feeds/veranstaltungen/rss/").text
    assert "Lernreise zur Spedition am Kanal" in client.get("/suche/", {"q": "Spedition"}).text
    sitemap = client.get("/sitemap.xml").text
    assert "/veranstaltungen/veranstaltung-01/" in sitemap
    assert "/veranstaltungen/archiv/" in sitemap


def _places(client, event):
    """The free places a cached event page shows, and whether it came from the cache."""
    page = client.get(event.url)
    assert page.status_code == 200
    found = re.search(r"(\d+) (Platz ist|Plätze sind) frei", page.text)
    free = int(found.group(1)) if found else 0
    # The same number near the top, beside the button that leads to the form.
    top = re.search(
        r'<p class="event-booking__places">([^<]+)</p>\s*<a class="button button--large" '
        r'href="#anmeldung">([^<]+)</a>',
        page.text,
    )
    expected = {0: "Ausgebucht – Warteliste offen", 1: "Ein Platz frei"}.get(
        free, f"{free} Plätze frei"
    )
    assert top and top[1] == expected, top and top.groups()
    assert top[2] == ("Auf die Warteliste setzen" if free == 0 else "Anmelden")
    return free, page.headers.get("X-Page-Cache")


def test_the_cached_event_page_shows_the_right_places(client, db, mailoutbox):
    """Event pages come from the page cache like every page (a press release sends a
    rush to them), and still show the right places after every change."""
    event = new_event(capacity=2)
    assert _places(client, event) == (2, "miss")
    assert _places(client, event) == (2, "hit")

    _register(client, event, "eins@example.org")  # holds a place
    assert _places(client, event) == (1, "miss")
    assert _places(client, event) == (1, "hit")
    confirm, cancel = _links(mailoutbox[-1])
    client.get(confirm)
    assert _places(client, event) == (1, "miss")
    _register(client, event, "zwei@example.org")
    assert _places(client, event)[0] == 0
    assert "Auf die Warteliste" in client.get(event.url).text
    _register(client, event, "drei@example.org")  # waits
    client.post(cancel, **ORIGIN)  # the first cancels: the third moves up
    assert Registration.objects.get(email="drei@example.org").status == Status.PENDING
    assert _places(client, event) == (0, "miss")

    # A hold that runs out is freed by the scheduled job, without any visitor.
    Registration.objects.filter(email="zwei@example.org").update(
        hold_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert _places(client, event) == (0, "hit")
    from hub.events.services import release_expired_holds

    release_expired_holds()
    assert _places(client, event) == (1, "miss")


def test_a_cached_event_page_opens_registration_on_time(client, db, settings):
    """Stored no longer than until the registration opens (the clock changes the page)."""
    from django.core.cache import caches

    opens = timezone.now() + datetime.timedelta(seconds=30)
    event = new_event(registration_opens=opens)
    page = client.get(event.url)
    assert "Die Anmeldung beginnt am" in page.text and page.headers["X-Page-Cache"] == "miss"
    cache = caches["default"]
    if hasattr(cache, "ttl"):  # Redis
        (key,) = cache.keys("page:*")
        assert 0 < cache.ttl(key) <= 31
    else:
        (key,) = [key for key in cache._cache if "page:" in key]
        assert cache._expire_info[key] <= opens.timestamp() + 1


def test_the_event_page_queries_do_not_grow_with_registrations(client, db, settings):
    settings.PAGE_CACHE_SECONDS = 0
    event = new_event(capacity=100)

    def count():
        client.get(event.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(event.url).status_code == 200
        return len(queries)

    few = count()
    Registration.objects.bulk_create(
        Registration(event=event, name=f"P{n}", email=f"p{n}@example.org", status=Status.CONFIRMED)
        for n in range(50)
    )
    assert count() == few <= 20


def test_upcoming_means_the_same_in_the_listing_teasers_feed_and_dashboard(client, admin_client):
    """One meaning (EventQuerySet): not over before today began. A cancelled upcoming
    event stays in the listing, marked, but no teaser, feed or dashboard offers it."""
    from cms.plugins import registry

    kept = new_event("Kommende Lernreise", days=3)
    cancelled = new_event("Abgesagte Lernreise", days=4)
    EventPage.objects.filter(pk=cancelled.pk).update(cancelled_at=timezone.now())
    past = new_event("Vergangene Lernreise", days=-3)

    upcoming = set(EventPage.objects.upcoming().values_list("pk", flat=True))
    assert {kept.pk, cancelled.pk} <= upcoming and past.pk not in upcoming
    assert cancelled.pk not in set(EventPage.objects.upcoming().held().values_list("pk", flat=True))

    listing = client.get("/veranstaltungen/").text
    assert "Kommende Lernreise" in listing and "Abgesagte Lernreise" in listing
    assert "Vergangene Lernreise" not in listing
    teasers = [page.pk for page in registry.teaser_sources["hub.events"].items(50)]
    assert kept.pk in teasers and cancelled.pk not in teasers and past.pk not in teasers
    feed = client.get("/feeds/veranstaltungen/rss/").text
    assert "Kommende Lernreise" in feed and "Abgesagte Lernreise" not in feed
    dashboard = admin_client.get("/admin/").text
    assert "Kommende Lernreise" in dashboard and "Abgesagte Lernreise" not in dashboard
