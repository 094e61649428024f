"""Settings shared by every environment.

Everything that differs between a laptop and a production server is read from the
environment (see README "Configuration" and .env.example); the defaults run on one
machine with SQLite, the local-memory cache and the database search backend.
"""

import os

import dj_database_url

from .accounts import *  # noqa: F403
from .caching import *  # noqa: F403
from .env import BASE_DIR, VAR_DIR, env_bool, env_list
from .security import *  # noqa: F403
from .storage import *  # noqa: F403

# The plugins this site runs. Each is a self-contained app that registers what it
# offers with cms.plugins; any one of them can be left out (docs/plugins.md).
ALL_PLUGINS = ["home", "hub", "toolbox", "courses"]
PLUGINS = [p for p in env_list("ZUKUNFTSHUB_PLUGINS", ",".join(ALL_PLUGINS)) if p in ALL_PLUGINS]

INSTALLED_APPS = [
    "cms",
    *PLUGINS,
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy (PERMISSIONS_POLICY below) and Cross-Origin-Resource-Policy.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.headers.CrossOriginResourcePolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Reads every version (cms/counters.py) once per request.
    "cms.counters.VersionsPerRequestMiddleware",
    # Answers anonymous GET requests from the page cache before any session,
    # auth or database work happens (cms/cache.py).
    "cms.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # NUL in a parameter gets a 400 (cms/bad_input.py).
    "cms.bad_input.RejectNulMiddleware",
    "django.middleware.common.CommonMiddleware",
    "cms.sites.CachedSiteMiddleware",
    # Finds the page of an address with one query (cms/routing.py).
    "cms.routing.RouteCacheMiddleware",
    # An Origin check for anonymous page forms, so that pages showing a form stay
    # cookie-free (cms/csrf.py); Django's token for everything else.
    "cms.csrf.AnonymousPageFormMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Previews may be framed by the admin's preview panel, nothing else (cms/preview.py).
    "cms.preview.PreviewFramingMiddleware",
    # The admin's own, less strict policy (cms/admin_csp.py).
    "cms.admin_csp.AdminPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: answers a locked-out sign-in (cms/lockout.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}", conn_max_age=600
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the two gunicorn workers read while one writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    # A write that meets another's lock waits this long, then the visitor gets the 503
    # page ("try again in a moment"), never a 500.
    DATABASES["default"]["OPTIONS"]["timeout"] = 10
# Seconds a 503 (database down or locked) asks clients to wait before trying again.
DATABASE_RETRY_AFTER = 30

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Internationalisation: German first, English second. German URLs carry no prefix,
# English ones live under /en/ (docs/decisions/0002-languages-and-urls.md).
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
# Search: the database backend by default (German stemming on PostgreSQL),
# OpenSearch when OPENSEARCH_URL is set (docs/decisions/0004-search.md).
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")
if OPENSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": [OPENSEARCH_URL],
            "INDEX": os.environ.get("OPENSEARCH_INDEX", "zukunftshub"),
            "TIMEOUT": 5,
            "INDEX_SETTINGS": {
                "settings": {
                    "analysis": {
                        "analyzer": {
                            "default": {"type": "german"},
                        }
                    }
                }
            },
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.database",
            "SEARCH_CONFIG": "german",
        }
    }

# E-mail: the console by default, SMTP when EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Zukunftshub <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (search index and reference index updates, e-mail). By default
# they run right after the request's transaction commits; with
# ZUKUNFTSHUB_TASKS=database they are queued and `manage.py db_worker` runs them.
# E-mail is then sent by the worker too (cms/mail.py), through the backend chosen above.
QUEUED_EMAIL_BACKEND = EMAIL_BACKEND
if os.environ.get("ZUKUNFTSHUB_TASKS") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
else:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = "Zukunftshub"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "mp4",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "vtt",
    "webm",
    "xlsx",
    "zip",
]
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
# Uploads ask for the alternative text and refuse a file name (cms/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.images.ImageForm"
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
# Addresses in ASCII: ä becomes ae, ß becomes ss (cms/slugs.py).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILFORMS_HONEYPOT = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
        },
    }
}

# Anonymous form submissions per visitor and form within the window (cms/ratelimit.py).
FORM_RATE_LIMIT = (int(os.environ.get("ZUKUNFTSHUB_FORM_RATE_LIMIT", "5")), 600)
# /healthz/ answers from a process's last result for this many seconds (cms/health.py).
HEALTH_CHECK_SECONDS = 5

# Reverse proxies in front of gunicorn whose X-Forwarded-For may be trusted.
NUM_PROXIES = int(os.environ.get("ZUKUNFTSHUB_NUM_PROXIES", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    # What data minimisation deletes, as counts (never names).
    "loggers": {
        "hub.registrations": {"handlers": ["console"], "level": "INFO", "propagate": False}
    },
}
