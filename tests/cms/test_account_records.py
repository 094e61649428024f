"""What plugins add to the account pages through the contract: links from "My account"
to the user's own pages, and what the deletion page says stops working."""

from django.contrib.auth import get_user_model

import pytest

from cms.plugins import AccountLink, PersonalData, registry

PASSWORD = "Lernweg-2026-sicher"


@pytest.fixture
def learner(db):
    return get_user_model().objects.create_user(
        username="anna", email="anna@example.org", password=PASSWORD
    )


def test_my_account_links_to_the_pages_plugins_offer(client, learner):
    client.force_login(learner)
    links = (
        AccountLink(key="test.later", label="Meine Notizen", url=lambda r: "/notizen/", order=2),
        AccountLink(key="test.first", label="Meine Termine", url=lambda r: "/termine/", order=1),
        AccountLink(key="test.none", label="Nirgends", url=lambda r: None),
    )
    with registry.temporarily(*links):
        text = client.get("/konto/").text
    first = text.index('<a class="button button--secondary" href="/termine/">Meine Termine</a>')
    later = text.index('<a class="button button--secondary" href="/notizen/">Meine Notizen</a>')
    assert first < later
    assert "Nirgends" not in text
    assert "test.first" not in registry.account_links
    assert 'class="account-pages"' not in client.get("/konto/").text


def test_the_deletion_page_says_what_stops_working(client, learner):
    client.force_login(learner)
    record = PersonalData(
        key="test.badges",
        label="Abzeichen",
        export=lambda user: [],
        deletion_notice=lambda user: f"Die Abzeichen von {user.email} verfallen.",
    )
    quiet = PersonalData(
        key="test.quiet", label="Still", export=lambda user: [], deletion_notice=lambda user: ""
    )
    with registry.temporarily(record, quiet):
        text = client.get("/konto/loeschen/").text
    assert (
        '<p class="notice notice--warning">Die Abzeichen von anna@example.org verfallen.</p>'
        in (text)
    )
    assert text.count("notice--warning") == 1
    assert "verfallen" not in client.get("/konto/loeschen/").text
