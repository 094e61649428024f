"""The daily tally of a Quickcheck's responses: what one response adds, and what many
add at once (also used by a data migration, so it imports no model)."""

from django.utils import timezone

BUCKETS = [(0, 24), (25, 49), (50, 74), (75, 100)]


def quarter(percent):
    """Which of BUCKETS a share falls into."""
    return next(index for index, (_, high) in enumerate(BUCKETS) if percent <= high)


def tally_rows(response):
    """What one response adds to the daily tally: (key, share) pairs, the first for its
    perspective, then one per dimension. The day is the local one, as periods are
    chosen by local dates. Every key names every field, as it is also a filter."""
    day = timezone.localdate(response.created_at)
    perspective = response.perspective_name[:80]
    every = {"dimension": "", "dimension_name": "", "band": "", "quarter": 0}
    rows = [({"day": day, "perspective_name": perspective, **every}, 0)]
    for item in response.result:
        key = {
            "day": day,
            "perspective_name": perspective,
            "dimension": item["key"],
            "dimension_name": item["name"][:80],
            "band": (item.get("band") or "")[:80],
            "quarter": quarter(item["percent"]),
        }
        rows.append((key, item["percent"]))
    return rows


def tally_totals(responses):
    """The tally rows (as field dicts) that count many responses at once."""
    totals = {}
    for response in responses:
        for key, percent in tally_rows(response):
            key = (response.quickcheck_id, *key.items())
            count, percent_sum = totals.get(key, (0, 0))
            totals[key] = (count + 1, percent_sum + percent)
    return [
        {"quickcheck_id": key[0], "count": count, "percent_sum": percent_sum, **dict(key[1:])}
        for key, (count, percent_sum) in totals.items()
    ]
