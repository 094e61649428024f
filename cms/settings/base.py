"""Settings shared by every environment.

Everything that differs between a laptop and a production server is read from the
environment (see README "Configuration" and .env.example); the defaults run on one
machine with SQLite, the local-memory cache and the database search backend.
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("ZUKUNFTSHUB_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


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

# Caches. "default" holds rendered pages and Wagtail's own caches; "shared" holds
# what every server process must agree on (the page-cache generation, rate-limit
# counters). Without Redis, "shared" is a file cache so that the gunicorn workers
# of one machine see the same values.
REDIS_URL = os.environ.get("REDIS_URL", "")
# With Redis down every page still answers: the caches fail open (a read finds nothing,
# a write is dropped, within a second), rate limits count per process meanwhile
# (cms/counters.py), /healthz/ says 503, and redis-py reconnects by itself.
REDIS_OPTIONS = {
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": 1,
    "SOCKET_TIMEOUT": 1,
}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


def redis_caches(url):
    return {
        "default": {
            "BACKEND": "cms.redis_cache.FailOpenRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "zh",
            "OPTIONS": REDIS_OPTIONS,
        },
        "shared": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "zh-shared",
            "OPTIONS": REDIS_OPTIONS,
        },
    }


if REDIS_URL:
    CACHES = redis_caches(REDIS_URL)
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "shared": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        },
    }

# Anonymous page cache (cms/cache.py): seconds a rendered page is kept; 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("ZUKUNFTSHUB_PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/django-admin/", "/documents/", "/static/", "/media/"]

# A CDN or caching proxy in front (docs/decisions/0017-cdn.md): the seconds it may keep an
# anonymous page (Cache-Control: s-maxage), shorter for addresses with a query (filters,
# search) and for pages that change without a publish (an event's places), which no
# purge reaches. Browsers always ask again (max-age=0).
SHARED_CACHE_SECONDS = int(os.environ.get("ZUKUNFTSHUB_SHARED_CACHE_SECONDS", "300"))
SHARED_CACHE_SECONDS_QUERY = 60
SHARED_CACHE_SECONDS_CHANGING = 10
# Our own page cache keeps such pages at most this long (in case a version bump was lost).
PAGE_CACHE_SECONDS_DEPENDENT = 120
# Publishing purges what changed from the CDN, through wagtail.contrib.frontend_cache's
# backends: ZUKUNFTSHUB_PURGE_URL for Varnish/nginx-style PURGE requests, or Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("ZUKUNFTSHUB_PURGE_URL"):
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["ZUKUNFTSHUB_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
# Every language version is its own page with its own address (cms/frontend_cache.py).
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts for learners (cms/accounts/, docs/decisions/0007-accounts.md): sign-up and
# login by e-mail address through django-allauth, with a confirmed address. Staff keep
# Wagtail's own admin login by username, which admits only users with admin access.
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out account and address (cms/lockout.py).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "account_profile"
# Pages that editors restrict to logged-in users send visitors to the same login.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAILADMIN_USER_LOGIN_FORM = "cms.accounts.forms.AdminLoginForm"
# Sign-in lock-out across processes (cms/lockout.py): five failures are told as usual,
# the sixth and every attempt after it get the lock-out page for 15 minutes.
AXES_FAILURE_LIMIT = 6
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "cms.lockout.username"
AXES_CLIENT_IP_CALLABLE = "cms.lockout.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
# A wrong password during the lock-out does not start it again (an office network would
# stay locked out by one stubborn colleague).
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# No log of who signed in when. What a failure keeps until it no longer counts (at most
# 15 minutes plus the hourly forget_failed_sign_ins): account, address, browser, the
# address of the form and its fields with the password and the e-mail masked.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "login", "email", "password1", "password2"]
AXES_VERBOSE = False

ACCOUNT_ADAPTER = "cms.accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "cms.accounts.adapter.user_display"
ACCOUNT_FORMS = {
    "login": "cms.accounts.forms.LoginForm",
    "signup": "cms.accounts.forms.SignupForm",
    "reset_password": "cms.accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "cms.accounts.forms.ResetPasswordKeyForm",
    "change_password": "cms.accounts.forms.ChangePasswordForm",
    "set_password": "cms.accounts.forms.SetPasswordForm",
}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]  # the username is generated
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# The same answer whether an address has an account or not; no mail to unknown addresses.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# allauth's limits, kept in the "default" cache (Redis when REDIS_URL is set). A class
# signing up together behind one address stays below the per-address limits.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",  # key: the e-mail address tried
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",  # also: passwords entered to delete an account
    "confirm_email": "1/3m/key",
}

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
MEDIA_ROOT = Path(os.environ.get("ZUKUNFTSHUB_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# S3-compatible media storage, when a programme outgrows one machine's disk.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    from botocore.config import Config

    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY")
    AWS_S3_FILE_OVERWRITE = False  # Wagtail renditions rely on unique names
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_CLIENT_CONFIG = Config(
        request_checksum_calculation="when_required",
        response_checksum_validation="when_required",
    )

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

# Content-Security-Policy. The public site has no inline script or style at all,
# so cached pages keep a strict policy without nonces; Wagtail's admin still needs
# inline code and has a policy of its own below (docs/decisions/0012).
# Media on S3 come from its custom domain (a CDN), else from the S3 endpoint itself.
_media_hosts = []
if AWS_STORAGE_BUCKET_NAME and AWS_S3_CUSTOM_DOMAIN:
    _media_hosts = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
elif AWS_STORAGE_BUCKET_NAME and AWS_S3_ENDPOINT_URL:
    _endpoint = urlsplit(AWS_S3_ENDPOINT_URL)
    _media_hosts = [f"{_endpoint.scheme}://{_endpoint.netloc}"]
elif AWS_STORAGE_BUCKET_NAME:
    _media_hosts = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
    if AWS_S3_REGION_NAME:
        _media_hosts.append(
            f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"
        )
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media_hosts],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", *_media_hosts],
        # Video platforms are framed only after a visitor's click (cms.blocks.VideoBlock).
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Wagtail's admin renders inline scripts and knows no nonce: 'unsafe-inline' for scripts
# and styles there, and nothing from another host (cms/admin_csp.py).
ADMIN_CONTENT_SECURITY_POLICY = {  # the directives
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *_media_hosts],
    "frame-src": ["'self'"],
    "frame-ancestors": ["'self'"],
}
# The admin shows initials instead of loading avatars from gravatar.com.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"  # previews: SAMEORIGIN (cms/preview.py)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page of the site uses these browser features: none may, in frames neither.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "xr-spatial-tracking",
    )
}

# Anonymous form submissions per visitor and form within the window (cms/ratelimit.py).
FORM_RATE_LIMIT = (int(os.environ.get("ZUKUNFTSHUB_FORM_RATE_LIMIT", "5")), 600)
# Sites that may show a Quickcheck in an iframe (CSP frame-ancestors), e.g.
# "https://www.partner.example,https://kammer.example"; empty: only this site.
QUICKCHECK_FRAME_ANCESTORS = env_list("ZUKUNFTSHUB_QUICKCHECK_FRAME_ANCESTORS")
# Quickcheck results per visitor and window (seconds): a Lotse may take several in a row.
QUICKCHECK_RATE_LIMIT = (20, 3600)

# /healthz/ answers from a process's last result for this many seconds (cms/health.py).
HEALTH_CHECK_SECONDS = 5

# Events: how long a seat is held for a registration whose e-mail is not yet confirmed,
# how many days after an event its registrations are deleted (purge_registrations),
# and registrations per visitor and hour.
EVENT_HOLD_MINUTES = int(os.environ.get("ZUKUNFTSHUB_EVENT_HOLD_MINUTES", "30"))
# Against seat hoarding: registrations one visitor may send per event within the hold
# time, and the places unconfirmed registrations may hold at once (half of the event,
# at least this many); against mail to strangers: e-mails per address and day.
EVENT_HOLDS_PER_VISITOR = int(os.environ.get("ZUKUNFTSHUB_EVENT_HOLDS_PER_VISITOR", "2"))
EVENT_PENDING_MIN = 10
EVENT_MAILS_PER_ADDRESS = (5, 24 * 3600)
EVENT_RETENTION_DAYS = int(os.environ.get("ZUKUNFTSHUB_EVENT_RETENTION_DAYS", "30"))
EVENT_RATE_LIMIT = (int(os.environ.get("ZUKUNFTSHUB_EVENT_RATE_LIMIT", "10")), 3600)
# Offerings not checked for this many months appear in the editors' report.
OFFERING_CHECK_MONTHS = int(os.environ.get("ZUKUNFTSHUB_OFFERING_CHECK_MONTHS", "6"))
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
