"""The real site for browser tests: migrate, demo content, collectstatic and gunicorn
in a temporary directory, driven by Debian's Chromium through Playwright.

These tests never touch the pytest database: the server has its own SQLite file
under a temporary ZUKUNFTSHUB_VAR_DIR and runs with the dev settings (DEBUG off,
whitenoise's manifest storage, the page cache on), as `make run` does.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent  # the virtualenv's python, gunicorn, ...
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-features=Translate,OptimizationHints,MediaRouter",
]
SERVER_START_SECONDS = 30
# Configuration that would point the server away from its own temporary files.
FOREIGN_ENV = [
    "DATABASE_URL",
    "REDIS_URL",
    "OPENSEARCH_URL",
    "AWS_STORAGE_BUCKET_NAME",
    "EMAIL_HOST",
    "DJANGO_DEBUG",
    "DJANGO_ALLOWED_HOSTS",
    "ZUKUNFTSHUB_MEDIA_ROOT",
    "ZUKUNFTSHUB_PLUGINS",
    "ZUKUNFTSHUB_TASKS",
    "ZUKUNFTSHUB_PAGE_CACHE_SECONDS",
]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args):
    result = subprocess.run(
        [str(BIN / "python"), "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode:
        pytest.fail(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def site_env(tmp_path_factory):
    """The environment of the site under test, for `manage`."""
    var_dir = tmp_path_factory.mktemp("site")
    env = {key: value for key, value in os.environ.items() if key not in FOREIGN_ENV}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        ZUKUNFTSHUB_VAR_DIR=str(var_dir),
        # The suite sends the feedback form a handful of times from one address.
        ZUKUNFTSHUB_FORM_RATE_LIMIT="100",
    )
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "load_demo")
    _manage(env, "collectstatic", "--noinput", "-v0")
    return env


@pytest.fixture
def manage(site_env):
    """Run a management command against the site under test (e.g. `shell -c`)."""
    return lambda *args: _manage(site_env, *args)


@pytest.fixture(scope="session")
def site_url(site_env):
    env = site_env
    var_dir = Path(env["ZUKUNFTSHUB_VAR_DIR"])
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = var_dir / "gunicorn.log"
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(url + "/", timeout=2) as response:
                    if response.status == 200:
                        break
            except urllib.error.HTTPError as error:
                pytest.fail(f"{url}/ answered {error.code}:\n{log_path.read_text()}", pytrace=False)
            except OSError:
                pass
            if server.poll() is not None:
                pytest.fail(
                    f"gunicorn exited ({server.returncode}):\n{log_path.read_text()}", pytrace=False
                )
            if time.monotonic() > deadline:
                pytest.fail(
                    f"gunicorn did not answer on {url}:\n{log_path.read_text()}", pytrace=False
                )
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture(scope="session")
def browser():
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's chromium package "
            "(`make test` installs it; or `apt-get install chromium fonts-dejavu-core`).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="de-DE")
    yield context
    context.close()


@pytest.fixture(scope="session")
def artifacts():
    """Screenshots for people to look at (git-ignored)."""
    path = ROOT / "test-artifacts"
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    return path
