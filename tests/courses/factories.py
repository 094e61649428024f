"""Small courses built per test, and reading quiz forms as a learner's browser does."""

import re

from wagtail.rich_text import RichText

from courses.models import CoursePage, LessonPage, ModulePage

LOTSE = "/kurse/lotsenausbildung/"
MENTOR = "/kurse/weiterbildungsmentoring/"


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def quiz(*questions, heading="Selbsttest"):
    """A quiz block; a question is (text, several right?, [(answer, right?, feedback), …])."""
    return (
        "quiz",
        {
            "heading": heading,
            "intro": "",
            "questions": [
                {
                    "question": text,
                    "multiple": multiple,
                    "options": [
                        {"text": answer, "right": right, "feedback": feedback}
                        for answer, right, feedback in options
                    ],
                }
                for text, multiple, options in questions
            ],
        },
    )


QUIZ = quiz(
    (
        "Wer entscheidet, was im Tandem gelernt wird?",
        False,
        [
            ("Der Lotse", False, "Der Lotse begleitet nur."),
            ("Das Tandem selbst", True, "Genau, beide vereinbaren ihre Ziele."),
        ],
    ),
    (
        "Was prüfen Sie nach dem ersten Treffen?",
        True,
        [
            ("Ein gemeinsames Ziel", True, "Ja, das Ziel gibt Richtung."),
            ("Gleiche Hobbys", False, "Unterschiede beleben das Tandem."),
            ("Eine feste Zeit", True, "Ja, sonst schläft es ein."),
        ],
    ),
)


def text(html):
    return ("text", RichText(html))


def reflection(prompt="Was nehmen Sie mit?"):
    return ("reflection", {"prompt": prompt, "hint": ""})


def add_modules(course, modules, lessons, quiz_every=0):
    """Append ``modules`` modules of ``lessons`` lessons each to a course."""
    existing = ModulePage.objects.child_of(course).count()
    number = LessonPage.objects.descendant_of(course).count()
    for m in range(existing, existing + modules):
        module = publish(
            course, ModulePage(title=f"Modul {m + 1}", slug=f"modul-{m + 1}", intro="Intro")
        )
        for _ in range(lessons):
            number += 1
            body = [text(f"<p>Inhalt der Lektion {number}.</p>"), reflection()]
            if quiz_every and number % quiz_every == 0:
                body.append(QUIZ)
            publish(
                module,
                LessonPage(
                    title=f"Lektion {number}", slug=f"lektion-{number}", duration=20, body=body
                ),
            )
    return course


def build_course(index, slug, modules=2, lessons=2, quiz_every=0, **fields):
    course = publish(
        index,
        CoursePage(
            title=fields.pop("title", slug.replace("-", " ").title()),
            slug=slug,
            intro=fields.pop("intro", "Ein Kurs zum Testen."),
            audience=fields.pop("audience", "Alle, die testen."),
            duration=fields.pop("duration", "zwei Stunden"),
            **fields,
        ),
    )
    return add_modules(course, modules, lessons, quiz_every)


def lessons_of(course):
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def option_ids(html, question_text):
    """The (option id, label) pairs of a question, in order, from the lesson page."""
    start = html.index(question_text)
    end = html.find("</fieldset>", start)
    part = html[start:end]
    return re.findall(
        r'value="([0-9a-f-]{36})" id="option-[^"]+"[^>]*>\s*<label[^>]*>([^<]+)<', part
    )


def field_name(html, question_text):
    start = html.index(question_text)
    return re.search(r'name="(frage-[0-9a-f-]{36})"', html[start:]).group(1)


def answer(html, choices):
    """Form data choosing, per question text, the answers with these labels."""
    data = {}
    for question, labels in choices.items():
        name = field_name(html, question)
        data[name] = [oid for oid, label in option_ids(html, question) if label in labels]
    return data
