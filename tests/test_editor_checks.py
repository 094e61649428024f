"""The checks editors meet before anything reaches the public: alt text asked for on
upload, an event's registration window checked against its dates, and the content
checks in the editor with a rule for link texts such as "hier klicken"."""

import datetime
import io
import json
import re

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage

from hub.models import EventPage

from .hub.test_events import new_event


def _login(client, username="redaktion"):
    client.force_login(get_user_model().objects.get(username=username))


def _png(name="IMG_2041.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), (200, 120, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize(
    ("description", "error"),
    [
        ("", "Bitte beschreiben Sie, was auf dem Bild zu sehen ist"),
        ("IMG_2041", "sieht aus wie ein Dateiname"),
        ("werkstatt_foto.png", "sieht aus wie ein Dateiname"),
    ],
)
def test_an_upload_asks_for_alt_text_not_a_file_name(client, db, description, error):
    _login(client)
    response = client.post(
        "/admin/images/add/",
        {"title": "Werkstatt", "file": _png(), "description": description, "collection": 1},
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert error in text
    assert "Alternativtext" in text and "Bild ist dekorativ" in text  # the help says how
    assert not get_image_model().objects.filter(title="Werkstatt").exists()


def test_an_upload_with_a_description_is_saved_with_it_as_alt_text(client, db):
    _login(client)
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Werkstatt",
            "file": _png(),
            "description": "Zwei Auszubildende zeigen dem Tischlermeister ein Tablet",
            "collection": 1,
        },
    )
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Werkstatt")
    assert image.default_alt_text == "Zwei Auszubildende zeigen dem Tischlermeister ein Tablet"


def _event_form(event, **changes):
    """The event's own values as its edit form posts them, with changes."""
    start = event.dates.first().start
    local = timezone.localtime(start)
    data = {
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind_id,
        "region": event.region_id or "",
        "summary": event.summary,
        "dates-TOTAL_FORMS": "1",
        "dates-INITIAL_FORMS": "0",
        "dates-MIN_NUM_FORMS": "1",
        "dates-MAX_NUM_FORMS": "1000",
        "dates-0-start": local.strftime("%Y-%m-%d %H:%M"),
        "dates-0-end": (local + datetime.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
        "dates-0-ORDER": "1",
        "city": "Dortmund",
        "audience": "KMU",
        "cost": "",
        "body-count": "0",
        "agenda-count": "0",
        "registration_enabled": "on",
        "capacity": "10",
        "max_group_size": "1",
        "registration_opens": "",
        "registration_closes": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def test_registration_closing_after_the_start_is_refused_on_the_field(client, db):
    event = new_event("Work Lab Fenster", days=20)
    _login(client)
    start = timezone.localtime(event.dates.first().start)
    late = (start + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    response = client.post(
        f"/admin/pages/{event.pk}/edit/", _event_form(event, registration_closes=late)
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "registration_closes" in errors, errors
    assert "spätestens mit dem Beginn" in errors["registration_closes"][0]
    assert start.strftime("%d.%m.%Y") in errors["registration_closes"][0]
    assert late in response.content.decode()  # what was typed is kept
    assert EventPage.objects.get(pk=event.pk).registration_closes is None

    early = (start - datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    saved = client.post(
        f"/admin/pages/{event.pk}/edit/", _event_form(event, registration_closes=early)
    )
    assert saved.status_code == 302, saved.context["form"].errors


def test_the_editor_checks_include_vague_link_texts(client, db):
    _login(client)
    event = EventPage.objects.filter(locale__language_code="de").first()
    edit = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    match = re.search(
        r'<script id="checker-axe-configuration" type="application/json">(.*?)</script>',
        edit,
        re.S,
    )
    config = json.loads(match.group(1))
    assert "link-text-quality" in config["options"]["runOnly"]
    assert {"empty-heading", "heading-order", "image-alt"} <= set(config["options"]["runOnly"])
    (check,) = [c for c in config["spec"]["checks"] if c["id"] == "check-link-text"]
    pattern = re.compile(check["options"]["pattern"], re.I)
    for vague in ("hier klicken", "Mehr", "weiter", "Click here", "read more"):
        assert pattern.search(vague), vague
    assert not pattern.search("Förderprogramme für KMU")
    message = config["messages"]["link-text-quality"]
    assert message["error_name"] == "Linktext sagt nicht, wohin der Link führt"
