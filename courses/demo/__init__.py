"""The courses' German demo content: the Lotse training "Lotsenausbildung Mentoring 4.0"
(five modules, twelve lessons, one lesson after the other, with an enrolment key) and a
shorter open course for the union's further-training mentors, below a course index on
the home page; the people of the Lotse training (people.py); the course figures on the
home page and a course teaser on the Mentoring 4.0 project page. Idempotent: what exists
is left alone.

The text lives in the TOML files beside this module: courses.toml (the course index and
the course pages), one file per course named after its slug (its modules, lessons and
their blocks) and people.toml."""

from wagtail.models import Page
from wagtail.rich_text import RichText

from cms.demo import child_page, demo_data, demo_document, demo_image

from ..models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .people import load_people


def load_demo(home, stdout):
    data = demo_data(__file__, "courses")
    index = child_page(home, CourseIndexPage, **data["index"])
    existed = index.get_children().exists()
    courses = {}
    for fields in data["course"]:
        image = demo_image(**fields.pop("image"))
        courses[fields["slug"]] = _course(index, image=image, **fields)
    lotse = courses["lotsenausbildung"]
    key = load_people(index, lotse)
    _home_page(home, lotse)
    if not existed:
        stdout.write(
            f"Demo content: courses created (enrolment key for the Lotse training: {key})."
        )


def _course(index, slug, **fields):
    """The course with the modules and lessons of its file, each created if missing."""
    course = child_page(index, CoursePage, slug, **fields)
    for module in demo_data(__file__, slug)["module"]:
        lessons = module.pop("lesson")
        module_page = child_page(course, ModulePage, **module)
        for lesson in lessons:
            child_page(
                module_page,
                LessonPage,
                lesson["slug"],
                title=lesson["title"],
                duration=lesson["minutes"],
                intro=lesson["intro"],
                search_description=lesson["intro"],
                body=[_block(block) for block in lesson["block"]],
            )
    return course


def _block(block):
    """A lesson's block, from its table in the course's file."""
    kind = block["type"]
    if kind == "text":
        return ("text", RichText(block["html"]))
    if kind == "video":
        return (
            "video",
            {
                "title": block["title"],
                "file": None,
                "captions": None,
                "platform_url": block["platform_url"],
                "transcript": RichText(block["transcript"]),
            },
        )
    if kind == "downloads":
        documents = [demo_document(**document) for document in block["document"]]
        return ("downloads", {"heading": block["heading"], "documents": documents})
    if kind == "reflection":
        return ("reflection", {"prompt": block["prompt"], "hint": block.get("hint", "")})
    if kind != "quiz":
        raise ValueError(f"A lesson block of unknown type {kind!r}")
    questions = [
        {
            "question": question["text"],
            "multiple": question["multiple"],
            "options": question["option"],
        }
        for question in block["question"]
    ]
    return (
        "quiz",
        {
            "heading": block.get("heading", ""),
            "intro": block.get("intro", ""),
            "questions": questions,
        },
    )


def _home_page(home, course):
    """The course figures beside the home page's others, and the Lotse training as an
    embedded teaser on the Mentoring 4.0 project page, which it belongs to."""
    home = home.specific
    for block in getattr(home, "body", []):
        if block.block_type != "key_figures":
            continue
        figures = block.value["figures"]
        sources = {figure.get("source") for figure in figures}
        missing = [k for k in ("courses.courses", "courses.learners") if k not in sources]
        if missing and len(figures) + len(missing) <= 8:
            for key in missing:
                figures.append(
                    figures.list_block.child_block.to_python(
                        {"source": key, "value": "", "label": ""}
                    )
                )
            home.save_revision().publish()
        break
    project = Page.objects.filter(locale=home.locale, slug="mentoring-4-0").first()
    project = project.specific if project is not None else None
    if project is None or not hasattr(project, "body"):
        return
    if not any(
        block.block_type == "embed"
        and block.value.get("page")
        and block.value["page"].pk == course.pk
        for block in project.body
    ):
        project.body.append(("embed", {"page": course}))
        project.save_revision().publish()


# What `manage.py load_demo` runs, in order with the other plugins' (cms.demo.loaders).
LOADERS = [(40, load_demo)]
