"""Aggregate figures of a Quickcheck's responses, and their export. Anonymous by
construction: a response holds no personal data."""

from django.db.models import Q, Sum

from cms.csv_export import csv_text

from .tally import BUCKETS


def summarise(tallies):
    """Figures over a Quickcheck's daily tallies (a queryset already limited to one
    Quickcheck and period), added up by the database in three queries: responses per
    perspective; per dimension the number, mean share and responses per quarter of the
    scale; and responses per dimension and band."""
    tallies = tallies.order_by()
    perspectives = list(
        tallies.filter(dimension="")
        .values_list("perspective_name")
        .annotate(n=Sum("count"))
        .order_by("perspective_name")
    )
    quarters = {f"q{index}": Sum("count", filter=Q(quarter=index)) for index in range(len(BUCKETS))}
    dimensions = list(
        tallies.exclude(dimension="")
        .values("dimension", "dimension_name")
        .annotate(responses=Sum("count"), shares=Sum("percent_sum"), **quarters)
        .order_by("dimension_name")
    )
    bands = {}
    for dimension, band, count in (
        tallies.exclude(dimension="")
        .values_list("dimension", "band")
        .annotate(n=Sum("count"))
        .order_by("-n", "band")
    ):
        bands.setdefault(dimension, []).append((band or "–", count))
    return {
        "total": sum(count for _, count in perspectives),
        "perspectives": perspectives,
        "dimensions": [
            {
                "key": row["dimension"],
                "name": row["dimension_name"],
                "count": row["responses"],
                "mean": round(row["shares"] / row["responses"]) if row["responses"] else 0,
                "bands": bands.get(row["dimension"], []),
                "buckets": [
                    (bucket, row[f"q{index}"] or 0) for index, bucket in enumerate(BUCKETS)
                ],
            }
            for row in dimensions
        ],
    }


def export_csv(responses, labels):
    """CSV for Excel (cms.csv_export) of responses: time, perspective, per dimension
    points, share and band, then the answer to each question as it was asked."""
    dimension_names, questions = [], []
    for response in responses:
        for item in response.result:
            if item["name"] not in dimension_names:
                dimension_names.append(item["name"])
        for answer in response.answers.values():
            if answer["question"] not in questions:
                questions.append(answer["question"])
    header = [labels["time"], labels["perspective"]]
    for name in dimension_names:
        header += [
            f"{name}: {labels['points']}",
            f"{name}: {labels['share']}",
            f"{name}: {labels['band']}",
        ]
    rows = []
    for response in responses:
        by_name = {item["name"]: item for item in response.result}
        answers = {a["question"]: a["answer"] for a in response.answers.values()}
        row = [response.created_at.strftime("%Y-%m-%d %H:%M"), response.perspective_name]
        for name in dimension_names:
            item = by_name.get(name)
            row += [item["score"], item["percent"], item["band"]] if item else ["", "", ""]
        rows.append(row + [answers.get(question, "") for question in questions])
    return csv_text(header + questions, rows)
