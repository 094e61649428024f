"""The real site in a subprocess, for tests that need more than Django's test client:
`manage.py` commands and gunicorn against a temporary ZUKUNFTSHUB_VAR_DIR, with the
dev settings (DEBUG off, whitenoise's manifest storage, the page cache on) as
`make run` has them. The tests that use it never touch the pytest database.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the virtualenv's python, gunicorn, ...
SERVER_START_SECONDS = 30
# Configuration that would point the server away from its own temporary files.
FOREIGN_ENV = [
    "PORT",
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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(var_dir, **extra):
    """The environment of a site whose data lives in var_dir; `extra` is set on top
    (e.g. a DATABASE_URL of the test's own)."""
    env = {key: value for key, value in os.environ.items() if key not in FOREIGN_ENV}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", ZUKUNFTSHUB_VAR_DIR=str(var_dir))
    env.update(extra)
    return env


def manage(env, *args):
    """Run `manage.py args` in env; fail the test if it fails. Returns what it printed."""
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
    return result.stdout


def server_log(env):
    return Path(env["ZUKUNFTSHUB_VAR_DIR"]) / "gunicorn.log"


@contextmanager
def gunicorn(env, *options, start_seconds=SERVER_START_SECONDS):
    """Serve the site of env with gunicorn (`options` such as "--workers", "2") until
    the block ends; yields its address once the home page answers 200, failing if that
    takes longer than start_seconds. Its output goes to server_log(env)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = server_log(env)
    with open(log_path, "w") as log:
        server = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "cms.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                *options,
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + start_seconds
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
            time.sleep(0.2)  # polling for start-up, not synchronising the test
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
