"""Helpers for the demo content that every plugin's loader uses.

The demo's text lives in TOML files beside each plugin's loader (``<plugin>/demo/*.toml``):
named fields, German first, an ``[….en]`` table where an English translation exists. The
loaders are short and read them with ``demo_data``.

Everything here is idempotent: a page, image or record that already exists (by
slug or name) is left as it is, so ``load_demo`` can run on every ``make run``.
"""

import io
import random
import re
import tomllib
from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.module_loading import module_has_submodule
from django.utils.text import slugify

from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Locale, Page, WorkflowContentType
from wagtail.snippets.models import get_snippet_models

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

REFERENCE = re.compile(r"@[a-z_]+")
PALETTE = [(0, 84, 122), (0, 122, 94), (176, 68, 0), (92, 45, 145), (30, 30, 30)]


def demo_image(title, description, seed=0, size=(1600, 1000), label=""):
    """A generated picture (no download), stored once as a Wagtail image."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)
    background = PALETTE[seed % len(PALETTE)]
    picture = PILImage.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    for _ in range(14):
        colour = tuple(min(255, c + rng.randint(20, 90)) for c in background)
        x, y = rng.randint(0, size[0]), rng.randint(0, size[1])
        r = rng.randint(size[1] // 10, size[1] // 2)
        draw.ellipse((x - r, y - r, x + r, y + r), outline=colour, width=rng.randint(4, 18))
    if label:
        font = ImageFont.load_default(size=size[1] // 5)
        draw.text((size[0] // 2, size[1] // 2), label, fill=(255, 255, 255), font=font, anchor="mm")
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    image = Image(
        title=title,
        description=description,
        collection=Collection.get_first_root_node(),
        file=ImageFile(buffer, name=f"{slugify(title)}.jpg"),
    )
    image.save()
    return image


def demo_document(title, filename, content):
    """A text document for the demo's downloads, made once (found again by its title)."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title)
    document.file.save(filename, ContentFile(content.encode("utf-8")), save=False)
    document.save()
    return document


def demo_data(loader: str, name: str) -> dict:
    """The data file ``name``.toml in the folder of the loader module ``loader``
    (pass ``__file__``)."""
    with open(Path(loader).with_name(f"{name}.toml"), "rb") as file:
        return tomllib.load(file)


def loaders():
    """Every installed plugin's demo loaders, in order, as ``(key, load)``: a plugin's
    ``demo/__init__.py`` lists them in ``LOADERS`` as ``(order, load)``, and ``load(home,
    stdout)`` adds its part below the German home page. They are found as Wagtail finds
    ``wagtail_hooks``; the demo is no part of the plugin contract."""
    found = []
    for app in apps.get_app_configs():
        if app.name == "cms" or not module_has_submodule(app.module, "demo"):
            continue
        module = import_module(f"{app.name}.demo")
        for order, load in getattr(module, "LOADERS", ()):
            found.append((order, f"{app.label}.{load.__name__}", load))
    return [(key, load) for _, key, load in sorted(found, key=lambda item: item[:2])]


def site_data() -> dict:
    """The demo site's own text: home page, settings, legal pages and users."""
    return demo_data(__file__, "site")


def demo_terms(model, rows):
    """Taxonomy terms by slug, created in order when missing: rows with ``name``, ``slug``
    and, where the model has one, ``description``."""
    found = {}
    for order, row in enumerate(rows):
        defaults = {"name": row["name"], "sort_order": order}
        if "description" in row:
            defaults["description"] = row["description"]
        found[row["slug"]] = model.objects.get_or_create(slug=row["slug"], defaults=defaults)[0]
    return found


def with_refs(value, **refs):
    """A copy of data-file ``value`` (e.g. a StreamField's blocks) in which every string
    that is just ``"@name"`` is replaced by ``refs[name]``: the pk of a page or image the
    loader made. Other text, "@" or not, stays as it is."""
    if isinstance(value, dict):
        return {key: with_refs(item, **refs) for key, item in value.items()}
    if isinstance(value, list):
        return [with_refs(item, **refs) for item in value]
    if isinstance(value, str) and REFERENCE.fullmatch(value):
        return refs[value[1:]]
    return value


def translate_page(page, fields, language="en"):
    """The page's translation into ``language`` with ``fields``, made from its alias the
    first time (the alias simple translation mirrors); a page translated before is left
    as it is. The other pages stay aliases of the German ones until someone translates
    them."""
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return None
    if not page.has_translation(locale):
        page.copy_for_translation(locale, copy_parents=True, alias=True)
    translation = page.get_translation(locale)
    if not translation.alias_of_id:
        return None
    ConvertAliasPageAction(translation).execute(skip_permission_checks=True)
    translation = translation.specific_class.objects.get(pk=translation.pk)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation


def child_page(parent, model, slug, **fields):
    """The child of ``parent`` with this slug, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def mirror_into_other_languages(root):
    """Give every German page an alias in the other content languages, as editors
    get through Wagtail's simple translation (WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE)."""
    created = 0
    for locale in Locale.objects.exclude(pk=root.locale_id):
        for page in Page.objects.descendant_of(root, inclusive=True).filter(locale=root.locale_id):
            if not page.has_translation(locale):
                page.copy_for_translation(locale, copy_parents=True, alias=True)
                created += 1
    return created


def snippets_in_review(workflow):
    """Organisations, contact persons and taxonomies go through the same review as pages:
    Redaktion adds and edits them, Freigabe publishes (a production site sets this up
    under Einstellungen → Workflows and Gruppen, see the README). Run on every load, so
    that a demo loaded before snippets had drafts gets it too."""
    redaktion, freigabe = (Group.objects.get(name=name) for name in ("Redaktion", "Freigabe"))
    rights = ((redaktion, ("add", "change")), (freigabe, ("add", "change", "publish")))
    for model in get_snippet_models():
        if not issubclass(model, DraftStateMixin):
            continue
        content_type = ContentType.objects.get_for_model(model)
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )
        perms = {p.codename: p for p in Permission.objects.filter(content_type=content_type)}
        name = model._meta.model_name
        for group, actions in rights:
            group.permissions.add(
                *(perms[f"{a}_{name}"] for a in actions if f"{a}_{name}" in perms)
            )
