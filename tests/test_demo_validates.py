"""Every page, snippet and setting of the demo passes the validation its editor's
"save" runs: an editor who opens it and saves without a change gets no error."""

from django.core.exceptions import ValidationError

from wagtail.admin.panels import get_edit_handler
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import Page, Site
from wagtail.snippets.models import get_snippet_models

import pytest


def _errors(form):
    """Clean each field of an unbound edit form from the instance's own values, as the
    bound form would after the editor pressed "save"; then the child forms."""
    errors = {}
    for name, field in form.fields.items():
        value = form.get_initial_for_field(field, name)
        try:
            field.clean(value)
        except ValidationError as error:
            data = getattr(error, "as_json_data", None)
            errors[name] = data() if data else error.messages
    for name, formset in getattr(form, "formsets", {}).items():
        for number, child in enumerate(formset.forms):
            for key, messages in _errors(child).items():
                errors[f"{name}-{number}-{key}"] = messages
    try:
        form.instance.full_clean(exclude=[n for n in form.fields if n in errors])
    except ValidationError as error:
        errors.update({f"model {k}": v for k, v in error.message_dict.items()})
    return errors


@pytest.fixture
def admin_user(django_user_model, db):
    return django_user_model.objects.get(username="admin")


def test_every_demo_page_saves_without_an_error(admin_user):
    failing = {}
    for page in Page.objects.filter(depth__gt=1, alias_of__isnull=True).specific():
        page = page.get_latest_revision_as_object()
        form_class = get_edit_handler(type(page)).get_form_class()
        form = form_class(instance=page, for_user=admin_user, parent_page=page.get_parent())
        if errors := _errors(form):
            failing[f"{type(page).__name__} {page.url_path}"] = errors
    assert not failing, failing


def test_every_demo_snippet_and_setting_saves_without_an_error(admin_user):
    failing = {}
    instances = [obj for model in get_snippet_models() for obj in model._default_manager.all()]
    site = Site.objects.get(is_default_site=True)
    instances += [model.for_site(site) for model in settings_registry]
    assert len(instances) > 30
    for obj in instances:
        form_class = get_edit_handler(type(obj)).get_form_class()
        form = form_class(instance=obj, for_user=admin_user)
        if errors := _errors(form):
            failing[f"{type(obj).__name__} {obj}"] = errors
    assert not failing, failing
