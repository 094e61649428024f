"""Helpers for the German demo content that every plugin's loader uses.

Everything here is idempotent: a page, image or record that already exists (by
slug or name) is left as it is, so ``load_demo`` can run on every ``make run``.
"""

import io
import random

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.utils.text import slugify

from wagtail.images import get_image_model
from wagtail.models import Collection, DraftStateMixin, Locale, Page, WorkflowContentType
from wagtail.snippets.models import get_snippet_models

PALETTE = [(0, 84, 122), (0, 122, 94), (176, 68, 0), (92, 45, 145), (30, 30, 30)]


def demo_image(title, description, seed=0, size=(1600, 1000), label=""):
    """A generated picture (no download), stored once as a Wagtail image."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

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
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title)
    document.file.save(filename, ContentFile(content.encode("utf-8")), save=False)
    document.save()
    return document


def demo_terms(model, rows):
    """Taxonomy terms by slug, created in order when missing: rows of (name, slug) or
    (name, slug, description)."""
    found = {}
    for order, (name, slug, *rest) in enumerate(rows):
        defaults = {"name": name, "sort_order": order}
        if rest:
            defaults["description"] = rest[0]
        found[slug] = model.objects.get_or_create(slug=slug, defaults=defaults)[0]
    return found


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
