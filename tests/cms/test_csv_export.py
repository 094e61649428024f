"""The CSV that the admin exports share: Excel shows umlauts, splits at semicolons and
never runs typed text as a formula."""

from cms.csv_export import csv_response, safe_cell


def test_a_csv_download_opens_in_german_excel():
    response = csv_response(
        "liste.csv",
        ["Name", "Ort"],
        [["Jürgen Größe", "Köln; Deutz"], ["=HYPERLINK(1)", None], ["-1+2", "@SUMME(A1)"]],
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'
    assert response["Cache-Control"] == "private, no-store"
    body = response.content.decode("utf-8")
    assert body.splitlines() == [
        "\ufeffName;Ort",
        'Jürgen Größe;"Köln; Deutz"',
        "'=HYPERLINK(1);",
        "'-1+2;'@SUMME(A1)",
    ]


def test_plain_values_stay_as_they_are():
    assert safe_cell(42) == "42"
    assert safe_cell("Lotsin") == "Lotsin"
    assert safe_cell("") == ""
