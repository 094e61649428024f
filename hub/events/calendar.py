"""iCalendar (RFC 5545) for events: one date as an .ics file, or every upcoming date of
a listing as a feed, with times in Europe/Berlin."""

import zoneinfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from icalendar import Calendar, Event


def _calendar(name):
    calendar = Calendar()
    calendar.add("prodid", "-//Zukunftshub//Veranstaltungen//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _vevent(request, event, date, domain):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    item = Event()
    item.add("uid", f"event-{event.translation_key}-{date.pk}@{domain}")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", date.start.astimezone(zone))
    item.add("dtend", date.end.astimezone(zone))
    item.add("summary", event.title)
    item.add("description", event.summary)
    item.add("url", event.get_full_url(request))
    item.add("location", "Online" if event.online else event.address())
    if event.is_cancelled:
        item.add("status", "CANCELLED")
    else:
        item.add("status", "CONFIRMED")
    return item


def calendar_response(request, events, filename, name, date_id=None):
    domain = request.get_host().split(":")[0]
    calendar = _calendar(name)
    for event in events:
        for date in event.dates.all():
            if date_id is None or date.pk == date_id:
                calendar.add_component(_vevent(request, event, date, domain))
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename[:-4])}.ics"'
    return response
