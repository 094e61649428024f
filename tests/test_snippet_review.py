"""Organisations, contact persons and taxonomies the public sees go through the same
review as pages: drafts, revisions, "Zur Freigabe einreichen", approval by Freigabe.
A draft never shows on the public site."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from cms.models import Organisation
from cms.plugins import registry
from hub.models import Region, StoryIndexPage


def _user(username):
    return get_user_model().objects.get(username=username)


def _url(model, action, *args):
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def _approve(client, obj):
    obj.refresh_from_db()
    task_state = obj.current_workflow_state.current_task_state
    client.force_login(_user("freigabe"))
    response = client.post(_url(type(obj), "workflow_action", obj.pk, "approve", task_state.pk))
    assert response.status_code in (200, 302)
    obj.refresh_from_db()


def test_a_new_organisation_waits_for_review_before_it_counts(client, db):
    figure = registry.key_figures["cms.organisations"]
    before = figure.count()
    client.force_login(_user("redaktion"))
    add = client.get(_url(Organisation, "add")).content.decode()
    assert "Zur Freigabe einreichen" in add and 'name="action-publish"' not in add
    response = client.post(
        _url(Organisation, "add"),
        {
            "name": "Handwerkskammer Musterstadt",
            "short_name": "HWK",
            "kind": "chamber",
            "website": "",
            "description": "",
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302
    organisation = Organisation.objects.get(name="Handwerkskammer Musterstadt")
    assert not organisation.live and organisation.workflow_in_progress
    assert figure.count() == before

    _approve(client, organisation)
    assert organisation.live and figure.count() == before + 1
    history = client.get(_url(Organisation, "history", organisation.pk)).content.decode()
    assert "Handwerkskammer Musterstadt" in history


def test_a_renamed_region_shows_in_filters_only_once_approved(client, db):
    region = Region.objects.get(slug="ruhrgebiet")
    listing = StoryIndexPage.objects.live().filter(locale__language_code="de").first()
    client.force_login(_user("redaktion"))
    response = client.post(
        _url(Region, "edit", region.pk),
        {
            "name": "Metropole Ruhr",
            "slug": "ruhrgebiet",
            "sort_order": region.sort_order,
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302
    region.refresh_from_db()
    assert region.name == "Ruhrgebiet" and region.has_unpublished_changes
    client.logout()
    assert "Metropole Ruhr" not in client.get(listing.url).content.decode()

    _approve(client, region)
    assert region.name == "Metropole Ruhr"
    client.logout()
    assert "Metropole Ruhr" in client.get(listing.url).content.decode()


def test_a_new_region_saved_as_draft_stays_off_the_public_site(client, db):
    from hub.models import OfferingIndexPage

    finder = OfferingIndexPage.objects.live().filter(locale__language_code="de").first()
    guided = finder.url + "passend/"
    client.force_login(_user("redaktion"))
    response = client.post(
        _url(Region, "add"), {"name": "Münsterland", "slug": "muensterland", "sort_order": 50}
    )
    assert response.status_code == 302
    region = Region.objects.get(slug="muensterland")
    assert not region.live
    client.logout()
    assert "Münsterland" not in client.get(guided).content.decode()
    region.get_latest_revision().publish()
    assert "Münsterland" in client.get(guided).content.decode()
