"""/healthz/ for a load balancer: 200 when every part works, 503 when one does not, and
nothing in the answer that tells an attacker about the installation."""

import json

from django.core.cache import caches

import pytest

PARTS = {"database", "cache", "shared-cache", "storage", "tasks"}


@pytest.mark.django_db
def test_health_reports_every_part_working(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    body = response.json()
    assert body == {"status": "ok", "checks": dict.fromkeys(PARTS, "ok")}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert not response.cookies


@pytest.mark.django_db
def test_health_says_503_when_a_cache_fails_and_names_no_detail(client, monkeypatch):
    cache = caches["shared"]

    async def broken(*args, **kwargs):
        raise ConnectionError("redis://10.0.0.7:6379 refused")

    monkeypatch.setattr(cache, "aset", broken)
    response = client.get("/healthz/")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["shared-cache"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    text = json.dumps(body)
    assert "10.0.0.7" not in text and "redis" not in text and "Error" not in text


@pytest.mark.django_db
def test_health_says_503_when_the_storage_fails(client, monkeypatch):
    from django.core.files.storage import storages

    def broken(*args, **kwargs):
        raise OSError("/srv/zukunftshub/media is read-only")

    monkeypatch.setattr(storages["default"], "save", broken)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == "unavailable"
    assert "/srv" not in response.text


@pytest.mark.django_db
def test_health_reads_the_task_queue_with_the_database_backend(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert client.get("/healthz/").json()["checks"]["tasks"] == "ok"


@pytest.mark.django_db
def test_a_process_answers_from_its_last_result_for_a_few_seconds(client, settings, monkeypatch):
    """Anyone may call /healthz/: calling it often must not write to the storage each time."""
    from django.core.files.storage import storages

    settings.HEALTH_CHECK_SECONDS = 60
    assert client.get("/healthz/").status_code == 200

    def broken(*args, **kwargs):
        raise OSError("read-only")

    monkeypatch.setattr(storages["default"], "save", broken)
    assert client.get("/healthz/").status_code == 200  # the last result, not a new check
    settings.HEALTH_CHECK_SECONDS = 0
    assert client.get("/healthz/").status_code == 503
