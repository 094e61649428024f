"""CSV files that open right in Excel, for the plugins' admin exports: UTF-8 with a
byte order mark (else Excel garbles umlauts), cells separated by semicolons (what
German Excel expects), and no cell that a spreadsheet could take for a formula."""

import csv
import io

from django.http import HttpResponse

from .responses import private

# A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The text of a cell; typed text that looks like a formula gets a leading quote."""
    value = "" if value is None else str(value)
    if value[:1] in FORMULA_STARTS:
        return "'" + value
    return value


def csv_text(header, rows):
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow([safe_cell(cell) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return out.getvalue()


def csv_response(filename, header, rows):
    """A download of ``rows`` under ``header``; never kept by a cache (personal data)."""
    response = HttpResponse(csv_text(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return private(response, secret=True)
