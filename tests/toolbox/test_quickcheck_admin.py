"""'Als Vorlage kopieren' makes a new draft from an existing Quickcheck (the builder's
tests: test_quickcheck_builder.py)."""

from django.contrib.auth import get_user_model

from toolbox.models import QuickcheckPage


def _user(username):
    return get_user_model().objects.get(username=username)


def _quickcheck():
    return QuickcheckPage.objects.live().filter(locale__language_code="de").first()


def test_copy_as_template_makes_a_new_draft_with_everything(client, db):
    source = _quickcheck()
    client.force_login(_user("redaktion"))
    edit = client.get(f"/admin/pages/{source.pk}/edit/").content.decode()
    url = f"/admin/quickcheck/{source.pk}/kopieren/"
    assert url in edit and "Als Vorlage kopieren" in edit
    form = client.get(url).content.decode()
    assert f"Kopie von {source.title}" in form

    taken = client.post(url, {"title": source.slug.title()})  # the address of the source
    assert taken.status_code == 200
    assert "existiert hier schon" in taken.content.decode()
    assert f'value="{source.slug.title()}"' in taken.content.decode()  # what was typed is kept

    done = client.post(url, {"title": "Quickcheck Familienfreundlichkeit"})
    copy = QuickcheckPage.objects.get(title="Quickcheck Familienfreundlichkeit")
    assert done["Location"] == f"/admin/pages/{copy.pk}/edit/"
    assert not copy.live and copy.slug == "quickcheck-familienfreundlichkeit"
    assert copy.get_parent().pk == source.get_parent().pk
    assert len(copy.questions) == len(source.questions) > 0
    assert copy.definition()["dimensions"] == source.definition()["dimensions"]
    assert not copy.responses.exists()


def test_trainers_cannot_copy_quickchecks(client, db):
    source = _quickcheck()
    client.force_login(_user("ausbilder"))
    response = client.post(f"/admin/quickcheck/{source.pk}/kopieren/", {"title": "Mein Check"})
    assert response.status_code in (302, 403)
    assert not QuickcheckPage.objects.filter(title="Mein Check").exists()
