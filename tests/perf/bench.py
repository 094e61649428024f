"""The Zukunftshub benchmark (`make bench`, i.e. `.venv/bin/python tests/perf/bench.py`).

1. Seeds a large site in var/bench/ (its own SQLite database, media and static files):
   migrate, load_demo, then ~2,000 content and programme pages in sections of 100,
   and 5,000 good-practice stories and 5,000 support offerings for the hub listings,
   and a cohort of 500 learners with progress in the 12 lessons of the Lotse training.
   A seed of the right size is reused, so reruns start at once (--reseed rebuilds it).
2. In-process, with Django's test client and the page cache off: SQL queries per
   request (a warm second request) and the median / p95 render time per page type.
3. Over HTTP against gunicorn (2 sync workers on 127.0.0.1): sequential latency per
   page type, and requests per second under concurrent load for a static file (the
   ceiling of this machine), cached pages and the uncached home page.
4. Prints a table with the targets next to the figures and writes var/bench/results.json.

All load goes to 127.0.0.1 and is bounded in time. Django runs only in subprocesses
(``bench.py _seed`` and ``bench.py _inprocess``), so this process stays a plain
orchestrator that starts and stops everything it needs.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import os
import platform
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_DIR = ROOT / "var" / "bench"
BIN_DIR = Path(sys.executable).parent  # the venv's own python, gunicorn
SETTINGS = "cms.settings.dev"
SEED_VERSION = 5
LISTING_ITEMS = 5000  # good-practice stories and support offerings each
QUICKCHECK_RESPONSES = 100_000  # for the statistics page
MAX_STATISTICS_MS = 250  # p95, in-process, over QUICKCHECK_RESPONSES
MAX_LISTING_P95_MS = 60  # in-process, uncached, for a filtered listing of LISTING_ITEMS
COHORT_LEARNERS = 500  # in the bench cohort of the Lotse training (12 lessons)
BENCH_COHORT = "Bench-Kohorte Lotsenausbildung"
MAX_COHORT_REPORT_MS = 300  # p95, in-process, the report of COHORT_LEARNERS × 12 lessons
# Pages measured as someone signed in (username); other /admin/ pages as "admin".
LOGINS = {"dashboard": "lernende", "cohort_report": "ausbilder"}
SECTION_SIZE = 100
PROGRAMME_SHARE = 0.2  # a fifth of the seeded pages are projects

# Targets, printed next to the figures.
MAX_QUERIES = 20
CACHED_MIN_RATIO = 0.6
UNCACHED_MIN_RATIO = 0.04  # 3x the Wagtail bakerydemo's 0.013
NOISY_OTHER_CPU = 0.10  # a load run is flagged when other processes used more of the CPUs

# Environment that would point the bench at something other than its own directory.
ISOLATED_VARS = (
    "DATABASE_URL",
    "REDIS_URL",
    "OPENSEARCH_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "ZUKUNFTSHUB_MEDIA_ROOT",
    "ZUKUNFTSHUB_PAGE_CACHE_SECONDS",
    "ZUKUNFTSHUB_PLUGINS",
    "ZUKUNFTSHUB_TASKS",
    "DJANGO_DEBUG",
    "DJANGO_ALLOWED_HOSTS",
    "DJANGO_SETTINGS_MODULE",
)


# ---------------------------------------------------------------------------
# Helpers shared by every process
# ---------------------------------------------------------------------------
def bench_env(**extra):
    env = {k: v for k, v in os.environ.items() if k not in ISOLATED_VARS}
    env.update(
        ZUKUNFTSHUB_VAR_DIR=str(BENCH_DIR),
        DJANGO_SETTINGS_MODULE=SETTINGS,
        PYTHONUNBUFFERED="1",
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def percentile(values, pct):
    """Nearest-rank percentile."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(seconds):
    return {
        "n": len(seconds),
        "median_ms": round(statistics.median(seconds) * 1000, 2) if seconds else None,
        "p95_ms": round(percentile(seconds, 95) * 1000, 2) if seconds else None,
    }


def django_setup():
    os.chdir(ROOT)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.update(bench_env())
    for name in ISOLATED_VARS:
        if name != "DJANGO_SETTINGS_MODULE":
            os.environ.pop(name, None)
    import django

    django.setup()


# ---------------------------------------------------------------------------
# 1. Seeding (runs in `bench.py _seed`)
# ---------------------------------------------------------------------------
WORDS = [
    "Digitalisierung",
    "Handwerk",
    "Ausbildung",
    "Werkstatt",
    "Lotsen",
    "Tandem",
    "Betrieb",
    "Software",
    "Weiterbildung",
    "Region",
    "Arbeitswelt",
    "Erfahrung",
    "Qualität",
    "Förderung",
    "Beratung",
    "Lager",
    "Auftragsbuch",
    "Kundschaft",
    "Generationen",
    "Wissen",
    "Methoden",
    "Checkliste",
    "Transfer",
    "Praxis",
]


def _sentence(rng, n=14):
    """German-looking filler: every third word keeps its capital, like a noun."""
    words = [w if i % 3 == 0 else w.lower() for i, w in enumerate(rng.choices(WORDS, k=n))]
    return " ".join(words) + "."


def seed_plan(total):
    programmes = max(1, round(total * PROGRAMME_SHARE))
    content = total - programmes
    return {
        "content": content,
        "programmes": programmes,
        "stories": LISTING_ITEMS,
        "offerings": LISTING_ITEMS,
        "content_sections": math.ceil(content / SECTION_SIZE),
        "programme_sections": math.ceil(programmes / SECTION_SIZE),
        "cohort_learners": COHORT_LEARNERS,
    }


def seeded_counts():
    from cms.models import ContentPage
    from courses.models import Enrolment
    from home.models import ProgrammePage
    from hub.models import OfferingPage, StoryPage

    german = {"locale__language_code": "de"}
    return {
        "content": ContentPage.objects.filter(slug__startswith="seite-", **german).count(),
        "programmes": ProgrammePage.objects.filter(slug__startswith="projekt-", **german).count(),
        "stories": StoryPage.objects.filter(slug__startswith="bench-", **german).count(),
        "offerings": OfferingPage.objects.filter(slug__startswith="bench-", **german).count(),
        "cohort_learners": Enrolment.objects.filter(cohort__name=BENCH_COHORT).count(),
    }


def run_seed(total):
    """migrate, load_demo, seed `total` pages (or reuse them), collectstatic."""
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    marker = BENCH_DIR / "seed.json"
    plan = seed_plan(total)
    info = json.loads(marker.read_text()) if marker.exists() else {}
    reusable = (
        info.get("version") == SEED_VERSION
        and info.get("total") == total
        and (BENCH_DIR / "db.sqlite3").exists()
    )
    if not reusable:
        for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm", "seed.json"):
            (BENCH_DIR / name).unlink(missing_ok=True)
        for name in ("media", "cache"):
            shutil.rmtree(BENCH_DIR / name, ignore_errors=True)

    django_setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    if reusable:
        counts = seeded_counts()
        reusable = all(counts[key] == plan[key] for key in counts)
        if not reusable:
            raise SystemExit(
                f"var/bench holds {counts}, expected {plan}; run with --reseed to rebuild it."
            )
    if reusable:
        import io

        print(f"Seed: reusing {total} pages in {BENCH_DIR.relative_to(ROOT)}/ (--reseed rebuilds)")
        # Demo content that plugins added since the seed. Not load_demo as a whole, nor
        # the home plugin's part: both mirror every seeded page into English.
        from wagtail.models import Site

        from cms.demo import loaders

        home = Site.objects.get(is_default_site=True).root_page.specific
        for key, load in loaders():
            if not key.startswith("home"):
                load(home, io.StringIO())
    else:
        import io

        print("Seed: migrate done, loading the demo content …", flush=True)
        call_command("load_demo", stdout=io.StringIO())
        samples = seed_pages(plan)
        seed_listings(plan)
        seed_cohort(plan["cohort_learners"])
        info = {
            "version": SEED_VERSION,
            "total": total,
            "plan": plan,
            "samples": samples,
            "seconds": round(time.perf_counter() - started, 1),
        }
        marker.write_text(json.dumps(info, indent=2))
        print(f"Seed: {total} pages in {info['seconds']} s")
    seed_quickcheck_responses(QUICKCHECK_RESPONSES)
    call_command("collectstatic", interactive=False, verbosity=0)
    return info


def seed_pages(plan):
    import datetime
    import random

    from django.db import transaction
    from django.utils import timezone

    from wagtail.images import get_image_model
    from wagtail.models import Site

    from cms.models import ContactPerson, ContentPage, Organisation
    from home.models import (
        ProgrammeContact,
        ProgrammeFigure,
        ProgrammePage,
        ProgrammePartner,
        ProgrammePhase,
        WorkPackage,
    )

    rng = random.Random(2024)
    home = Site.objects.get(is_default_site=True).root_page.specific
    projects = home.get_children().get(slug="projekte").specific
    mentoring = projects.get_children().get(slug="mentoring-4-0").specific
    images = list(get_image_model().objects.filter(width__gte=1000).order_by("pk"))
    organisations = list(Organisation.objects.order_by("pk"))
    persons = list(ContactPerson.objects.order_by("pk"))
    total = plan["content"] + plan["programmes"]
    done = 0
    start = timezone.now() - datetime.timedelta(minutes=total + 10)
    published = 0

    def progress():
        print(f"\rSeeding pages: {done}/{total}", end="", flush=True)

    def stamp(page):
        nonlocal published
        published += 1
        moment = start + datetime.timedelta(minutes=published)
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = moment
        page.latest_revision_created_at = moment

    def content_body(n, section):
        # Every page links another page in its text; one in five mentions (and links)
        # Mentoring, so that the search for it finds a few hundred pages, not all.
        if n % 5 == 0:
            link = f'Mentoring im <a linktype="page" id="{mentoring.pk}">Projekt Mentoring 4.0</a>'
        else:
            link = f'mehr im <a linktype="page" id="{section.pk}">{section.title}</a>'
        body = [
            {
                "type": "text",
                "value": (
                    f"<h2>{_sentence(rng, 4)[:-1]}</h2><p>{_sentence(rng)} {link}. "
                    f"{_sentence(rng)}</p><p>{_sentence(rng, 24)}</p>"
                ),
            },
            {
                "type": "quote",
                "value": {"quote": _sentence(rng, 18), "attribution": "Teilnehmerin, Phase 2"},
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Mehr aus diesem Bereich",
                    "text": _sentence(rng, 10),
                    "link": {"text": "Zum Bereich", "page": section.pk, "url": ""},
                },
            },
        ]
        if images and n % 2 == 0:
            body.insert(
                1,
                {
                    "type": "image",
                    "value": {
                        "image": {
                            "image": images[n % len(images)].pk,
                            "alt_text": "Beispielbild",
                            "decorative": False,
                        },
                        "caption": _sentence(rng, 6),
                    },
                },
            )
        return body

    with transaction.atomic():
        n = 0
        for s in range(1, plan["content_sections"] + 1):
            section = ContentPage(
                title=f"Themenbereich {s}",
                slug=f"bereich-{s:02d}",
                intro=_sentence(rng),
                body=[{"type": "text", "value": f"<p>{_sentence(rng, 30)}</p>"}],
            )
            stamp(section)
            home.add_child(instance=section)
            for _ in range(min(SECTION_SIZE, plan["content"] - n)):
                n += 1
                page = ContentPage(
                    title=f"{rng.choice(WORDS)} im Betrieb {n}",
                    slug=f"seite-{n:04d}",
                    intro=_sentence(rng),
                    search_description=_sentence(rng, 10),
                )
                page.body = content_body(n, section)
                stamp(page)
                section.add_child(instance=page)
                done += 1
                if done % 50 == 0:
                    progress()
        n = 0
        for s in range(1, plan["programme_sections"] + 1):
            section = ContentPage(
                title=f"Projektgruppe {s}", slug=f"projektgruppe-{s}", intro=_sentence(rng)
            )
            stamp(section)
            projects.add_child(instance=section)
            for _ in range(min(SECTION_SIZE, plan["programmes"] - n)):
                n += 1
                page = ProgrammePage(
                    title=f"Projekt {n}: {rng.choice(WORDS)} und {rng.choice(WORDS)}",
                    slug=f"projekt-{n:04d}",
                    intro=_sentence(rng, 20) + (" Mentoring." if n % 4 == 0 else ""),
                    search_description=_sentence(rng, 10),
                    image=images[n % len(images)] if images else None,
                    funding_note="Gefördert aus Mitteln des Europäischen Sozialfonds (Bench).",
                    body=[
                        {"type": "text", "value": f"<p>{_sentence(rng, 30)}</p>"},
                        {
                            "type": "quote",
                            "value": {"quote": _sentence(rng, 14), "attribution": "Lotsin"},
                        },
                    ],
                )
                page.phases = [
                    ProgrammePhase(
                        sort_order=i,
                        title=f"Phase {i + 1}",
                        status=status,
                        start=datetime.date(2021 + 2 * i, 1, 1),
                        end=datetime.date(2022 + 2 * i, 12, 31),
                        description=f"<p>{_sentence(rng)}</p>",
                    )
                    for i, status in enumerate(("completed", "running", "planned"))
                ]
                page.work_packages = [
                    WorkPackage(
                        sort_order=i,
                        number=f"AP {i + 1}",
                        title=_sentence(rng, 4)[:-1],
                        lead=organisations[(n + i) % len(organisations)],
                        description=f"<p>{_sentence(rng)}</p>",
                    )
                    for i in range(2)
                ]
                page.figures = [
                    ProgrammeFigure(sort_order=0, value=str(10 + n % 90), label="Betriebe"),
                    ProgrammeFigure(sort_order=1, value=str(n % 40), label="Lotsen"),
                ]
                page.partners = [
                    ProgrammePartner(
                        sort_order=i,
                        organisation=organisations[(n + i) % len(organisations)],
                        role="Partner",
                    )
                    for i in range(min(3, len(organisations)))
                ]
                page.contacts = [
                    ProgrammeContact(sort_order=0, person=persons[n % len(persons)], topic="Alles")
                ][: len(persons)]
                stamp(page)
                section.add_child(instance=page)
                done += 1
                if done % 50 == 0:
                    progress()
        progress()
        print(" – indexing for search …", end="", flush=True)
    print(" done")
    middle_content = ContentPage.objects.get(slug=f"seite-{plan['content'] // 2:04d}")
    middle_programme = ProgrammePage.objects.get(slug=f"projekt-{plan['programmes'] // 2:04d}")
    return {"content": middle_content.url, "programme": middle_programme.url}


def seed_quickcheck_responses(total):
    """Anonymous responses to the demo Quickcheck, spread over two years, and their daily
    tally (kept apart from the page seed: added when missing)."""
    import datetime
    import random

    from django.db import transaction
    from django.utils import timezone

    from toolbox.models import QuickcheckPage, QuickcheckResponse, QuickcheckTally

    quickcheck = QuickcheckPage.objects.filter(slug="quickcheck").first()
    if quickcheck is None or QuickcheckResponse.objects.count() >= total:
        return
    rng = random.Random(7)
    definition = quickcheck.definition()
    bands = ("Am Anfang", "Auf dem Weg", "Gut aufgestellt")
    now = timezone.now()
    done = QuickcheckResponse.objects.count()
    with transaction.atomic():
        while done < total:
            batch = []
            for n in range(min(5000, total - done)):
                result = []
                for dimension in definition["dimensions"]:
                    percent = rng.randint(0, 100)
                    band = bands[0 if percent < 40 else 1 if percent < 75 else 2]
                    result.append(
                        {
                            "key": dimension["key"],
                            "name": dimension["name"],
                            "score": percent // 10,
                            "max": 10,
                            "percent": percent,
                            "band": band,
                            "text": "",
                            "links": [],
                        }
                    )
                perspective = definition["perspectives"][n % 2]
                batch.append(
                    QuickcheckResponse(
                        quickcheck=quickcheck,
                        perspective=perspective["key"],
                        perspective_name=perspective["name"],
                        answers={},
                        result=result,
                        token=f"bench-{done + n:08d}",
                        created_at=now - datetime.timedelta(minutes=rng.randint(0, 2 * 525600)),
                    )
                )
            QuickcheckResponse.objects.bulk_create(batch)
            done += len(batch)
            print(f"\rSeeding Quickcheck responses: {done}/{total}", end="", flush=True)
        QuickcheckTally.objects.filter(quickcheck=quickcheck).delete()
        QuickcheckTally.objects.bulk_create(
            QuickcheckTally.rows_for(
                QuickcheckResponse.objects.filter(quickcheck=quickcheck).iterator()
            ),
            batch_size=5000,
        )
    print(" done", flush=True)


def seed_cohort(total):
    """A cohort of the demo trainer in the Lotse training (12 lessons, some with a
    self-check): ``total`` learners, each a random way into the course, some finished,
    some with a self-check not passed yet. Made with bulk_create: a few seconds."""
    import datetime
    import random

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from cms.models import Profile
    from courses.models import Cohort, CoursePage, Enrolment, LessonPage, LessonProgress

    rng = random.Random(2026)
    User = get_user_model()
    course = CoursePage.objects.get(slug="lotsenausbildung", locale__language_code="de")
    lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
    now = timezone.now()
    unusable = make_password(None)  # nobody signs in as these learners
    first_names = ["Jürgen", "Ayşe", "Grete", "Lukas", "Mia", "Özlem", "Paul", "Zoë"]
    with transaction.atomic():
        cohort = Cohort.objects.create(name=BENCH_COHORT, course=course)
        cohort.trainers.add(User.objects.get(username="ausbilder"))
        key = cohort.add_key()
        users = User.objects.bulk_create(
            User(
                username=f"bench-lernende-{n:04d}",
                email=f"bench-lernende-{n:04d}@example.org",
                password=unusable,
            )
            for n in range(total)
        )
        Profile.objects.bulk_create(
            Profile(user=user, display_name=f"{first_names[n % len(first_names)]} Bench {n:04d}")
            for n, user in enumerate(users)
        )
        done_counts = [rng.randint(0, len(lessons)) for _ in users]
        enrolled = now - datetime.timedelta(days=60)
        enrolments = Enrolment.objects.bulk_create(
            Enrolment(
                user=user,
                course=course,
                course_key=course.translation_key,
                key=key,
                cohort=cohort,
                enrolled_at=enrolled,
                completed_at=now - datetime.timedelta(days=1) if done == len(lessons) else None,
                last_lesson=lessons[min(done, len(lessons) - 1)] if done else None,
                last_visited_at=now - datetime.timedelta(hours=rng.randint(1, 1000))
                if done
                else None,
            )
            for user, done in zip(users, done_counts, strict=True)
        )
        rows = []
        for enrolment, done in zip(enrolments, done_counts, strict=True):
            for number, lesson in enumerate(lessons[: done + 1]):
                finished = number < done
                if not finished and not lesson.has_quiz:
                    continue  # the next lesson, not started
                rows.append(
                    LessonProgress(
                        enrolment=enrolment,
                        lesson=lesson,
                        lesson_key=lesson.translation_key,
                        done_at=enrolled + datetime.timedelta(days=number + 1)
                        if finished
                        else None,
                        quiz_score=(rng.randint(80, 100) if finished else rng.randint(20, 60))
                        if lesson.has_quiz
                        else None,
                        quiz_attempts=1 if lesson.has_quiz else 0,
                    )
                )
        LessonProgress.objects.bulk_create(rows, batch_size=2000)
    print(f"Seeding the cohort: {total} learners, {len(rows)} progress rows", flush=True)


def cohort_pk():
    from courses.models import Cohort

    cohort = Cohort.objects.filter(name=BENCH_COHORT).first()
    return cohort.pk if cohort else 0


def seed_listings(plan):
    """Stories and offerings for the hub listings, spread over every taxonomy term,
    with keywords, so that each filter combination finds a realistic share."""
    import datetime
    import random

    from django.db import transaction

    from wagtail.images import get_image_model

    from cms.models import ContactPerson, Organisation
    from hub.models import (
        CompanySize,
        Industry,
        OfferingIndexPage,
        OfferingPage,
        OfferingType,
        Region,
        StoryIndexPage,
        StoryPage,
        Topic,
    )

    rng = random.Random(2025)
    stories = StoryIndexPage.objects.get(locale__language_code="de", depth=3)
    finder = OfferingIndexPage.objects.get(locale__language_code="de", depth=3)
    industries, sizes = list(Industry.objects.all()), list(CompanySize.objects.all())
    regions, topics = list(Region.objects.all()), list(Topic.objects.all())
    kinds, providers = list(OfferingType.objects.all()), list(Organisation.objects.all())
    contact = ContactPerson.objects.order_by("pk").first()
    images = list(get_image_model().objects.filter(width__gte=1000).order_by("pk"))
    keywords = ["Tandem", "Einstieg", "Zuschuss", "Vor Ort", "Online", "Pflege", "Logistik"]
    today = datetime.date.today()
    total = plan["stories"] + plan["offerings"]
    with transaction.atomic():
        for n in range(plan["stories"]):
            story = StoryPage(
                title=f"{rng.choice(WORDS)} im Tandem {n}",
                slug=f"bench-{n:05d}",
                company=f"Betrieb {n} GmbH",
                industry=industries[n % len(industries)],
                company_size=sizes[n % len(sizes)],
                region=regions[n % len(regions)],
                date=today - datetime.timedelta(days=n % 900),
                summary=_sentence(rng, 20),
                listing_image=images[n % len(images)] if images else None,
                challenge=f"<p>{_sentence(rng)}</p>",
                approach=f"<p>{_sentence(rng)}</p>",
                result=f"<p>{_sentence(rng)}</p>",
                contact=contact,
                live=True,
            )
            story.topics = rng.sample(topics, 2)
            story.tags.add(*rng.sample(keywords, 2))
            stories.add_child(instance=story)
            if n % 250 == 0:
                print(f"\rSeeding listings: {n}/{total}", end="", flush=True)
        for n in range(plan["offerings"]):
            offering = OfferingPage(
                title=f"{rng.choice(WORDS)}-Beratung {n}",
                slug=f"bench-{n:05d}",
                kind=kinds[n % len(kinds)],
                provider=providers[n % len(providers)],
                summary=_sentence(rng, 20),
                target_group="Kleine und mittlere Betriebe",
                valid_until=today + datetime.timedelta(days=30 + n % 400) if n % 3 else None,
                how_to_apply=f"<p>{_sentence(rng)}</p>",
                contact=contact,
                live=True,
            )
            offering.company_sizes = rng.sample(sizes, 2)
            offering.regions = [regions[n % len(regions)]]
            offering.tags.add(*rng.sample(keywords, 2))
            finder.add_child(instance=offering)
            if n % 250 == 0:
                print(f"\rSeeding listings: {plan['stories'] + n}/{total}", end="", flush=True)
    print(f"\rSeeding listings: {total}/{total} done", flush=True)


# ---------------------------------------------------------------------------
# 2. In-process measurements (runs in `bench.py _inprocess`)
# ---------------------------------------------------------------------------
def quickcheck_pk():
    from toolbox.models import QuickcheckPage

    page = QuickcheckPage.objects.filter(slug="quickcheck").first()
    return page.pk if page else 0


def event_sample():
    """(url, pk) of the demo's full upcoming event, the one with a waiting list."""
    from hub.models import EventPage

    page = (
        EventPage.objects.live()
        .filter(locale__language_code="de", registrations__status="waiting")
        .order_by("starts_at")
        .first()
    )
    return (page.url, page.pk) if page else ("/veranstaltungen/", 0)


def page_list(samples):
    """(key, label, url, expected status) for every page type measured."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override("de"):
        search = reverse("search") + "?q=Mentoring"
        sitemap = reverse("sitemap")
        feed = reverse("feed_rss", args=["projekte"])
    event_url, event_pk = event_sample()
    return [
        ("home", "HomePage", "/", 200),
        ("content", "ContentPage", "/impressum/", 200),
        ("content_seeded", "ContentPage (seeded)", samples["content"], 200),
        ("content_alias_en", "ContentPage (EN alias)", "/en/impressum/", 200),
        ("form", "FormPage", "/barrierefreiheit/feedback/", 200),
        ("programme", "ProgrammePage", "/projekte/mentoring-4-0/", 200),
        ("programme_seeded", "ProgrammePage (seeded)", samples["programme"], 200),
        ("search", "Search", search, 200),
        ("stories", "Stories (5,000)", "/praxisbeispiele/", 200),
        (
            "stories_filtered",
            "Stories filtered",
            "/praxisbeispiele/?branche=logistik&thema=digitale-werkzeuge&region=ruhrgebiet"
            "&schlagwort=tandem",
            200,
        ),
        ("stories_deep", "Stories, page 300", "/praxisbeispiele/?seite=300", 200),
        (
            "offerings_filtered",
            "Offerings filtered + word",
            "/angebote/?art=beratung&groesse=10-49&kosten=free&q=Beratung",
            200,
        ),
        ("events", "Events (upcoming)", "/veranstaltungen/", 200),
        ("events_archive", "Events archive", "/veranstaltungen/archiv/", 200),
        ("event", "EventPage (full, waiting list)", event_url, 200),
        (
            "event_registrations",
            "Event registrations (admin)",
            f"/admin/veranstaltungen/{event_pk}/anmeldungen/",
            200,
        ),
        (
            "quickcheck_stats",
            "Quickcheck statistics",
            f"/admin/quickcheck/{quickcheck_pk()}/auswertung/?von=2025-01-01",
            200,
        ),
        ("dashboard", "Course dashboard (learner)", "/kurse/meine-kurse/", 200),
        (
            "cohort_report",
            f"Cohort report ({COHORT_LEARNERS} × 12)",
            f"/admin/kohorten/{cohort_pk()}/fortschritt/",
            200,
        ),
        ("not_found", "404 page", "/gibt-es-nicht-bench/", 404),
        ("sitemap", "sitemap.xml", sitemap, 200),
        ("feed", "RSS feed", feed, 200),
    ]


_SKIP_FRAMES = tuple(
    os.sep + os.path.join(*parts) + os.sep
    for parts in (("django", "db"), ("django", "utils"), ("django", "template"), ("perf",))
)


def _query_origin():
    """Where a query comes from: the innermost template line and code frame."""
    frame = sys._getframe(2)
    template = code = None
    while frame is not None and (template is None or code is None):
        filename = frame.f_code.co_filename
        if (
            template is None
            and frame.f_code.co_name == "render_annotated"
            and filename.endswith(os.path.join("django", "template", "base.py"))
        ):
            node = frame.f_locals.get("self")
            origin = getattr(node, "origin", None)
            token = getattr(node, "token", None)
            if origin is not None and getattr(origin, "template_name", None):
                template = f"{origin.template_name}:{getattr(token, 'lineno', '?')}"
        if code is None and not any(part in filename for part in _SKIP_FRAMES):
            short = filename
            for prefix in (str(ROOT) + os.sep, "site-packages" + os.sep):
                if prefix in short:
                    short = short.split(prefix, 1)[1]
            code = f"{short}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back
    return {"code": code, "template": template}


_COLUMNS = re.compile(r"^SELECT (DISTINCT )?.*? FROM ", re.S)
_LITERAL = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")
_IN_LIST = re.compile(r"IN \((?:\?, )*\?\)")


def query_shape(sql):
    return _IN_LIST.sub("IN (…)", _LITERAL.sub("?", sql))


def short_sql(sql, limit=220):
    """The SQL without its column list, for printing."""
    text = _COLUMNS.sub(lambda m: f"SELECT {m.group(1) or ''}… FROM ", sql, count=1)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def analyse_queries(captured, origins):
    queries = []
    for q, origin in zip(captured, origins, strict=False):
        queries.append({"sql": q["sql"], **origin})
    shapes = {}
    for q in queries:
        shapes.setdefault(query_shape(q["sql"]), []).append(q)
    repeated = [
        {
            "count": len(items),
            "identical": len({i["sql"] for i in items}) == 1,
            "shape": shape,
            "origins": sorted({f"{i['template'] or '-'} | {i['code']}" for i in items}),
        }
        for shape, items in shapes.items()
        if len(items) > 1
    ]
    repeated.sort(key=lambda r: -r["count"])
    return queries, repeated


def run_inprocess(samples, rounds, budget, out_path):
    django_setup()
    import logging

    logging.getLogger("django.request").setLevel(logging.ERROR)  # no "Not Found: …" lines
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    pages = page_list(samples)
    client = Client(headers={"host": "localhost"})
    results = []
    with override_settings(PAGE_CACHE_SECONDS=0):
        for key, label, url, expected in pages:
            client.cookies.clear()
            # The editors' views as the demo administrator; LOGINS names other users.
            username = LOGINS.get(key) or ("admin" if url.startswith("/admin/") else None)

            def fresh(username=username):
                """Anonymous visitors carry no cookie; a signed-in user keeps the session."""
                if username is None:
                    client.cookies.clear()

            if username is not None:
                from django.contrib.auth import get_user_model

                client.force_login(get_user_model().objects.get(username=username))
            cold_t = time.perf_counter()
            with CaptureQueriesContext(connection) as cold_queries:
                response = client.get(url)
            cold = time.perf_counter() - cold_t
            cold_count = len(cold_queries.captured_queries)
            if response.status_code != expected:
                raise SystemExit(f"{url}: status {response.status_code}, expected {expected}")
            origins = []

            def record(execute, sql, params, many, context, origins=origins):
                origin = _query_origin()
                started = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    origin["ms"] = round((time.perf_counter() - started) * 1000, 3)
                    origins.append(origin)

            fresh()
            with (
                CaptureQueriesContext(connection) as captured,
                connection.execute_wrapper(record),
            ):
                response = client.get(url)
            queries, repeated = analyse_queries(captured.captured_queries, origins)
            times = []
            deadline = time.perf_counter() + budget
            while len(times) < rounds and (time.perf_counter() < deadline or len(times) < 5):
                fresh()
                t = time.perf_counter()
                response = client.get(url)
                times.append(time.perf_counter() - t)
            results.append(
                {
                    "key": key,
                    "label": label,
                    "url": url,
                    "user": username,
                    "status": response.status_code,
                    "bytes": len(response.content),
                    "queries": len(queries),
                    "cold_ms": round(cold * 1000, 1),
                    "cold_queries": cold_count,
                    **summary_ms(times),
                    "repeated": repeated,
                    "sql": queries,
                }
            )
            print(
                f"  in-process {label:<24} {len(queries):>3} queries  "
                f"median {results[-1]['median_ms']:7.1f} ms",
                flush=True,
            )
    Path(out_path).write_text(json.dumps(results, indent=1))


# ---------------------------------------------------------------------------
# 3. HTTP against gunicorn (this process; no Django here)
# ---------------------------------------------------------------------------
def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get(port, path, timeout=30, headers=()):
    """One GET on a new connection: (status, headers dict, body bytes, seconds).
    `headers`: further request header lines ("Name: value")."""
    started = time.perf_counter()
    extra = "".join(f"{line}\r\n" for line in headers)
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
            f"Accept-Encoding: identity\r\nUser-Agent: zukunftshub-bench\r\n{extra}\r\n".encode()
        )
        chunks = []
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
    elapsed = time.perf_counter() - started
    raw = b"".join(chunks)
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return status, headers, body, elapsed


class Gunicorn:
    """gunicorn with 2 sync workers on a free port. `env`: its whole environment
    (default: the bench's, with `extra` on top)."""

    def __init__(self, name, env=None, log_dir=BENCH_DIR, **extra):
        self.name = name
        self.env = env if env is not None else bench_env(**extra)
        self.port = free_port()
        self.log_path = log_dir / f"gunicorn-{name}.log"
        self.proc = None

    def __enter__(self):
        self.log = open(self.log_path, "w")
        cmd = [
            str(BIN_DIR / "gunicorn"),
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            "2",
            "--worker-class",
            "sync",
            "--no-control-socket",
            "--forwarded-allow-ips=127.0.0.1",
            "--log-level",
            "warning",
        ]
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.time() + 40
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"gunicorn exited; see {self.log_path}")
            try:
                status, *_ = http_get(self.port, "/robots.txt", timeout=5)
                if status == 200:
                    # Both workers: a few more requests so neither starts cold.
                    for _ in range(6):
                        http_get(self.port, "/robots.txt")
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        self.__exit__(None, None, None)
        raise SystemExit(f"gunicorn did not answer within 40 s; see {self.log_path}")

    def __exit__(self, *exc):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.log.close()


def burst(port, url, n=16, threads=4):
    """Concurrent requests, so that every gunicorn worker serves some (a sequential
    client tends to be served by one worker only). Returns the X-Page-Cache values."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(threads) as pool:
        return list(pool.map(lambda _: http_get(port, url)[1].get("x-page-cache"), range(n)))


def sequential(port, url, rounds, budget, expected):
    burst(port, url, n=8)  # warm both workers (templates, per-process caches)
    times, statuses, cache = [], set(), set()
    deadline = time.perf_counter() + budget
    while len(times) < rounds and (time.perf_counter() < deadline or len(times) < 5):
        status, headers, _body, elapsed = http_get(port, url)
        statuses.add(status)
        cache.add(headers.get("x-page-cache", "-"))
        times.append(elapsed)
    if statuses != {expected}:
        raise SystemExit(f"{url}: statuses {statuses}, expected {expected}")
    return {**summary_ms(times), "x_page_cache": sorted(cache)}


def warm_cache(port, url, attempts=5):
    """Until a concurrent burst gets nothing but cache hits (every worker has the page)."""
    return any(all(value == "hit" for value in burst(port, url, n=24)) for _ in range(attempts))


def hit_share(port, url, n=24):
    values = burst(port, url, n=n)
    return sum(value == "hit" for value in values) / len(values)


# Load generators -------------------------------------------------------------
WRK_THREADS = 2
WRK_CONNECTIONS = 8
PY_PROCESSES = 4


def ensure_wrk(allow_install):
    found = shutil.which("wrk")
    if found or not allow_install:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None
    print("wrk is missing; installing the Debian package (apt-get install wrk) …", flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-q", "--no-install-recommends", "wrk"]
    try:
        ok = subprocess.run(install, env=env, capture_output=True, timeout=180).returncode == 0
        if not ok:
            subprocess.run(["apt-get", "update", "-q"], capture_output=True, timeout=180)
            subprocess.run(install, env=env, capture_output=True, timeout=180)
    except (OSError, subprocess.SubprocessError):
        pass
    return shutil.which("wrk")


def load_wrk(wrk, port, url, duration):
    cmd = [
        wrk,
        f"-t{WRK_THREADS}",
        f"-c{WRK_CONNECTIONS}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-H",
        "Accept-Encoding: identity",
        f"http://127.0.0.1:{port}{url}",
    ]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 30).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    total = re.search(r"(\d+) requests in", out)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    if not rps:
        raise SystemExit(f"could not read wrk's output:\n{out}")
    return {
        "rps": round(float(rps.group(1)), 1),
        "requests": int(total.group(1)) if total else None,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(1).strip() if errors else "",
    }


def _py_worker(port, url, duration, queue):
    done = bad = 0
    deadline = time.perf_counter() + duration
    while time.perf_counter() < deadline:
        try:
            status = http_get(port, url, timeout=10)[0]
        except OSError:
            bad += 1
            continue
        if 200 <= status < 400:
            done += 1
        else:
            bad += 1
    queue.put((done, bad))


def load_python(port, url, duration):
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    procs = [
        ctx.Process(target=_py_worker, args=(port, url, duration, queue))
        for _ in range(PY_PROCESSES)
    ]
    started = time.perf_counter()
    for p in procs:
        p.start()
    counts = [queue.get(timeout=duration + 60) for _ in procs]
    for p in procs:
        p.join(timeout=10)
    elapsed = time.perf_counter() - started
    done = sum(c[0] for c in counts)
    return {
        "rps": round(done / elapsed, 1),
        "requests": done,
        "non_2xx": sum(c[1] for c in counts),
        "socket_errors": "",
    }


def _cpu_ticks():
    """(busy, total) clock ticks of the whole machine, from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    total = sum(fields[:8])
    return total - idle, total


def _process_ticks(pids):
    ticks = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, IndexError, ValueError):
            pass
    return ticks


def _children_of(pid):
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        pids.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return pids


def load(tool, server, url, duration):
    """One load run, with the CPU share that processes other than the server, the
    load generator and this script used meanwhile (a busy machine skews the figures)."""
    try:
        pids = [server.proc.pid, *_children_of(server.proc.pid)]
        hz = os.sysconf("SC_CLK_TCK")
        before = (_cpu_ticks(), _process_ticks(pids), resource.getrusage(resource.RUSAGE_CHILDREN))
        own_before = resource.getrusage(resource.RUSAGE_SELF)
    except (OSError, ValueError):
        pids = None
    if tool:
        result = load_wrk(tool, server.port, url, duration)
    else:
        result = load_python(server.port, url, duration)
    if pids is not None:
        try:
            (busy0, total0), server0, children0 = before
            busy1, total1 = _cpu_ticks()
            server_ticks = _process_ticks(pids) - server0
            children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
            own1 = resource.getrusage(resource.RUSAGE_SELF)
            ours = server_ticks + hz * (
                children1.ru_utime
                + children1.ru_stime
                - children0.ru_utime
                - children0.ru_stime
                + own1.ru_utime
                + own1.ru_stime
                - own_before.ru_utime
                - own_before.ru_stime
            )
            if total1 > total0:
                result["server_cpu"] = round(server_ticks / (total1 - total0), 3)
                result["other_cpu"] = round(max(0.0, busy1 - busy0 - ours) / (total1 - total0), 3)
        except (OSError, ValueError):
            pass
    return result


def static_css_url():
    manifest = json.loads((BENCH_DIR / "static" / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/site.css"]


def _static_runs(runs):
    """The static file is loaded before and after the pages; the ratio uses the mean."""
    rates = [r["rps"] for r in runs]
    return {
        "rps": round(statistics.mean(rates), 1),
        "runs": runs,
        "spread": round(max(rates) / min(rates) - 1, 3) if min(rates) else None,
    }


def run_http(pages, args, wrk):
    css = static_css_url()
    by_key = {p["key"]: p for p in pages}
    result = {"static_url": css, "load_tool": "wrk" if wrk else "python", "runs": {}}
    if wrk:
        result["load_settings"] = f"wrk -t{WRK_THREADS} -c{WRK_CONNECTIONS} -d{args.duration}s"
    else:
        result["load_settings"] = (
            f"{PY_PROCESSES} Python processes, {args.duration}s, new connection per request"
        )
    duration = args.duration

    def show(label, entry):
        other = entry.get("other_cpu")
        note = f"  (other processes: {other:.0%} of the CPUs)" if other is not None else ""
        print(f"  {label:<30} {entry['rps']:>8.0f} req/s{note}", flush=True)

    print(f"HTTP: gunicorn with the page cache on (load: {result['load_settings']})", flush=True)
    with Gunicorn("cached") as server:
        run = {"sequential": {}, "load": {}}
        for key in ("home", "content"):
            url = by_key[key]["url"]
            if not warm_cache(server.port, url):
                print(f"  warning: {url} did not become a cache hit", flush=True)
            run["sequential"][key] = sequential(server.port, url, args.rounds, args.budget, 200)
        run["sequential"]["static"] = sequential(server.port, css, args.rounds, args.budget, 200)
        static = [load(wrk, server, css, duration)]
        show("static file", static[0])
        for key in ("home", "content", "stories_filtered"):
            url = by_key[key]["url"]
            warm_cache(server.port, url)
            run["load"][key] = load(wrk, server, url, duration)
            run["load"][key]["hit_share_after"] = hit_share(server.port, url)
            show(f"cached {url}", run["load"][key])
        static.append(load(wrk, server, css, duration))
        show("static file (again)", static[1])
        run["load"]["static"] = _static_runs(static)
        result["runs"]["cached"] = run

    print("HTTP: gunicorn with the page cache off (ZUKUNFTSHUB_PAGE_CACHE_SECONDS=0)", flush=True)
    with Gunicorn("uncached", ZUKUNFTSHUB_PAGE_CACHE_SECONDS=0) as server:
        run = {"sequential": {}, "load": {}}
        for page in pages:
            run["sequential"][page["key"]] = sequential(
                server.port, page["url"], args.rounds, args.budget, page["status"]
            )
            print(
                f"  sequential {page['label']:<24} median "
                f"{run['sequential'][page['key']]['median_ms']:7.1f} ms",
                flush=True,
            )
        static = [load(wrk, server, css, duration)]
        show("static file", static[0])
        run["load"]["home"] = load(wrk, server, "/", duration)
        show("uncached /", run["load"]["home"])
        url = by_key["stories_filtered"]["url"]
        run["load"]["stories_filtered"] = load(wrk, server, url, duration)
        show("uncached filtered stories", run["load"]["stories_filtered"])
        static.append(load(wrk, server, css, duration))
        show("static file (again)", static[1])
        run["load"]["static"] = _static_runs(static)
        result["runs"]["uncached"] = run
    return result


# ---------------------------------------------------------------------------
# 4. Report
# ---------------------------------------------------------------------------
def fmt(value, spec="7.1f"):
    return format(value, spec) if isinstance(value, int | float) else " " * 6 + "-"


def verdict(ok):
    return "PASS" if ok else "FAIL"


def report(results, show_sql):
    pages = results["inprocess"]
    http = results.get("http")
    targets = []
    seq = http["runs"]["uncached"]["sequential"] if http else {}
    width = 104
    print()
    print("=" * width)
    print("Zukunftshub benchmark".ljust(60) + results["meta"]["started"].rjust(width - 60))
    meta = results["meta"]
    print(
        f"{meta['cpus']} CPUs · Python {meta['python']} · Django {meta['django']} · "
        f"Wagtail {meta['wagtail']} · {results['seed']['total']} seeded pages "
        f"({results['seed']['db_pages']} pages in the database) · commit {meta['commit']} · "
        f"load avg {meta['loadavg_start'][0]}"
    )
    if meta.get("changed_files"):
        print("Uncommitted changes measured: " + ", ".join(meta["changed_files"]))
    print("=" * width)
    print(
        "Per page type, page cache OFF. SQL: queries of a warm request (target ≤ 20); cold: of "
        "the first\nrequest for the URL (its fragment caches empty; the first row also pays for "
        "the process start).\nSQL ms: database time of the warm request. In-process: Django test "
        "client; HTTP: gunicorn,\n2 sync workers, sequential requests."
    )
    print(
        f"{'page type':<24} {'url':<30} {'SQL':>4} {'≤20':>4} {'cold':>4} {'SQL ms':>6}  "
        f"{'in-proc med/p95 ms':>18}  {'HTTP med/p95 ms':>16}"
    )
    print("-" * width)
    for p in pages:
        ok = p["queries"] <= MAX_QUERIES
        targets.append((f"SQL queries {p['label']}", f"{p['queries']} ≤ {MAX_QUERIES}", ok))
        if p["key"] == "quickcheck_stats":
            fast = p["p95_ms"] < MAX_STATISTICS_MS
            targets.append(
                (
                    f"p95 in-process {p['label']} < {MAX_STATISTICS_MS} ms",
                    f"{p['p95_ms']:.1f} ms",
                    fast,
                )
            )
        if p["key"] == "cohort_report":
            fast = p["p95_ms"] < MAX_COHORT_REPORT_MS
            targets.append(
                (
                    f"p95 in-process {p['label']} < {MAX_COHORT_REPORT_MS} ms",
                    f"{p['p95_ms']:.1f} ms",
                    fast,
                )
            )
        if p["key"].startswith(("stories", "offerings")):
            fast = p["p95_ms"] < MAX_LISTING_P95_MS
            targets.append(
                (
                    f"p95 in-process {p['label']} < {MAX_LISTING_P95_MS} ms",
                    f"{p['p95_ms']:.1f} ms",
                    fast,
                )
            )
        s = seq.get(p["key"], {})
        url = p["url"] if len(p["url"]) <= 30 else p["url"][:29] + "…"
        sql_ms = sum(q["ms"] for q in p["sql"])
        print(
            f"{p['label']:<24} {url:<30} {p['queries']:>4} {('ok' if ok else 'OVER'):>4} "
            f"{p['cold_queries']:>4} {sql_ms:>6.1f}  "
            f"{fmt(p['median_ms'], '8.1f')} /{fmt(p['p95_ms'], '7.1f')}  "
            f"{fmt(s.get('median_ms'), '7.1f')} /{fmt(s.get('p95_ms'), '6.1f')}"
        )
    if http:
        print()
        print(
            f"Throughput under load ({http['load_settings']}) on 127.0.0.1; "
            f"static file {http['static_url']}"
        )
        print(f"{'what':<38} {'req/s':>9} {'× static':>9} {'target':>10} {'':>6}  note")
        print("-" * width)
        noisy = []
        cached = http["runs"]["cached"]
        uncached = http["runs"]["uncached"]
        rows = [
            ("static CSS (cache-on server)", cached, "static", None, ""),
            ("cached home /", cached, "home", CACHED_MIN_RATIO, "X-Page-Cache: hit"),
            (
                "cached content /impressum/",
                cached,
                "content",
                CACHED_MIN_RATIO,
                "X-Page-Cache: hit",
            ),
            (
                "cached filtered stories (5,000)",
                cached,
                "stories_filtered",
                CACHED_MIN_RATIO,
                "X-Page-Cache: hit",
            ),
            ("static CSS (cache-off server)", uncached, "static", None, ""),
            ("uncached home /", uncached, "home", UNCACHED_MIN_RATIO, "PAGE_CACHE_SECONDS=0"),
            (
                "uncached filtered stories (5,000)",
                uncached,
                "stories_filtered",
                None,
                "PAGE_CACHE_SECONDS=0 (reported, no target)",
            ),
        ]
        for label, run, key, target, note in rows:
            entry = run["load"][key]
            ratio = (
                entry["rps"] / run["load"]["static"]["rps"] if run["load"]["static"]["rps"] else 0
            )
            entry["ratio_to_static"] = round(ratio, 4)
            extra = note
            others = [r.get("other_cpu") or 0 for r in entry.get("runs", [entry])]
            if max(others) > NOISY_OTHER_CPU:
                noisy.append(label)
                extra += f" NOISY: other processes used {max(others):.0%} CPU"
            if "hit_share_after" in entry:
                extra += f" ({entry['hit_share_after']:.0%} hits after)"
            if entry.get("non_2xx"):
                extra += f" non-2xx: {entry['non_2xx']}"
            if entry.get("socket_errors"):
                extra += f" socket errors: {entry['socket_errors']}"
            if target is None and key != "static":
                print(f"{label:<38} {entry['rps']:>9.0f} {ratio:>9.3f} {'':>10} {'':>6}  {extra}")
                continue
            if target is None:
                rates = " / ".join(f"{r['rps']:.0f}" for r in entry["runs"])
                extra = f"mean of {rates} (before / after the pages)" + extra
                print(f"{label:<38} {entry['rps']:>9.0f} {1:>9.3f} {'':>10} {'':>6}  {extra}")
                continue
            ok = ratio >= target
            targets.append((f"{label} ≥ {target} × static", f"{ratio:.3f}", ok))
            print(
                f"{label:<38} {entry['rps']:>9.0f} {ratio:>9.3f} {'≥ ' + str(target):>10} "
                f"{verdict(ok):>6}  {extra}"
            )
        if noisy:
            print(
                f"  Other processes used more than {NOISY_OTHER_CPU:.0%} of the CPUs during "
                f"{len(noisy)} run(s): rerun on a quiet machine before trusting those ratios."
            )
        print()
        print(
            "Sequential latency, cache-on server (median / p95 ms):  "
            + ",  ".join(
                f"{k} {v['median_ms']:.1f} / {v['p95_ms']:.1f} {'/'.join(v['x_page_cache'])}"
                for k, v in cached["sequential"].items()
            )
        )
    print()
    print("Repeated query shapes per page (same SQL apart from literals; cache off)")
    print("-" * width)
    for p in pages:
        if not p["repeated"] and not show_sql:
            continue
        print(f"{p['label']} {p['url']} – {p['queries']} queries")
        for r in p["repeated"]:
            kind = "identical" if r["identical"] else "same shape"
            print(f"  {r['count']}× ({kind}) {short_sql(r['shape'])}")
            for origin in r["origins"][:3]:
                print(f"      from {origin}")
        if show_sql:
            for i, q in enumerate(p["sql"], 1):
                print(f"  {i:>2}. {q['ms']:6.2f} ms  {short_sql(q['sql'], 400)}")
                print(f"      from {q['template'] or '-'} | {q['code']}")
    print()
    print("Targets")
    print("-" * width)
    for name, value, ok in targets:
        print(f"  {verdict(ok)}  {name:<58} {value}")
    results["targets"] = [{"name": n, "value": v, "ok": ok} for n, v, ok in targets]
    passed = sum(ok for *_, ok in targets)
    print(f"  {passed}/{len(targets)} targets met")
    return all(ok for *_, ok in targets)


# ---------------------------------------------------------------------------
# Orchestration
# ---------------------------------------------------------------------------
def child(mode, *args):
    cmd = [sys.executable, str(Path(__file__).resolve()), mode, *map(str, args)]
    completed = subprocess.run(cmd, cwd=ROOT, env=bench_env())
    if completed.returncode:
        raise SystemExit(f"{mode} failed with exit code {completed.returncode}")


def versions():
    code = (
        "import django, wagtail, json, os; "
        "print(json.dumps([django.get_version(), wagtail.__version__]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    try:
        return json.loads(out.stdout)
    except ValueError:
        return ["?", "?"]


def git_state():
    """The commit and the files changed in the working tree (tests/perf aside)."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
        status = subprocess.run(
            ["git", "status", "--porcelain"], capture_output=True, text=True, cwd=ROOT
        ).stdout.splitlines()
    except OSError:
        return None, []
    changed = [line[3:] for line in status if not line[3:].startswith("tests/perf")]
    return (commit + ("+changes" if changed else "")) or None, changed


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages to seed (default 2000)")
    parser.add_argument("--reseed", action="store_true", help="rebuild var/bench from scratch")
    parser.add_argument("--rounds", type=int, default=30, help="requests per page for timings")
    parser.add_argument(
        "--budget", type=float, default=6.0, help="max seconds of timing per page (default 6)"
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds per load run")
    parser.add_argument("--no-http", action="store_true", help="skip the gunicorn part")
    parser.add_argument("--no-wrk", action="store_true", help="use the Python load generator")
    parser.add_argument(
        "--no-install", action="store_true", help="do not apt-get install wrk when missing"
    )
    parser.add_argument("--sql", action="store_true", help="print every query and its origin")
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target is missed"
    )
    args = parser.parse_args(argv)

    started = time.perf_counter()
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    django_version, wagtail_version = versions()
    commit, changed = git_state()
    results = {
        "meta": {
            "started": time.strftime("%Y-%m-%d %H:%M:%S"),
            "commit": commit,
            "changed_files": changed,
            "cpus": os.cpu_count(),
            "loadavg_start": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "django": django_version,
            "wagtail": wagtail_version,
            "settings": SETTINGS,
            "var_dir": str(BENCH_DIR.relative_to(ROOT)),
        }
    }

    if args.reseed:
        for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm", "seed.json"):
            (BENCH_DIR / name).unlink(missing_ok=True)
    t = time.perf_counter()
    child("_seed", args.pages)
    seed = json.loads((BENCH_DIR / "seed.json").read_text())
    seed["step_seconds"] = round(time.perf_counter() - t, 1)
    results["seed"] = seed

    print(f"In-process: {args.rounds} requests per page type, page cache off", flush=True)
    t = time.perf_counter()
    out = BENCH_DIR / "inprocess.json"
    child("_inprocess", json.dumps(seed["samples"]), args.rounds, args.budget, out)
    results["inprocess"] = json.loads(out.read_text())
    results["inprocess_seconds"] = round(time.perf_counter() - t, 1)
    results["seed"]["db_pages"] = _db_page_count()

    ok = True
    if not args.no_http:
        wrk = None if args.no_wrk else ensure_wrk(not args.no_install)
        if not wrk and not args.no_wrk:
            print("wrk not found: using the Python load generator", flush=True)
        t = time.perf_counter()
        pages = [
            {"key": p["key"], "label": p["label"], "url": p["url"], "status": p["status"]}
            for p in results["inprocess"]
            # Editors' views and pages for signed-in users: in-process only.
            if not p["url"].startswith("/admin/") and p["key"] not in LOGINS
        ]
        results["http"] = run_http(pages, args, wrk)
        results["http_seconds"] = round(time.perf_counter() - t, 1)

    ok = report(results, args.sql)
    results["total_seconds"] = round(time.perf_counter() - started, 1)
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    print()
    print(
        f"Total bench time {results['total_seconds']} s (seed step {seed['step_seconds']} s, "
        f"in-process {results['inprocess_seconds']} s, HTTP {results.get('http_seconds', 0)} s)"
    )
    print(f"Results: {(BENCH_DIR / 'results.json').relative_to(ROOT)}")
    return 0 if ok or not args.strict else 1


def _db_page_count():
    import sqlite3

    with sqlite3.connect(BENCH_DIR / "db.sqlite3") as db:
        return db.execute("SELECT COUNT(*) FROM wagtailcore_page").fetchone()[0]


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_seed":
        run_seed(int(sys.argv[2]))
    elif len(sys.argv) > 1 and sys.argv[1] == "_inprocess":
        run_inprocess(json.loads(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
    else:
        sys.exit(main())
