"""The certificate's check page as someone holding the paper meets it: a code typed from
the print or copied from the PDF, in small letters, with spaces or without hyphens,
leads to the same answer at the address that reads as printed."""

import pytest

from courses.certificates.models import normalise_code
from courses.models import Certificate


@pytest.mark.parametrize(
    "typed",
    [
        "abcd-efgh-jklm",
        " ABCD EFGH JKLM ",
        "ABCDEFGHJKLM",
        "abcd - efgh - jklm",
        "ABCD\u2013EFGH\u2013JKLM",  # a PDF reader's dashes
    ],
)
def test_a_code_is_read_as_printed(typed):
    assert normalise_code(typed) == "ABCD-EFGH-JKLM"


def test_odd_input_is_not_made_into_a_code():
    assert normalise_code("ab/cd") == "AB/CD"
    assert normalise_code("ABCD-EFGH") == "ABCD-EFGH"


def test_a_code_typed_into_the_address_leads_to_the_certificate(client, completed):
    code = Certificate.objects.get().code
    client.logout()
    for typed in (code.lower(), code.replace("-", " "), code.replace("-", "")):
        response = client.get(f"/zertifikat/{typed}/")
        assert response.status_code == 302, typed
        assert response["Location"] == f"/zertifikat/{code}/"
        page = client.get(response["Location"])
        assert "Dieses Zertifikat ist echt" in page.text and "Lea Lernend" in page.text


def test_a_code_typed_into_the_form_without_hyphens_is_found(client, completed):
    code = Certificate.objects.get().code
    client.logout()
    response = client.get("/zertifikat/", {"code": code.replace("-", "").lower()}, follow=True)
    assert response.redirect_chain == [(f"/zertifikat/{code}/", 302)]
    assert "Dieses Zertifikat ist echt" in response.text


def test_an_unknown_code_typed_loosely_is_not_found(client, db):
    response = client.get("/zertifikat/abcd efgh jklm/", follow=True)
    assert response.redirect_chain == [("/zertifikat/ABCD-EFGH-JKLM/", 302)]
    assert response.status_code == 404
    assert "Kein Zertifikat mit diesem Code" in response.text
    junk = client.get("/zertifikat/<b>x</b>/")
    assert junk.status_code == 404 and "<b>x</b>" not in junk.text
    assert client.get("/zertifikat/ABCD%00EFGH/").status_code == 404  # never to the database


def test_the_owner_downloads_with_the_code_in_small_letters(client, completed):
    code = Certificate.objects.get().code
    response = client.get(f"/zertifikat/{code.lower()}/pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
