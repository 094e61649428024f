"""Aggregate figures of a Quickcheck's responses, and their export. Anonymous by
construction: a response holds no personal data."""

import csv
import io

from django.db.models import Avg, Count, Q

BUCKETS = [(0, 24), (25, 49), (50, 74), (75, 100)]


def summarise(responses, scores):
    """Figures over the responses and their per-dimension scores (querysets already
    limited to one Quickcheck and period), counted by the database in three queries:
    responses per perspective; per dimension the number, mean share and responses per
    quarter of the scale; and responses per dimension and band."""
    perspectives = list(
        responses.order_by()
        .values_list("perspective_name")
        .annotate(n=Count("pk"))
        .order_by("perspective_name")
    )
    quarters = {
        f"q{index}": Count("pk", filter=Q(percent__gte=low, percent__lte=high))
        for index, (low, high) in enumerate(BUCKETS)
    }
    dimensions = list(
        scores.order_by()
        .values("dimension", "dimension_name")
        .annotate(count=Count("pk"), mean=Avg("percent"), **quarters)
        .order_by("dimension_name")
    )
    bands = {}
    for dimension, band, count in (
        scores.order_by().values_list("dimension", "band").annotate(n=Count("pk")).order_by("-n")
    ):
        bands.setdefault(dimension, []).append((band or "–", count))
    return {
        "total": sum(count for _, count in perspectives),
        "perspectives": perspectives,
        "dimensions": [
            {
                "key": row["dimension"],
                "name": row["dimension_name"],
                "count": row["count"],
                "mean": round(row["mean"] or 0),
                "bands": bands.get(row["dimension"], []),
                "buckets": [(bucket, row[f"q{index}"]) for index, bucket in enumerate(BUCKETS)],
            }
            for row in dimensions
        ],
    }


def export_csv(responses, labels):
    """CSV (UTF-8 with BOM, for Excel) of responses: time, perspective, per dimension
    points, share and band, then the answer to each question as it was asked."""
    dimension_names, questions = [], []
    for response in responses:
        for item in response.result:
            if item["name"] not in dimension_names:
                dimension_names.append(item["name"])
        for answer in response.answers.values():
            if answer["question"] not in questions:
                questions.append(answer["question"])
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    header = [labels["time"], labels["perspective"]]
    for name in dimension_names:
        header += [
            f"{name}: {labels['points']}",
            f"{name}: {labels['share']}",
            f"{name}: {labels['band']}",
        ]
    writer.writerow(header + questions)
    for response in responses:
        by_name = {item["name"]: item for item in response.result}
        answers = {a["question"]: a["answer"] for a in response.answers.values()}
        row = [response.created_at.strftime("%Y-%m-%d %H:%M"), response.perspective_name]
        for name in dimension_names:
            item = by_name.get(name)
            row += [item["score"], item["percent"], item["band"]] if item else ["", "", ""]
        writer.writerow(row + [answers.get(question, "") for question in questions])
    return out.getvalue()
