"""Where a learner goes next: the way on after a finished lesson, which lesson a locked
one waits for, and back to the page they were on after logging in."""

from django.http import HttpRequest

from allauth.account.models import EmailAddress

from courses.models import Certificate, LessonProgress

from .factories import lessons_of

PASSWORD = "geheim-genug-123"


def _enrol(client, course):
    return client.post(course.url + "einschreiben/")


def test_in_a_sequential_course_a_later_lesson_waits_for_the_earlier(client, learner, make_course):
    course = make_course(modules=2, lessons=2, sequential=True)
    first, second, third, _fourth = lessons_of(course)
    client.force_login(learner)
    _enrol(client, course)
    locked = client.get(third.url).text
    assert "Diese Lektion ist noch gesperrt" in locked
    # It opens after the lesson right before it; the way there starts at the first.
    assert "Diese öffnet sich, sobald Sie „Lektion 2“ erledigt haben." in locked
    assert "Machen Sie mit „Lektion 1“ weiter, der ersten Lektion" in locked
    assert f'href="{first.url}">Zu „Lektion 1“</a>' in locked
    assert "Inhalt der Lektion 3." not in locked
    client.post(third.url + "erledigt/")  # refused while locked
    assert not LessonProgress.objects.filter(enrolment__user=learner).exists()
    overview = client.get(course.url).text
    assert "Öffnet sich, sobald „Lektion 1“ erledigt ist." in overview  # the second
    assert "Öffnet sich, sobald „Lektion 2“ erledigt ist." in overview  # the third
    assert "Öffnet sich, sobald „Lektion 3“ erledigt ist." in overview  # the fourth
    assert f'href="{second.url}"' not in overview  # locked lessons are not linked

    done = client.post(first.url + "erledigt/", follow=True).text
    assert f'class="button button--large lesson-onwards__next" href="{second.url}"' in done
    assert "Inhalt der Lektion 2." in client.get(second.url).text
    locked = client.get(third.url).text
    assert "Diese öffnet sich, sobald Sie „Lektion 2“ erledigt haben." in locked
    assert "der ersten Lektion, die Sie noch nicht erledigt haben" not in locked
    assert f'href="{second.url}">Zu „Lektion 2“</a>' in locked


def test_the_last_lesson_leads_back_to_the_first_one_still_open(client, learner, make_course):
    course = make_course(modules=2, lessons=2)
    first, _second, _third, last = lessons_of(course)
    client.force_login(learner)
    _enrol(client, course)
    text = client.post(last.url + "erledigt/", follow=True).text
    assert "Einige Lektionen des Kurses sind noch offen." in text
    assert f'class="button button--large lesson-onwards__next" href="{first.url}"' in text
    assert "Weiter mit „Lektion 1“" in text


def test_the_lesson_that_completes_the_course_offers_the_certificate(
    client, learner, make_course, django_capture_on_commit_callbacks
):
    course = make_course(modules=1, lessons=1)
    (lesson,) = lessons_of(course)
    client.force_login(learner)
    _enrol(client, course)
    with django_capture_on_commit_callbacks(execute=True):
        text = client.post(lesson.url + "erledigt/", follow=True).text
    assert f"Sie haben den Kurs „{course.title}“ abgeschlossen." in text
    onwards = text[text.index('class="lesson-onwards"') :]
    assert "lesson-onwards__next" not in onwards.split("</div>")[0]
    code = Certificate.objects.get(enrolment__user=learner).code
    assert f"/zertifikat/{code}/" in onwards.split('<nav class="lesson-nav"')[0]


def _login_form(client, address, email):
    login = client.get(address)
    assert login.status_code == 200
    return client.post(
        address,
        {"login": email, "password": PASSWORD},
        HTTP_ORIGIN="http://testserver",
    )


def test_after_logging_in_the_learner_is_back_where_they_were(client, learner, make_course):
    learner.email = "lea@example.org"
    learner.set_password(PASSWORD)
    learner.save()
    EmailAddress.objects.create(user=learner, email=learner.email, verified=True, primary=True)
    course = make_course(modules=1, lessons=2)
    lesson = lessons_of(course)[1]
    module = lesson.get_parent()

    # From a lesson: the login page, then the lesson.
    asked = client.get(lesson.url)
    assert asked.status_code == 302
    back = _login_form(client, asked["Location"], learner.email)
    assert back["Location"] == lesson.url
    client.logout()

    # From the course page and the module page: their own "Log in" links.
    for page in (course, module):
        text = client.get(page.url).text
        login = f"/konto/anmelden/?next={page.url}"
        assert f'href="{login}"' in text, page
        assert _login_form(client, login, learner.email)["Location"] == page.url
        client.logout()
    assert client.login(request=HttpRequest(), username=learner.email, password=PASSWORD)
