"""Go-live and expiry times happen by themselves (manage.py run_scheduled)."""

import datetime

from django.core.management import call_command

import time_machine

from cms.management.commands import run_scheduled
from cms.plugins import ScheduledJob, registry
from hub.models import NewsPage

START = datetime.datetime(2026, 12, 4, 14, 20, tzinfo=datetime.UTC)


def test_publishing_is_scheduled_every_minute_or_so():
    jobs = {job.command: job for job in registry.sorted_scheduled_jobs()}
    assert jobs["publish_scheduled"].every <= 60
    assert {"release_expired_holds", "purge_registrations"} <= set(jobs)


def test_a_page_goes_live_and_another_expires_at_their_times(client, db):
    with time_machine.travel(START, tick=False) as clock:
        coming, going = NewsPage.objects.live().filter(locale__language_code="de")[:2]
        coming.unpublish()
        coming.go_live_at = START + datetime.timedelta(minutes=1)
        coming.save_revision().publish()  # approved for 14:21, not live yet
        going.expire_at = START + datetime.timedelta(minutes=1)
        going.save_revision().publish()
        coming.refresh_from_db()
        assert not coming.live and coming.get_latest_revision().approved_go_live_at
        assert client.get(coming.url).status_code == 404
        assert client.get(going.url).status_code == 200  # now in the page cache

        clock.shift(90)
        call_command("run_scheduled", "--once")

        assert client.get(coming.url).status_code == 200
        assert client.get(going.url).status_code == 404
        going.refresh_from_db()
        assert going.expired and not going.live


def test_a_failing_job_does_not_stop_the_others(db, caplog, monkeypatch):
    ran = []

    def recording(name, *args, **kwargs):
        ran.append(name)
        return call_command(name, *args, **kwargs)

    monkeypatch.setattr(run_scheduled, "call_command", recording)
    broken = ScheduledJob(key="broken", command="no_such_command", every=1)
    with registry.temporarily(broken):
        call_command("run_scheduled", "--once")
    assert "Scheduled job broken failed" in caplog.text
    assert ran[0] == "no_such_command" and "publish_scheduled" in ran[1:]
