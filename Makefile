# Zukunftshub – the two commands: `make run` and `make test` (see README).
PYTHON ?= python3
VENV := .venv
UV := $(VENV)/bin/uv
PY := $(VENV)/bin/python
PORT ?= 8000
WORKERS ?= 2
UV_VERSION := 0.13.8
DEMO_PASSWORD ?= zukunft-demo
# Debian packages the browser tests, translation checks and PDFs (WeasyPrint) need.
SYSTEM_PACKAGES := chromium fonts-dejavu-core gettext libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0

.PHONY: install install-dev system-packages run serve test bench load lint format messages clean backup restore

$(UV):
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

install: $(UV)
	$(UV) sync --frozen --inexact --no-dev --quiet

install-dev: $(UV)
	$(UV) sync --frozen --inexact --quiet

system-packages:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium fonts-dejavu-core"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	ldconfig -p | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -q && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi

run: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v0
	@# The demo's Site and the admin's e-mail links follow the port (load_demo, dev settings).
	PORT=$(PORT) ZUKUNFTSHUB_DEMO_PASSWORD=$(DEMO_PASSWORD) $(PY) manage.py load_demo
	$(PY) manage.py collectstatic --noinput -v0
	@echo ""
	@echo "  Zukunftshub runs on   http://127.0.0.1:$(PORT)/"
	@echo "  Admin (Redaktion):    http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo logins (password: $(DEMO_PASSWORD)):"
	@echo "    admin      – administrator"
	@echo "    redaktion  – edits and submits for review (group Redaktion)"
	@echo "    freigabe   – approves and publishes (group Freigabe)"
	@echo "    ausbilder  – trains the demo cohort of the Lotse training: Kohorten, its"
	@echo "                 progress report and CSV, the course pages (group Ausbilder)"
	@echo "  Learner account (e-mail, same password) at http://127.0.0.1:$(PORT)/konto/anmelden/:"
	@echo "    lernende@zukunftshub.example – a trainee: profile, data download, no admin"
	@echo "      half-way into the Lotse training (/kurse/); its enrolment key: LOTSEN-2026"
	@echo ""
	@# Beside the server, the scheduled jobs (pages go live and expire at the times editors
	@# set, expired seat holds are freed, old registrations deleted) and the task worker
	@# (e-mail, search index, CDN purges): nobody waits for them.
	export PORT=$(PORT) ZUKUNFTSHUB_TASKS=database; \
	$(PY) manage.py run_scheduled & upkeep=$$!; \
	$(PY) manage.py db_worker --interval 1 & worker=$$!; \
	trap 'kill $$upkeep $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn cms.wsgi:application --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--no-control-socket --access-logfile - --forwarded-allow-ips=127.0.0.1

test: install-dev system-packages lint
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=cms.settings.production DJANGO_SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-looking-secret-value \
		DJANGO_ALLOWED_HOSTS=zukunftshub.example $(PY) manage.py check --deploy --fail-level WARNING
	@# On every core (at most 4); the core's own tests (tests/cms) with every plugin off.
	$(PY) -m pytest -n auto --maxprocesses 4 --ignore=tests/cms
	ZUKUNFTSHUB_PLUGINS=none $(PY) -m pytest -n auto --maxprocesses 4 tests/cms

# The installation named by the environment (ZUKUNFTSHUB_VAR_DIR or DATABASE_URL, S3):
# its database and media files into a new directory, and back into an empty installation.
backup: install
	@test -n "$(BACKUP_DIR)" || { echo "Usage: make backup BACKUP_DIR=/path/to/a/new/directory"; exit 2; }
	$(PY) manage.py backup "$(BACKUP_DIR)"

restore: install
	@test -n "$(BACKUP_DIR)" || { echo "Usage: make restore BACKUP_DIR=/path/to/the/backup"; exit 2; }
	$(PY) manage.py restore "$(BACKUP_DIR)"

bench: install-dev
	$(PY) tests/perf/bench.py

# Two app servers on PostgreSQL and Redis under load (wrk); see tests/perf/load.py.
load: install-dev
	$(PY) tests/perf/load.py

# The hooks of .pre-commit-config.yaml on every file: ruff, djhtml, django-upgrade and the
# import contracts. A hook that had to change a file fails; the change stays for review.
lint: install-dev
	$(VENV)/bin/pre-commit run --all-files --show-diff-on-failure

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	find . -name '*.html' -not -path './.venv/*' -not -path './var/*' -print0 | xargs -0 $(VENV)/bin/djhtml

messages: install-dev
	$(PY) manage.py makemessages -l de --no-obsolete --ignore=.venv --ignore=var --ignore=tests
	$(PY) manage.py compilemessages -l de --ignore=.venv

clean:
	rm -rf var
