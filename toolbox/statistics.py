"""Aggregate figures of a Quickcheck's responses, and their export. Anonymous by
construction: a response holds no personal data."""

import csv
import io
import statistics

BUCKETS = [(0, 24), (25, 49), (50, 74), (75, 100)]


def summarise(rows):
    """``rows``: (perspective name, result snapshot) per response.

    Returns the number of responses per perspective and, per dimension, the number of
    results, mean and median percentage, the responses per band and per quarter."""
    perspectives = {}
    dimensions = {}
    for perspective, result in rows:
        perspectives[perspective] = perspectives.get(perspective, 0) + 1
        for item in result:
            entry = dimensions.setdefault(
                item["key"],
                {"name": item["name"], "percents": [], "bands": {}, "buckets": [0] * len(BUCKETS)},
            )
            entry["percents"].append(item["percent"])
            band = item.get("band") or "–"
            entry["bands"][band] = entry["bands"].get(band, 0) + 1
            for index, (low, high) in enumerate(BUCKETS):
                if low <= item["percent"] <= high:
                    entry["buckets"][index] += 1
    summary = []
    for key, entry in dimensions.items():
        percents = entry["percents"]
        summary.append(
            {
                "key": key,
                "name": entry["name"],
                "count": len(percents),
                "mean": round(statistics.fmean(percents)) if percents else 0,
                "median": round(statistics.median(percents)) if percents else 0,
                "bands": sorted(entry["bands"].items(), key=lambda item: -item[1]),
                "buckets": list(zip(BUCKETS, entry["buckets"], strict=True)),
            }
        )
    return {
        "total": sum(perspectives.values()),
        "perspectives": sorted(perspectives.items()),
        "dimensions": summary,
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
