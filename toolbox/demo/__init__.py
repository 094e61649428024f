"""The toolbox's German demo content: themes, kinds, audiences, about 15 entries and the
Quickcheck. The text lives in ``taxonomy.toml``, ``entries.toml`` and ``quickcheck.toml``
beside this file; the loaders only read it."""

from wagtail.models import Page
from wagtail.rich_text import RichText

from cms.demo import child_page, demo_data, demo_document, demo_terms

from ..entries.models import ToolboxEntryPage, ToolboxIndexPage
from ..quickcheck.pages import QuickcheckPage
from ..taxonomy.models import Audience, Duration, EntryKind, Theme


def paragraph(text):
    return RichText(f"<p>{text}</p>")


def load_demo(home, stdout):
    taxonomy = demo_data(__file__, "taxonomy")
    themes = demo_terms(Theme, taxonomy["theme"])
    kinds = demo_terms(EntryKind, taxonomy["kind"])
    audiences = demo_terms(Audience, taxonomy["audience"])
    durations = demo_terms(Duration, taxonomy["duration"])
    data = demo_data(__file__, "entries")
    index = child_page(home, ToolboxIndexPage, **data["index"])
    created = 0
    for row in data["entry"]:
        if index.get_children().filter(slug=row["slug"]).exists():
            continue
        entry = ToolboxEntryPage(
            title=row["title"],
            slug=row["slug"],
            locale=index.locale,
            theme=themes[row["theme"]],
            kind=kinds[row["kind"]],
            duration=durations[row["duration"]],
            group_size=row["group_size"],
            goal=row["goal"],
            search_description=row["goal"],
            tips=row["tips"],
            steps=[("step", {**step, "text": paragraph(step["text"])}) for step in row["step"]],
        )
        if "download" in row:
            entry.downloads = [("document", demo_document(**row["download"]))]
        if "video" in row:
            video = {**row["video"], "transcript": paragraph(row["video"]["transcript"])}
            entry.video = [
                ("video", {"title": row["title"], "file": None, "captions": None, **video})
            ]
        entry.audiences = [audiences[slug] for slug in row["audiences"]]
        entry.tags.add(*row["keywords"])
        index.add_child(instance=entry)
        entry.save_revision().publish()
        created += 1
    if created:
        stdout.write(f"Demo content: {created} toolbox entries created.")


def recommending(band, pages):
    """A result band with the pages it recommends (a slug without a page is left out)."""
    return {**band, "recommendations": [pages[s] for s in band["recommendations"] if s in pages]}


def question_block(question):
    """A Quickcheck question as its block stores it: points as a list per answer."""
    options = [
        {
            "label": option["label"],
            "points": [{"dimension": key, "points": n} for key, n in option["points"].items()],
        }
        for option in question["option"]
    ]
    return {
        "text": question["text"],
        "help": "",
        "perspectives": ", ".join(question["perspectives"]),
        "required": True,
        "options": options,
    }


def load_quickcheck(home, stdout):
    """The "Quickcheck Reverse Mentoring" below the toolbox, embedded on the home page."""
    data = demo_data(__file__, "quickcheck")
    index = ToolboxIndexPage.objects.filter(locale=home.locale).first()
    if index is None or index.get_children().filter(slug=data["page"]["slug"]).exists():
        return
    wanted = {slug for d in data["dimension"] for b in d["band"] for slug in b["recommendations"]}
    pages = {p.slug: p for p in Page.objects.filter(locale=home.locale, slug__in=wanted)}
    dimensions = [
        (
            "dimension",
            {
                "key": dimension["key"],
                "name": dimension["name"],
                "description": dimension["description"],
                "bands": [recommending(band, pages) for band in dimension["band"]],
            },
        )
        for dimension in data["dimension"]
    ]
    questions = [("question", question_block(question)) for question in data["question"]]
    quickcheck = QuickcheckPage(
        locale=index.locale,
        **data["page"],
        perspectives=[("perspective", perspective) for perspective in data["perspective"]],
        dimensions=dimensions,
        questions=questions,
    )
    index.add_child(instance=quickcheck)
    quickcheck.save_revision().publish()
    # The home page shows the Quickcheck through the embed block.
    home = home.specific
    if hasattr(home, "body") and not any(
        block.block_type == "embed"
        and block.value.get("page")
        and block.value["page"].pk == quickcheck.pk
        for block in home.body
    ):
        home.body.append(("embed", {"page": quickcheck}))
        home.save_revision().publish()
    stdout.write("Demo content: Quickcheck Reverse Mentoring created.")


# What `manage.py load_demo` runs, in order with the other plugins' (cms.demo.loaders).
LOADERS = [(30, load_demo), (31, load_quickcheck)]
