"""Wagtail's form submissions, exported without formulas: a visitor's "=HYPERLINK(…)"
went into the CSV verbatim and ran when an editor opened it in a spreadsheet. The CSV
cells get the same treatment as every other export (cms/csv_export.py); Wagtail's XLSX
export stores such cells as text already."""

from wagtail.contrib.forms.views import SubmissionsListView

from .csv_export import safe_cell


class SafeSubmissionsListView(SubmissionsListView):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return safe_cell(value)
        return value
