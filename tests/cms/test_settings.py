"""Production reads everything from the environment and stops without its secrets."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json
from django.conf import settings
print(json.dumps({
    "debug": settings.DEBUG,
    "db": settings.DATABASES["default"]["ENGINE"],
    "db_name": settings.DATABASES["default"]["NAME"],
    "cache": settings.CACHES["default"]["BACKEND"],
    "shared": settings.CACHES["shared"]["BACKEND"],
    "storage": settings.STORAGES["default"]["BACKEND"],
    "search": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"],
    "email": settings.EMAIL_BACKEND,
    "hosts": settings.ALLOWED_HOSTS,
    "ssl": settings.SECURE_SSL_REDIRECT,
    "img_src": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"],
}))
"""


def _settings(env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    clean.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", **env})
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup()\n{PROBE}"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings({"DJANGO_ALLOWED_HOSTS": "zukunftshub.example"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _settings({"DJANGO_SECRET_KEY": "x" * 50})
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_production_defaults_to_one_machine():
    result = _settings(
        {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "zukunftshub.example"}
    )
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["debug"] is False and config["ssl"] is True
    assert config["db"] == "django.db.backends.sqlite3"
    assert config["cache"].endswith("LocMemCache") and config["shared"].endswith("FileBasedCache")
    assert config["search"] == "wagtail.search.backends.database"
    assert config["email"].endswith("console.EmailBackend")


def test_production_scales_by_configuration():
    result = _settings(
        {
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "zukunftshub.example",
            "DATABASE_URL": "postgres://hub:secret@db.internal:5432/zukunftshub",
            "REDIS_URL": "redis://cache.internal:6379/0",
            "AWS_STORAGE_BUCKET_NAME": "media",
            "AWS_S3_CUSTOM_DOMAIN": "media.zukunftshub.example",
            "OPENSEARCH_URL": "https://search.internal:9200",
            "EMAIL_HOST": "smtp.internal",
        }
    )
    assert result.returncode == 0, result.stderr
    config = json.loads(result.stdout)
    assert config["db"] == "django.db.backends.postgresql" and config["db_name"] == "zukunftshub"
    assert config["cache"] == "cms.redis_cache.FailOpenRedisCache"  # Redis down: cms/redis_cache.py
    assert config["shared"] == "django_redis.cache.RedisCache"
    assert config["storage"] == "storages.backends.s3.S3Storage"
    assert config["search"] == "wagtail.search.backends.opensearch3"
    assert config["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert "https://media.zukunftshub.example" in config["img_src"]


def test_media_on_an_s3_endpoint_are_allowed_by_the_content_security_policy():
    result = _settings(
        {
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "zukunftshub.example",
            "AWS_STORAGE_BUCKET_NAME": "media",
            "AWS_S3_ENDPOINT_URL": "https://s3.region.example:9000",
        }
    )
    assert result.returncode == 0, result.stderr
    assert "https://s3.region.example:9000" in json.loads(result.stdout)["img_src"]


def test_pdfs_carry_the_chosen_logo_or_else_the_sites_mark(db):
    from wagtail.models import Site

    from cms.demo import demo_image
    from cms.models import SiteSettings
    from cms.pdf import programme_logo

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = None
    mark = programme_logo(settings)
    assert mark["src"].startswith("data:image/svg+xml;base64,")
    settings.logo = demo_image("Logo", "", size=(1280, 384))
    logo = programme_logo(settings)
    assert logo["src"].startswith("data:image/jpeg;base64,") and logo["height"] == 240
    assert logo["width"] == 800
