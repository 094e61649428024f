"""The review loop as Redaktion and Freigabe meet it in the German admin: plain words
on the buttons and in the e-mails, the reviewer's comment on the edit screen, and a
dashboard whose "compare" shows the submitted changes against the live version."""

from django.contrib.auth import get_user_model

import pytest

from hub.models import StoryPage


def _user(username):
    return get_user_model().objects.get(username=username)


@pytest.fixture
def story(db):
    return StoryPage.objects.live().filter(locale__language_code="de").first()


def _submit(story, title="Neuer Titel für die Freigabe"):
    """Redaktion changes the title and submits (what the edit view does on "submit")."""
    redaktion = _user("redaktion")
    story.title = title
    revision = story.save_revision(user=redaktion)
    story.get_workflow().start(story, redaktion)
    return revision


def test_the_buttons_say_what_they_do(client, story):
    client.force_login(_user("redaktion"))
    edit = client.get(f"/admin/pages/{story.pk}/edit/").text
    assert "Zur Freigabe einreichen" in edit
    assert "In Vier-Augen-Prinzip einreichen" not in edit

    _submit(story)
    client.force_login(_user("freigabe"))
    edit = client.get(f"/admin/pages/{story.pk}/edit/").text
    assert "Freigeben und veröffentlichen" in edit
    assert "Änderungen anfordern" in edit
    assert "Freigeben und Veröffentlichen" not in edit


def test_the_editor_finds_the_reviewers_comment_on_the_edit_screen(client, story, mailoutbox):
    _submit(story)
    assert "Wartet auf Ihre Freigabe: „Neuer Titel für die Freigabe“" in [
        m.subject for m in mailoutbox
    ]
    mailoutbox.clear()
    task_state = story.current_workflow_state.current_task_state
    task_state.task.specific.on_action(
        task_state, _user("freigabe"), "reject", comment="Bitte ein Zitat der Inhaberin ergänzen."
    )
    story.refresh_from_db()

    client.force_login(_user("redaktion"))
    edit = client.get(f"/admin/pages/{story.pk}/edit/").text
    assert "Frank Freigabe hat Änderungen angefordert: „Bitte ein Zitat der Inhaberin" in edit
    assert "Erneut zur Freigabe einreichen" in edit

    (mail,) = mailoutbox
    assert mail.to == ["redaktion@zukunftshub.example"]
    assert mail.subject == "Änderungen angefordert: „Neuer Titel für die Freigabe“"
    assert "Kommentar: „Bitte ein Zitat der Inhaberin ergänzen.“" in mail.body
    assert "Erneut zur Freigabe einreichen" in mail.body

    # Resubmitted, the note goes.
    story.save_revision(user=_user("redaktion"))
    story.current_workflow_state.resume(_user("redaktion"))
    assert "hat Änderungen angefordert" not in client.get(f"/admin/pages/{story.pk}/edit/").text


def test_the_reviewer_compares_with_the_live_version_only(client, story):
    revision = _submit(story)
    client.force_login(_user("freigabe"))
    dashboard = client.get("/admin/").text
    assert "Neuer Titel für die Freigabe" in dashboard
    live_compare = f"/admin/pages/{story.pk}/revisions/compare/live...{revision.pk}/"
    assert live_compare in dashboard
    assert "Mit vorheriger Version vergleichen" not in dashboard
    compared = client.get(live_compare).text
    assert "identisch" not in compared
    assert "Neuer Titel für die Freigabe" in compared


def test_approving_publishes_and_tells_the_editor(client, story, mailoutbox):
    _submit(story)
    mailoutbox.clear()
    task_state = story.current_workflow_state.current_task_state
    client.force_login(_user("freigabe"))
    response = client.post(f"/admin/pages/workflow/action/{story.pk}/approve/{task_state.pk}/", {})
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    assert story.live and story.title == "Neuer Titel für die Freigabe"
    (mail,) = mailoutbox
    assert mail.subject == "Freigegeben und veröffentlicht: „Neuer Titel für die Freigabe“"
    assert "wurde freigegeben und ist jetzt auf der Website sichtbar" in mail.body
    assert story.full_url in mail.body
