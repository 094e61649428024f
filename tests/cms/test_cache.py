"""Unit tests of cms/cache.py: values kept under the versions they were built from, in
this process's memory and the cache, and what counts as a public change."""

from django.core.cache import caches

import pytest

from cms import cache, counters

pytestmark = pytest.mark.django_db  # a change is raised again when its transaction commits


@pytest.fixture
def built():
    calls = []

    def build(value="wert"):
        def make():
            calls.append(value)
            return value

        return make

    build.calls = calls
    return build


def test_kept_builds_once_per_generation(built):
    assert cache.kept("probe", 1, build=built("a")) == "a"
    assert cache.kept("probe", 1, build=built("b")) == "a"  # from memory
    cache.forget_memory()
    assert cache.kept("probe", 1, build=built("c")) == "a"  # from the cache
    cache.invalidate()
    assert cache.kept("probe", 1, build=built("d")) == "d"  # a new generation
    assert built.calls == ["a", "d"]


def test_kept_follows_its_own_versions_and_not_the_generation(built):
    options = {"versions": ("probe-version",), "generation": False}
    assert cache.kept("probe", build=built("a"), **options) == "a"
    cache.invalidate()
    assert cache.kept("probe", build=built("b"), **options) == "a"
    counters.changed("probe-version")
    assert cache.kept("probe", build=built("c"), **options) == "c"


def test_parts_name_different_values(built):
    assert cache.kept("probe", "de", build=built("deutsch")) == "deutsch"
    assert cache.kept("probe", "en", build=built("english")) == "english"


def test_memory_forgets_after_its_time_and_the_cache_answers(built, monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(cache.time, "monotonic", lambda: now[0])
    cache.remembered("probe-key", built("a"))
    caches["default"].set("probe-key", "from the cache")
    assert cache.recall("probe-key") == "a"  # memory first
    now[0] += cache.MEMORY_SECONDS + 1
    assert cache.recall("probe-key") == "from the cache"


def test_memory_keeps_at_most_memory_max_values(monkeypatch, built):
    monkeypatch.setattr(cache, "MEMORY_MAX", 3)
    for number in range(5):
        cache.keep(f"probe-{number}", number, memory=True)
    assert len(cache._memory) == 3
    assert cache._from_memory("probe-0") is None and cache._from_memory("probe-4") == 4


def test_values_only_for_the_cache_stay_out_of_memory(built):
    cache.remembered("probe-sql", built("a"), memory=False)
    assert cache._from_memory("probe-sql") is None
    assert caches["default"].get("probe-sql") == "a"


@pytest.mark.parametrize(
    ("update_fields", "public"),
    [
        (None, True),
        (["title"], True),
        (["latest_revision", "has_unpublished_changes"], False),
        (["locked", "locked_by", "locked_at"], False),
        (["draft_title", "live"], True),
    ],
)
def test_which_saves_change_what_the_public_sees(update_fields, public):
    assert cache.affects_public(update_fields) is public


def test_a_change_raises_the_version_now_and_on_commit(django_capture_on_commit_callbacks):
    before = counters.version("probe-version")
    with django_capture_on_commit_callbacks(execute=True):
        counters.changed("probe-version")
        during = counters.version("probe-version")
    assert before < during < counters.version("probe-version")
