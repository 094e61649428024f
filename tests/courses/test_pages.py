"""Course, module and lesson pages as visitors and learners meet them: the page tree,
who may open a lesson, caching, sitemap, search, and what the contract feeds the home
page."""

import re

from django.conf import settings
from django.shortcuts import resolve_url

from courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage, ModulePage

from .factories import LOTSE, MENTOR, lessons_of

FIRST_LESSON = LOTSE + "tandems-finden/rolle-des-lotsen/"


def test_page_tree_rules(course_index):
    course = CoursePage.objects.get(slug="lotsenausbildung", locale=course_index.locale)
    module = ModulePage.objects.child_of(course).first()
    lesson = LessonPage.objects.child_of(module).first()
    assert CourseIndexPage.allowed_subpage_models() == [CoursePage]
    assert CoursePage.allowed_parent_page_models() == [CourseIndexPage]
    assert CoursePage.allowed_subpage_models() == [ModulePage]
    assert ModulePage.allowed_subpage_models() == [LessonPage]
    assert LessonPage.allowed_subpage_models() == []
    assert CoursePage.can_create_at(course_index)
    assert not ModulePage.can_create_at(course_index)
    assert not LessonPage.can_create_at(course)
    assert LessonPage.can_create_at(module)
    assert not CoursePage.can_create_at(lesson)
    assert not CourseIndexPage.can_create_at(course_index.get_parent())  # one per parent


def test_the_course_index_lists_both_courses(client, db):
    text = client.get("/kurse/").text
    assert "<h1>Kurse</h1>" in text
    assert f'href="{LOTSE}">Lotsenausbildung Mentoring 4.0</a>' in text
    assert f'href="{MENTOR}">Weiterbildungsmentor*innen' in text
    assert 'href="/kurse/meine-kurse/">Meine Kurse</a>' in text


def test_the_course_page_says_what_it_is_and_how_to_complete_it(client, db):
    response = client.get(LOTSE)
    text = response.text
    assert response.status_code == 200
    assert "<h1>Lotsenausbildung Mentoring 4.0</h1>" in text
    assert "<dt>Für wen</dt><dd>Beschäftigte kleiner und mittlerer Unternehmen" in text
    assert "<dt>Dauer</dt><dd>etwa 5 Stunden online" in text
    assert "<dt>Umfang</dt><dd>5 Module, 12 Lektionen</dd>" in text
    assert '<h2 id="abschluss-titel">Abschluss und Zertifikat</h2>' in text
    assert "wenn Sie alle 12 Lektionen erledigt haben" in text
    assert "mindestens 80 % seiner Fragen richtig beantworten" in text
    assert "Die Lektionen öffnen sich nacheinander" in text
    assert "Wenn Sie den Kurs abschließen, erhalten Sie ein Zertifikat." in text
    course = CoursePage.objects.get(slug="lotsenausbildung", locale__language_code="de")
    for module in ModulePage.objects.live().child_of(course):
        assert module.title in text
    assert text.count('class="lesson-list__item') == 12
    login = resolve_url(settings.LOGIN_URL)
    assert f'href="{login}?next={LOTSE}">Anmelden und einschreiben</a>' in text


def test_the_shorter_course_is_open_and_in_any_order(client, db):
    text = client.get(MENTOR).text
    assert "<dt>Einschreibung</dt><dd>offen für alle</dd>" in text
    assert "nacheinander" not in text
    assert "Zertifikat" not in text  # this course gives none
    assert "mindestens 70 %" in text


def test_anonymous_pages_are_cached_and_set_no_cookie(client, db):
    for url in ("/kurse/", LOTSE, LOTSE + "tandems-finden/"):
        first = client.get(url)
        second = client.get(url)
        assert second["X-Page-Cache"] == "hit", url
        assert not first.cookies and "csrfmiddlewaretoken" not in first.text, url


def test_pages_showing_a_learners_progress_are_private(client, learner, course_index):
    client.force_login(learner)
    for url in ("/kurse/", LOTSE, LOTSE + "tandems-finden/", "/kurse/meine-kurse/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "X-Page-Cache" not in response, url
    for url in (LOTSE, LOTSE + "tandems-finden/", "/kurse/meine-kurse/"):
        assert "private" in client.get(url)["Cache-Control"], url


def test_an_anonymous_visitor_is_sent_to_the_login_from_a_lesson(client, db):
    login = resolve_url(settings.LOGIN_URL)
    response = client.get(FIRST_LESSON)
    assert response.status_code == 302
    assert response["Location"] == f"{login}?next={FIRST_LESSON}"
    assert "private" in response["Cache-Control"]
    assert "X-Page-Cache" not in client.get(FIRST_LESSON)  # never from the page cache
    # Sending a form without a session also ends at the login, and changes nothing.
    origin = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"}
    sent = client.post(FIRST_LESSON + "erledigt/", **origin)
    assert sent.status_code == 302 and sent["Location"].startswith(login)
    assert client.get("/kurse/meine-kurse/")["Location"] == f"{login}?next=/kurse/meine-kurse/"


def test_a_learner_who_is_not_enrolled_is_sent_to_the_course(client, learner):
    client.force_login(learner)
    response = client.get(FIRST_LESSON, follow=True)
    assert response.redirect_chain == [(LOTSE + "#einschreibung", 302)]
    assert "Bitte schreiben Sie sich zuerst in den Kurs ein" in response.text
    assert "Einschreibeschlüssel" in response.text
    assert not Enrolment.objects.filter(user=learner).exists()


def test_lessons_are_neither_in_the_sitemap_nor_in_the_search(client, db):
    sitemap = client.get("/sitemap.xml").text
    assert f"http://localhost{LOTSE}</loc>" in sitemap
    assert f"http://localhost{LOTSE}tandems-finden/</loc>" in sitemap
    for lesson in LessonPage.objects.all():
        assert lesson.url_path.split("/", 2)[2] not in sitemap
    found = client.get("/suche/", {"q": "Lotsenausbildung"}).text
    assert 'href="?q=Lotsenausbildung&amp;typ=kurse">Kurse' in found
    courses = client.get("/suche/", {"q": "Lotsenausbildung", "typ": "kurse"}).text
    assert f'href="{LOTSE}">Lotsenausbildung Mentoring 4.0</a>' in courses
    modules = client.get("/suche/", {"q": "Hürden", "typ": "kurse"}).text
    assert "Zwischenmenschliches und Hürden" in modules
    lessons = client.get("/suche/", {"q": "Kompetenz"}).text
    assert "Bewusste und unbewusste Kompetenz" not in lessons


def test_the_course_teaser_is_embedded_on_the_project_page(client, db):
    text = client.get("/projekte/mentoring-4-0/").text
    assert '<section class="embed-card course-embed"' in text
    assert f'<a class="button" href="{LOTSE}">Zum Kurs' in text


def test_key_figures_count_courses_and_enrolled_learners_at_once(
    client, learner, home, django_capture_on_commit_callbacks
):
    def figures():
        text = client.get("/").text
        return {
            label: int(value)
            for label, value in re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", text)
        }

    before = figures()
    assert before["Kurse"] == 2
    client.force_login(learner)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(MENTOR + "einschreiben/")
    client.logout()
    assert figures()["Lernende eingeschrieben"] == before["Lernende eingeschrieben"] + 1


def test_a_teaser_list_can_show_courses(client, home):
    home.body.append(
        (
            "teasers",
            {
                "heading": "Unsere Kurse",
                "source": "courses.courses",
                "count": 3,
                "more": {"text": "", "page": None, "url": ""},
            },
        )
    )
    home.save_revision().publish()
    text = client.get("/").text
    assert "Unsere Kurse" in text
    assert f'href="{LOTSE}">Lotsenausbildung Mentoring 4.0</a>' in text


def test_english_pages_share_the_progress_of_the_german_ones(client, db, django_user_model):
    learner = django_user_model.objects.get(username="lernende")  # the demo learner
    client.force_login(learner)
    german = client.get(LOTSE).text
    english = client.get("/en" + LOTSE).text
    assert "2 von 12 Lektionen erledigt" in german
    assert "2 of 12 lessons finished" in english


def test_editors_preview_a_lesson_without_enrolling(db):
    course = CoursePage.objects.get(slug="lotsenausbildung", locale__language_code="de")
    lesson = lessons_of(course)[2]
    response = lesson.make_preview_request()
    text = response.content.decode()
    assert response.status_code == 200 and "private" in response["Cache-Control"]
    assert "Vorschau: Antworten werden hier weder gesendet noch gespeichert." in text
    assert "Selbsttest: Passt das Tandem?" in text
    assert "Antworten prüfen</button>" not in text
