"""The courses on the learner's account pages: "My account" leads to "My courses", and
deleting the account says first that the certificates will stop verifying."""

from django.contrib.auth import get_user_model

from courses.models import Certificate

PASSWORD = "geheim-genug-123"


def test_my_account_leads_to_my_courses(client, learner):
    client.force_login(learner)
    text = client.get("/konto/").text
    assert '<a class="button button--secondary" href="/kurse/meine-kurse/">Meine Kurse</a>' in (
        text
    )
    assert client.get("/kurse/meine-kurse/").status_code == 200


def test_deleting_the_account_says_first_that_certificates_stop_verifying(
    client, learner, completed
):
    code = Certificate.objects.get().code
    page = client.get("/konto/loeschen/").text
    assert f"Ihr Zertifikat für „{completed.title}“ lässt sich dann nicht mehr prüfen" in page, (
        page[page.index("<main") : page.index("</main>")]
    )
    learner.set_password(PASSWORD)
    learner.save()
    client.force_login(learner)
    client.post("/konto/loeschen/", {"password": PASSWORD})
    assert not get_user_model().objects.filter(pk=learner.pk).exists()
    assert client.get(f"/zertifikat/{code}/").status_code == 404


def test_without_certificates_the_deletion_page_says_nothing_of_them(client, learner, make_course):
    course = make_course(modules=1, lessons=2)
    client.force_login(learner)
    client.post(course.url + "einschreiben/")
    page = client.get("/konto/loeschen/").text
    assert "Zertifikat" not in page[page.index("<main") : page.index("</main>")]
