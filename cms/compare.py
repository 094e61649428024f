"""Revision comparisons in German: "Ja"/"Nein" instead of "True"/"False", "–" for an
empty value, and dates, times and numbers as German readers write them. Wagtail
compares such fields with its plain FieldComparison, which prints Python's values."""

import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail.admin.compare import FieldComparison, TextDiff, register_comparison_class


def display_value(value):
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, datetime.time):
        return formats.time_format(value, "TIME_FORMAT")
    return str(formats.localize(value))


class DisplayValueComparison(FieldComparison):
    def htmldiff(self):
        before, after = display_value(self.val_a), display_value(self.val_b)
        if self.val_a != self.val_b:
            return TextDiff([("deletion", before), ("addition", after)]).to_html()
        return escape(before)


def register():
    for field_class in (
        models.BooleanField,
        models.DateField,  # and DateTimeField
        models.TimeField,
        models.IntegerField,
        models.DecimalField,
        models.FloatField,
    ):
        register_comparison_class(field_class, comparison_class=DisplayValueComparison)
