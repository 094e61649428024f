"""A Quickcheck's definition (its perspectives, dimensions and questions) checked, and
turned into the plain data that scoring (toolbox/quickcheck/scoring.py) works on."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext

from .blocks import key_validator


def keys(text):
    """The short names in a comma-separated list."""
    return [key.strip() for key in (text or "").split(",") if key.strip()]


def problems(page):
    """What is wrong with a Quickcheck's definition: unknown or doubled short names."""
    perspectives = [block.value["key"] for block in page.perspectives]
    dimensions = [block.value["key"] for block in page.dimensions]
    errors = []
    for key in perspectives + dimensions:
        try:
            key_validator(key)
        except ValidationError:
            errors.append(gettext("“%(key)s” is not a valid short name.") % {"key": key})
    for label, names in (
        (gettext("perspective"), perspectives),
        (gettext("dimension"), dimensions),
    ):
        doubled = sorted({key for key in names if names.count(key) > 1})
        if doubled:
            errors.append(
                gettext("Every %(what)s needs its own short name: %(keys)s.")
                % {"what": label, "keys": ", ".join(doubled)}
            )
    for number, block in enumerate(page.questions, 1):
        for key in keys(block.value["perspectives"]):
            if key not in perspectives:
                errors.append(
                    gettext("Question %(number)s names the unknown perspective “%(key)s”.")
                    % {"number": number, "key": key}
                )
        for option in block.value["options"]:
            for points in option["points"]:
                if points["dimension"] not in dimensions:
                    errors.append(
                        gettext("Question %(number)s scores the unknown dimension “%(key)s”.")
                        % {"number": number, "key": points["dimension"]}
                    )
    return errors


def missing_parts(page):
    """What the Quickcheck lacks before visitors can take it (empty when complete)."""
    missing = []
    if not len(page.perspectives):
        missing.append(gettext("at least one perspective"))
    if not len(page.dimensions):
        missing.append(gettext("at least one dimension"))
    if not any(len(block.value["options"]) >= 2 for block in page.questions):
        missing.append(gettext("at least one question with answers"))
    for block in page.dimensions:
        if not len(block.value["bands"]):
            missing.append(
                gettext("a result for “%(dimension)s”") % {"dimension": block.value["name"]}
            )
    return missing


def as_data(page):
    """The Quickcheck as plain data for scoring."""
    return {
        "perspectives": [
            {"key": b.value["key"], "name": b.value["name"], "intro": b.value["intro"]}
            for b in page.perspectives
        ],
        "dimensions": [
            {
                "key": b.value["key"],
                "name": b.value["name"],
                "description": b.value["description"],
                "bands": [
                    {
                        "min": band["min"],
                        "title": band["title"],
                        "text": band["text"],
                        "pages": [page for page in band["recommendations"] if page],
                    }
                    for band in b.value["bands"]
                ],
            }
            for b in page.dimensions
        ],
        "questions": [
            {
                "id": block.id,
                "text": block.value["text"],
                "help": block.value["help"],
                "perspectives": keys(block.value["perspectives"]),
                "required": block.value["required"],
                "options": [
                    {
                        "label": option["label"],
                        "points": {p["dimension"]: p["points"] for p in option["points"]},
                    }
                    for option in block.value["options"]
                ],
            }
            for block in page.questions
        ],
    }
