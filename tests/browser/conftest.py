"""The real site for browser tests: migrate, demo content, collectstatic and gunicorn
in a temporary directory, driven by Debian's Chromium through Playwright.

These tests never touch the pytest database: the server has its own SQLite file
under a temporary ZUKUNFTSHUB_VAR_DIR and runs with the dev settings (DEBUG off,
whitenoise's manifest storage, the page cache on), as `make run` does.
"""

import os
import shutil

import pytest

from tests.liveserver import (
    BIN,  # noqa: F401 - for tests that run manage.py themselves
    ROOT,
    gunicorn,
)
from tests.liveserver import manage as _manage
from tests.liveserver import site_env as _site_env

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


@pytest.fixture(scope="session")
def site_env(tmp_path_factory):
    """The environment of the site under test, for `manage`."""
    env = _site_env(
        tmp_path_factory.mktemp("site"),
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
    with gunicorn(site_env, "--workers", "2") as url:
        yield url


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
