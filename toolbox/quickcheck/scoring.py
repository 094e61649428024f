"""Scoring of a Quickcheck: pure functions over plain data, no database.

A Quickcheck *definition* is a dict (see ``QuickcheckPage.definition()``)::

    {
        "dimensions": [{"key", "name", "bands": [{"min", "title", "text", "links"}]}],
        "questions": [{"id", "text", "perspectives": [keys] or [], "required",
                       "options": [{"label", "points": {dimension key: int}}]}],
    }

The rules:

- A question counts for a perspective when its ``perspectives`` is empty or names it.
- A dimension's *score* is the sum of the points of the chosen options for that dimension;
  its *maximum* is, over the counted questions, the sum of the highest points any option
  of the question gives the dimension (negative points never raise the maximum).
- Its *percentage* is score / maximum × 100, rounded to a whole number, and 0 when the
  maximum is 0 (no question scores the dimension). It is clamped to 0..100.
- Its *band* is the band with the highest ``min`` (a percentage) that the percentage
  reaches; with bands of equal ``min`` (a tie) the first one listed wins. A percentage
  below every band's ``min`` falls into the lowest band.
- An unanswered optional question gives no points but still counts for the maximum, so
  skipping never improves a result.
"""

from __future__ import annotations


def questions_for(definition, perspective):
    return [
        question
        for question in definition["questions"]
        if not question.get("perspectives") or perspective in question["perspectives"]
    ]


def band_for(bands, percent):
    """The band a percentage falls into (None without bands)."""
    if not bands:
        return None
    chosen = None
    for band in sorted(enumerate(bands), key=lambda item: (item[1]["min"], -item[0])):
        if percent >= band[1]["min"]:
            chosen = band[1]
    if chosen is None:
        chosen = min(bands, key=lambda band: band["min"])
    return chosen


def score(definition, perspective, answers):
    """Each dimension's result for ``answers`` ({question id: option index})::

    [{"key", "name", "score", "max", "percent", "band": {...} or None}]
    """
    questions = questions_for(definition, perspective)
    results = []
    for dimension in definition["dimensions"]:
        key = dimension["key"]
        total = maximum = 0
        for question in questions:
            options = question["options"]
            if not options:
                continue
            maximum += max(0, *(option["points"].get(key, 0) for option in options))
            chosen = answers.get(question["id"])
            if chosen is not None and 0 <= chosen < len(options):
                total += options[chosen]["points"].get(key, 0)
        percent = round(100 * total / maximum) if maximum > 0 else 0
        percent = min(100, max(0, percent))
        results.append(
            {
                "key": key,
                "name": dimension["name"],
                "score": total,
                "max": maximum,
                "percent": percent,
                "band": band_for(dimension.get("bands", []), percent),
            }
        )
    return results


def missing_answers(definition, perspective, answers):
    """The required questions without a valid answer, in order."""
    return [
        question
        for question in questions_for(definition, perspective)
        if question.get("required", True)
        and question["options"]
        and not (
            answers.get(question["id"]) is not None
            and 0 <= answers[question["id"]] < len(question["options"])
        )
    ]
