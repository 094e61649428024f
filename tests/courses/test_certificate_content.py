"""What a certificate says, and that it keeps saying it: the learner's name, the course
and its modules, the issuing programme with its logo, the date, the code and where to
check it. The name is asked for before the first certificate when the learner has
given none, and it is fixed once it is on the certificate."""

import pypdfium2
import pytest

from cms.models import Profile
from courses.certificates.services import pdf_context
from courses.models import Certificate, ModulePage

from .factories import lessons_of

PDF_IMAGE = 3  # FPDF_PAGEOBJ_IMAGE


def _pdf(data):
    page = pypdfium2.PdfDocument(data)[0]
    images = [o for o in page.get_objects() if o.type == PDF_IMAGE]
    return page.get_textpage().get_text_range().replace("\r", ""), images


def test_the_certificate_names_the_modules_the_programme_and_where_to_check_it(client, completed):
    certificate = Certificate.objects.get()
    assert certificate.modules == ["Modul 1"]
    text, images = _pdf(client.get(f"/zertifikat/{certificate.code}/pdf/").content)
    assert "Lea Lernend" in text and completed.title in text
    assert "Der Kurs umfasst diese Module:" in text and "Modul 1" in text
    assert "AUSGESTELLT VON\nZUKUNFTSHUB" in text.upper()
    assert "Musterinstitut für Arbeit und Technik e. V." in text  # the demo's organisation
    assert "ABGESCHLOSSEN AM" in text.upper() and str(certificate.issued_at.year) in text
    assert certificate.code in text
    assert f"http://testserver/zertifikat/{certificate.code}/" in text
    # the programme's logo: the site's own mark, drawn from its SVG, while none is chosen
    assert pdf_context(certificate)["logo"]["src"].startswith("data:image/svg+xml;base64,")

    client.logout()
    page = client.get(f"/zertifikat/{certificate.code}/").text
    assert '<ol class="certificate-modules"><li>Modul 1</li></ol>' in page
    assert "<dt>Ausgestellt von</dt><dd>Zukunftshub</dd>" in page


def test_name_and_modules_stay_as_issued(client, learner, completed):
    certificate = Certificate.objects.get()
    Profile.objects.filter(user=learner).update(display_name="Lea Umbenannt")
    module = ModulePage.objects.child_of(completed).get()
    module.title = "Ein neuer Titel"
    module.save_revision().publish()
    text, _ = _pdf(client.get(f"/zertifikat/{certificate.code}/pdf/").content)
    assert "Lea Lernend" in text and "Modul 1" in text
    assert "Lea Umbenannt" not in text and "Ein neuer Titel" not in text
    client.logout()
    page = client.get(f"/zertifikat/{certificate.code}/").text
    assert "Lea Lernend" in page and "Lea Umbenannt" not in page
    assert "Ein neuer Titel" not in page


@pytest.fixture
def nameless(client, learner, make_course, django_capture_on_commit_callbacks, mailoutbox):
    """A learner who never gave a name completes a one-lesson course."""
    learner.email = "lea@example.org"
    learner.save()
    course = make_course(modules=1, lessons=1)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(lessons_of(course)[0].url + "erledigt/")
    return course


def test_a_learner_without_a_name_is_asked_for_it_before_the_certificate(
    client, learner, nameless, mailoutbox
):
    certificate = Certificate.objects.get()
    assert certificate.name == ""
    (mail,) = mailoutbox
    assert not mail.attachments
    assert f"/zertifikat/{certificate.code}/name/" in mail.body
    assert "auf welchen Namen es ausgestellt werden soll" in mail.body

    # The course page asks, and offers no PDF yet; the PDF's address leads to the question.
    page = client.get(nameless.url).text
    assert "Ihr Zertifikat ist bereit. Auf welchen Namen soll es ausgestellt werden?" in page
    assert f'action="/zertifikat/{certificate.code}/name/"' in page
    assert f"/zertifikat/{certificate.code}/pdf/" not in page
    pdf = client.get(f"/zertifikat/{certificate.code}/pdf/")
    assert pdf.status_code == 302 and pdf["Location"] == f"/zertifikat/{certificate.code}/name/"

    # An empty name is explained; a name is taken, fixed, and kept for the next one.
    empty = client.post(f"/zertifikat/{certificate.code}/name/", {"name": "   "})
    assert empty.status_code == 200
    assert "Bitte geben Sie den Namen für Ihr Zertifikat ein." in empty.text
    named = client.post(
        f"/zertifikat/{certificate.code}/name/",
        {"name": " Lea   Lernend ", "next": nameless.url},
        follow=True,
    )
    assert named.redirect_chain == [(nameless.url, 302)]
    assert "Ihr Zertifikat ist jetzt auf „Lea Lernend“ ausgestellt." in named.text
    assert f"/zertifikat/{certificate.code}/pdf/" in named.text
    certificate.refresh_from_db()
    assert certificate.name == "Lea Lernend"
    assert Profile.objects.get(user=learner).display_name == "Lea Lernend"
    text, _ = _pdf(client.get(f"/zertifikat/{certificate.code}/pdf/").content)
    assert "Lea Lernend" in text

    # Fixed: asking again changes nothing.
    again = client.post(f"/zertifikat/{certificate.code}/name/", {"name": "Jemand Anderes"})
    assert again.status_code == 302
    certificate.refresh_from_db()
    assert certificate.name == "Lea Lernend"


def test_a_name_given_in_the_profile_meanwhile_is_taken(client, learner, nameless):
    Profile.objects.create(user=learner, display_name="Lea Aus Dem Profil")
    code = Certificate.objects.get().code
    response = client.get(f"/zertifikat/{code}/pdf/")
    assert response.status_code == 200
    assert Certificate.objects.get().name == "Lea Aus Dem Profil"


def test_only_the_owner_gives_the_name(client, other_learner, nameless):
    code = Certificate.objects.get().code
    client.force_login(other_learner)
    assert client.post(f"/zertifikat/{code}/name/", {"name": "Olaf"}).status_code == 404
    assert client.get(f"/zertifikat/{code}/name/").status_code == 404
    client.logout()
    assert client.post(f"/zertifikat/{code}/name/", {"name": "Olaf"}).status_code == 302
    assert Certificate.objects.get().name == ""
