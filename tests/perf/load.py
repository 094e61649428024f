"""The load test (`make load`, i.e. `.venv/bin/python tests/perf/load.py`).

Two app servers (gunicorn, 2 sync workers each, production settings) share one
PostgreSQL database and one Redis, as a programme that outgrew one machine runs them
behind a load balancer. wrk loads both servers at once (one wrk per server, as a
balancer would spread the clients) and reports requests per second, the median and
the 95th percentile for:

- a static file from the same servers (the ceiling of this machine),
- the home page, the stories listing (5,000 stories), a filtered listing, the search,
  an event page with a waiting list (all anonymous, from the page cache),
- a lesson of the Lotse training, signed in as a learner (never cached),
- then, with the page cache off, the stories listing and its filtered form.

The uncached figures are for addresses the page cache does not hold while each
server's remembered values (menus, cards, routes, filter matrices) are warm; right
after a publish they are rebuilt once. Every answer must be a 200: a single failed
request, or a socket error, fails the run.
The targets are ratios to the static file (figures of one machine vary, ratios less):
cached anonymous pages at least CACHED_MIN_RATIO, the uncached stories listing at
least UNCACHED_LISTING_MIN_RATIO.

1. Seeds its own database (LOAD_DATABASE_URL, default the PostgreSQL database
   ``zukunftshub_load`` on 127.0.0.1, created when missing) once: migrate, load_demo,
   5,000 stories and 5,000 offerings; reruns reuse it. A database with other content
   is refused; --reseed drops the database and builds it anew. Media and static files
   live in var/load/, the caches in Redis database 14 (LOAD_REDIS_URL), emptied first.
2. Starts the servers, checks every address once (status 200, a cache hit where one
   is expected, the lesson really signed in), then loads each for
   --duration seconds.
3. Prints a table and writes var/load/results.json; exits 1 when a request failed
   (and, with --strict, when a target was missed).

All load goes to 127.0.0.1. Django runs only in subprocesses.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # the bench's seeding, HTTP client and gunicorn runner

ROOT = bench.ROOT
LOAD_DIR = ROOT / "var" / "load"
DATABASE_URL = os.environ.get(
    "LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/zukunftshub_load"
)
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/14")
SEED_VERSION = 1
SERVERS = 2
CONNECTIONS_PER_SERVER = 4  # 8 in all, as in the bench
# Behind the proxy: TLS ends there, and it says so (SECURE_PROXY_SSL_HEADER).
PROXY_HEADERS = ("X-Forwarded-Proto: https",)

# Targets (ratios to the static file, requests per second).
CACHED_MIN_RATIO = 0.7
UNCACHED_LISTING_MIN_RATIO = 0.05

STORIES = "/praxisbeispiele/"
STORIES_FILTERED = (
    "/praxisbeispiele/?branche=logistik&thema=digitale-werkzeuge&region=ruhrgebiet"
    "&schlagwort=tandem"
)

WRK_SCRIPT = """
-- Counts every answer that is not a 200 and prints the latency percentiles.
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("bad") end
  io.write(string.format("LOAD requests=%d p50_us=%d p95_us=%d failed=%d\\n",
    summary.requests, latency:percentile(50), latency:percentile(95), failed))
end
"""


def django_env(settings="cms.settings.dev", **extra):
    env = {k: v for k, v in os.environ.items() if k not in bench.ISOLATED_VARS}
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        ZUKUNFTSHUB_VAR_DIR=str(LOAD_DIR),
        # The same key for the learner's session made in `_prepare` and the servers.
        DJANGO_SECRET_KEY="load-test-" + "x" * 50,
        PYTHONUNBUFFERED="1",
    )
    env.update({k: str(v) for k, v in extra.items()})
    return env


def server_env(**extra):
    """Production settings, as on a real installation, with the demo's media served."""
    return django_env(
        "cms.settings.production",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        ZUKUNFTSHUB_SERVE_MEDIA="true",
        ZUKUNFTSHUB_TASKS="database",
        **extra,
    )


# ---------------------------------------------------------------------------
# Seeding and the addresses (runs in `load.py _prepare`, with Django)
# ---------------------------------------------------------------------------
def _ensure_database(reseed):
    import psycopg
    from psycopg import sql

    name = DATABASE_URL.rsplit("/", 1)[1].split("?")[0]
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and reseed:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
            exists = None
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def prepare(reseed):
    """Seed (or reuse) the database; print the addresses and a learner's session as JSON."""
    import io

    LOAD_DIR.mkdir(parents=True, exist_ok=True)
    marker = LOAD_DIR / "seed.json"
    info = json.loads(marker.read_text()) if marker.exists() and not reseed else {}
    _ensure_database(reseed)  # drops the database only when asked to
    os.environ.update(django_env())
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches
    from django.core.management import call_command

    from wagtail.models import Page

    from hub.models import StoryPage

    plan = {"stories": bench.LISTING_ITEMS, "offerings": bench.LISTING_ITEMS}
    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    seeded = StoryPage.objects.filter(slug__startswith="bench-").count()
    plain = ContentType.objects.get_for_model(Page)
    if seeded != plan["stories"]:
        # A new database holds Wagtail's own welcome page (a plain Page), nothing else.
        if seeded or Page.objects.filter(depth__gt=1).exclude(content_type=plain).exists():
            raise SystemExit(
                f"{DATABASE_URL} holds content that is not a complete load-test seed. Name an "
                "empty database with LOAD_DATABASE_URL, or run with --reseed (drops it)."
            )
        print("Seed: loading the demo content …", file=sys.stderr, flush=True)
        call_command("load_demo", stdout=io.StringIO())
        bench.seed_listings(plan)
        info = {"version": SEED_VERSION, "seconds": round(time.perf_counter() - started, 1)}
        marker.write_text(json.dumps(info))
    call_command("collectstatic", interactive=False, verbosity=0)
    for alias in ("default", "shared"):
        caches[alias].clear()
    print(json.dumps(_addresses(info)))


def _addresses(info):
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from courses.models import Enrolment, LessonPage

    with translation.override("de"):
        search = reverse("search") + "?q=Mentoring"
        logout = reverse("account_logout")
    event_url, _event_pk = bench.event_sample()
    learner = get_user_model().objects.get(email="lernende@zukunftshub.example")
    course = Enrolment.objects.filter(user=learner).first().course
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    client = Client()
    client.force_login(learner)
    from django.conf import settings

    manifest = json.loads((LOAD_DIR / "static" / "staticfiles.json").read_text())
    return {
        "seed": info,
        "static": "/static/" + manifest["paths"]["css/site.css"],
        "search": search,
        "event": event_url,
        "lesson": lesson.url,
        "learner_cookie": f"{settings.SESSION_COOKIE_NAME}="
        + client.cookies[settings.SESSION_COOKIE_NAME].value,
        # Only a signed-in page has the sign-out form.
        "signed_in": f'action="{logout}"',
    }


# ---------------------------------------------------------------------------
# Load (this process; no Django here)
# ---------------------------------------------------------------------------
def wrk_once(wrk, port, url, duration, headers):
    cmd = [wrk, "-t1", f"-c{CONNECTIONS_PER_SERVER}", f"-d{duration}s", "--timeout", "10s"]
    cmd += ["-s", str(LOAD_DIR / "count.lua"), "-H", "Accept-Encoding: identity"]
    for line in headers:
        cmd += ["-H", line]
    cmd.append(f"http://127.0.0.1:{port}{url}")
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=duration + 60).stdout
    import re

    found = re.search(r"LOAD requests=(\d+) p50_us=(\d+) p95_us=(\d+) failed=(\d+)", out)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    if not found or not rps:
        raise SystemExit(f"could not read wrk's output:\n{out}")
    return {
        "rps": float(rps.group(1)),
        "requests": int(found.group(1)),
        "p50_ms": int(found.group(2)) / 1000,
        "p95_ms": int(found.group(3)) / 1000,
        "failed": int(found.group(4)),
        "socket_errors": errors.group(1).strip() if errors else "",
    }


def load_all(wrk, servers, url, duration, headers):
    """wrk on every server at once; the sums, and the slower server's percentiles."""
    with ThreadPoolExecutor(len(servers)) as pool:
        runs = list(pool.map(lambda s: wrk_once(wrk, s.port, url, duration, headers), servers))
    return {
        "rps": round(sum(r["rps"] for r in runs), 1),
        "requests": sum(r["requests"] for r in runs),
        "p50_ms": max(r["p50_ms"] for r in runs),
        "p95_ms": max(r["p95_ms"] for r in runs),
        "failed": sum(r["failed"] for r in runs),
        "socket_errors": "; ".join(r["socket_errors"] for r in runs if r["socket_errors"]),
        "per_server_rps": [r["rps"] for r in runs],
    }


def check(servers, url, headers, expect_hit=False, must_contain=None):
    """Every server answers 200 (from its cache, when expected), before the load."""
    for server in servers:
        for _ in range(10 if expect_hit else 1):
            hits = []
            for _ in range(4):  # both workers of the server
                status, answer, body, _ = bench.http_get(server.port, url, headers=headers)
                if status != 200:
                    raise SystemExit(f"{url} answered {status} on {server.name}")
                if must_contain and must_contain.encode() not in body:
                    raise SystemExit(f"{url} on {server.name} lacks {must_contain!r}")
                hits.append(answer.get("x-page-cache") == "hit")
            if not expect_hit or all(hits):
                break
        else:
            raise SystemExit(f"{url} did not become a cache hit on {server.name}")


def run(args, wrk, addresses):
    (LOAD_DIR / "count.lua").write_text(WRK_SCRIPT)
    anonymous = PROXY_HEADERS
    learner = (*PROXY_HEADERS, f"Cookie: {addresses['learner_cookie']}")
    results = {}

    def measure(phase, key, label, url, headers=anonymous, **expect):
        check(servers, url, headers, **expect)
        entry = load_all(wrk, servers, url, args.duration, headers)
        entry.update(label=label, url=url)
        results.setdefault(phase, {})[key] = entry
        print(
            f"  {label:<34} {entry['rps']:>7.0f} req/s  p50 {entry['p50_ms']:6.1f} ms  "
            f"p95 {entry['p95_ms']:6.1f} ms  failed {entry['failed']}"
            + (f"  socket errors: {entry['socket_errors']}" if entry["socket_errors"] else ""),
            flush=True,
        )

    phases = (
        ("cached", {}),
        ("uncached", {"ZUKUNFTSHUB_PAGE_CACHE_SECONDS": 0}),
    )
    for phase, extra in phases:
        print(f"{SERVERS} servers × 2 workers, page cache {'on' if not extra else 'off'}:")
        servers = [
            bench.Gunicorn(f"{phase}-{n}", env=server_env(**extra), log_dir=LOAD_DIR)
            for n in range(1, SERVERS + 1)
        ]
        for server in servers:
            server.__enter__()
        try:
            static = addresses["static"]
            measure(phase, "static", "static file", static)
            if phase == "cached":
                hit = {"expect_hit": True}
                measure(phase, "home", "home /", "/", **hit)
                measure(phase, "stories", "stories listing", STORIES, **hit)
                measure(phase, "stories_filtered", "stories, filtered", STORIES_FILTERED, **hit)
                measure(phase, "search", "search", addresses["search"], **hit)
                measure(phase, "event", "event page (waiting list)", addresses["event"], **hit)
                measure(
                    phase,
                    "lesson",
                    "lesson, signed in",
                    addresses["lesson"],
                    learner,
                    must_contain=addresses["signed_in"],
                )
            else:
                measure(phase, "stories", "stories listing", STORIES)
                measure(phase, "stories_filtered", "stories, filtered", STORIES_FILTERED)
            measure(phase, "static_again", "static file (again)", static)
        finally:
            for server in servers:
                server.__exit__(None, None, None)
    return results


def report(results):
    """The targets next to the figures; (targets met, no request failed)."""
    rows = []
    for phase, entries in results.items():
        static = (entries["static"]["rps"] + entries["static_again"]["rps"]) / 2
        for key, entry in entries.items():
            entry["ratio_to_static"] = round(entry["rps"] / static, 3) if static else None
            target = None
            if key.startswith("static") or key == "lesson":
                target = None
            elif phase == "cached":
                target = CACHED_MIN_RATIO
            elif key == "stories":
                target = UNCACHED_LISTING_MIN_RATIO
            entry["target"] = target
            rows.append((phase, entry))
    print()
    print(f"{'':<10} {'page':<34} {'req/s':>7} {'× static':>9} {'target':>7} {'p95 ms':>8}")
    met = True
    failed = 0
    for phase, entry in rows:
        ok = entry["target"] is None or entry["ratio_to_static"] >= entry["target"]
        met = met and ok
        failed += entry["failed"] + (1 if entry["socket_errors"] else 0)
        target = f"≥ {entry['target']}" if entry["target"] else ""
        print(
            f"{phase:<10} {entry['label']:<34} {entry['rps']:>7.0f} "
            f"{entry['ratio_to_static']:>9.3f} {target:>7} {entry['p95_ms']:>8.1f}"
            + ("" if ok else "  MISSED")
        )
    print()
    print(f"Failed requests: {failed}" + ("" if failed else " (every answer a 200)"))
    return met, failed == 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reseed", action="store_true", help="rebuild the load database")
    parser.add_argument("--duration", type=int, default=10, help="seconds per load run")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument(
        "--no-install", action="store_true", help="do not apt-get install wrk when missing"
    )
    args = parser.parse_args(argv)
    wrk = bench.ensure_wrk(not args.no_install)
    if not wrk:
        raise SystemExit("The load test needs wrk (Debian: apt-get install wrk).")
    started = time.perf_counter()
    LOAD_DIR.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(Path(__file__).resolve()), "_prepare"]
    if args.reseed:
        cmd.append("--reseed")
    prepared = subprocess.run(cmd, cwd=ROOT, env=django_env(), stdout=subprocess.PIPE, text=True)
    if prepared.returncode:
        raise SystemExit(
            "Preparing the load database failed. PostgreSQL and Redis must run "
            f"({DATABASE_URL}, {REDIS_URL}; LOAD_DATABASE_URL and LOAD_REDIS_URL name others)."
        )
    addresses = json.loads(prepared.stdout.strip().splitlines()[-1])
    results = run(args, wrk, addresses)
    met, no_failures = report(results)
    commit, changed = bench.git_state()
    out = {
        "meta": {
            "started": time.strftime("%Y-%m-%d %H:%M:%S"),
            "commit": commit,
            "changed_files": changed,
            "cpus": os.cpu_count(),
            "servers": SERVERS,
            "workers_per_server": 2,
            "load": f"wrk -t1 -c{CONNECTIONS_PER_SERVER} -d{args.duration}s per server",
            "seconds": round(time.perf_counter() - started, 1),
        },
        "seed": addresses["seed"],
        "results": results,
    }
    (LOAD_DIR / "results.json").write_text(json.dumps(out, indent=1, ensure_ascii=False))
    print(f"Results: {(LOAD_DIR / 'results.json').relative_to(ROOT)}")
    if not no_failures:
        return 1
    return 0 if met or not args.strict else 1


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_prepare":
        prepare("--reseed" in sys.argv[2:])
    else:
        sys.exit(main())
