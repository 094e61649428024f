"""What visitors leave behind: anonymous responses and the daily tally the statistics
add up. No personal data is stored: a response holds the answers, the perspective,
the result as it was shown, and the day."""

import secrets

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import scoring
from .tally import tally_rows, tally_totals


class QuickcheckResponse(models.Model):
    """One anonymous answer to a Quickcheck. Holds no name, e-mail or IP address."""

    quickcheck = models.ForeignKey(
        "toolbox.QuickcheckPage", on_delete=models.CASCADE, related_name="responses"
    )
    perspective = models.CharField(_("perspective"), max_length=40)
    perspective_name = models.CharField(_("perspective"), max_length=80)
    answers = models.JSONField(_("answers"), default=dict)
    result = models.JSONField(
        _("result"), default=list, help_text=_("The scores and bands as they were shown.")
    )
    token = models.CharField(max_length=40, unique=True, editable=False)
    previous = models.ForeignKey(
        "self",
        verbose_name=_("earlier response"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("taken at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("Quickcheck response")
        verbose_name_plural = _("Quickcheck responses")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["quickcheck", "created_at"])]

    def __str__(self):
        return f"{self.quickcheck.title} · {self.perspective_name} · {self.created_at:%d.%m.%Y}"

    @classmethod
    def build(cls, quickcheck, definition, perspective, answers, previous=None):
        """An unsaved response with the result as it is shown (also for previews)."""
        results = scoring.score(definition, perspective["key"], answers)
        snapshot = []
        for item in results:
            band = item["band"] or {}
            snapshot.append(
                {
                    "key": item["key"],
                    "name": item["name"],
                    "score": item["score"],
                    "max": item["max"],
                    "percent": item["percent"],
                    "band": band.get("title", ""),
                    "text": band.get("text", ""),
                    "links": [
                        {"title": page.title, "url": page.url}
                        for page in band.get("pages", [])
                        if page.live
                    ],
                }
            )
        questions = {q["id"]: q for q in definition["questions"]}
        answer_labels = {
            qid: {
                "question": questions[qid]["text"],
                "answer": questions[qid]["options"][i]["label"],
            }
            for qid, i in answers.items()
        }
        return cls(
            quickcheck=quickcheck,
            perspective=perspective["key"],
            perspective_name=perspective["name"],
            answers=answer_labels,
            result=snapshot,
            token=secrets.token_urlsafe(24)[:32],
            previous=previous,
            created_at=timezone.now(),
        )

    @classmethod
    def record(cls, quickcheck, definition, perspective, answers, previous_token=""):
        previous = (
            cls.objects.filter(quickcheck=quickcheck, token=previous_token).first()
            if previous_token
            else None
        )
        response = cls.build(quickcheck, definition, perspective, answers, previous)
        with transaction.atomic():
            response.save()
            QuickcheckTally.add(response)
        return response


class QuickcheckTally(models.Model):
    """How many responses a Quickcheck had per day: one row per perspective (with an
    empty dimension) and one per perspective, dimension, band and quarter of the scale,
    with the sum of the shares, so that the statistics over any period add up a few
    hundred rows instead of every response (a response's ``result`` holds the figures
    for display)."""

    quickcheck = models.ForeignKey(
        "toolbox.QuickcheckPage", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    perspective_name = models.CharField(max_length=80)
    dimension = models.CharField(max_length=40, blank=True)
    dimension_name = models.CharField(max_length=80, blank=True)
    band = models.CharField(max_length=80, blank=True)
    quarter = models.PositiveSmallIntegerField(default=0)
    count = models.PositiveIntegerField(default=0)
    percent_sum = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=[
                    "quickcheck",
                    "day",
                    "perspective_name",
                    "dimension",
                    "dimension_name",
                    "band",
                    "quarter",
                ],
                name="toolbox_quickcheck_tally_unique",
            )
        ]

    def __str__(self):
        return f"{self.day} {self.perspective_name} {self.dimension_name}: {self.count}"

    @classmethod
    def add(cls, response):
        """Count one response (two or three queries per row, safe under concurrency)."""
        for key, percent in tally_rows(response):
            increment = {"count": F("count") + 1, "percent_sum": F("percent_sum") + percent}
            with transaction.atomic():
                if cls.objects.filter(quickcheck_id=response.quickcheck_id, **key).update(
                    **increment
                ):
                    continue
                try:
                    with transaction.atomic():
                        cls.objects.create(
                            quickcheck_id=response.quickcheck_id,
                            count=1,
                            percent_sum=percent,
                            **key,
                        )
                except IntegrityError:
                    cls.objects.filter(quickcheck_id=response.quickcheck_id, **key).update(
                        **increment
                    )

    @classmethod
    def rows_for(cls, responses):
        """Unsaved rows counting many responses at once."""
        return [cls(**row) for row in tally_totals(responses)]
