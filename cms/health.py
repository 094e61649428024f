"""``/healthz/`` for a load balancer: 200 when the database, both caches, the file
storage and the task queue work, else 503. The answer names each part and whether it
works, nothing more: no versions, hosts, paths or error texts (django-health-check's own
views print the exceptions).
"""

import dataclasses
import time

from django.conf import settings
from django.db import DatabaseError
from django.http import JsonResponse

from django_tasks_db.models import DBTaskResult
from health_check.base import HealthCheck
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView


@dataclasses.dataclass
class TaskQueue(HealthCheck):
    """The queue of background tasks can be read (with the database backend)."""

    def run(self):
        if "django_tasks_db" not in settings.TASKS["default"]["BACKEND"]:
            return  # tasks run at once in the request: no queue to reach
        try:
            DBTaskResult.objects.exists()
        except DatabaseError as error:
            raise ServiceUnavailable("task queue") from error


# (name in the answer, check)
CHECKS = (
    ("database", (Database, {})),
    ("cache", (Cache, {"alias": "default"})),
    ("shared-cache", (Cache, {"alias": "shared"})),
    ("storage", (Storage, {})),
    ("tasks", (TaskQueue, {})),
)


# The last result of this process: (monotonic time, parts). Anyone may call /healthz/,
# and every check writes to the cache and the storage.
_last = [0.0, None]


class HealthView(HealthCheckView):
    checks = tuple(check for _name, check in CHECKS)

    async def get(self, request, *args, **kwargs):
        checked_at, parts = _last
        if parts is None or time.monotonic() - checked_at >= settings.HEALTH_CHECK_SECONDS:
            await super().get(request, *args, **kwargs)  # runs the checks into self.results
            parts = {
                name: "ok" if not result.error else "unavailable"
                for (name, _check), result in zip(CHECKS, self.results, strict=True)
            }
            _last[:] = [time.monotonic(), parts]
        healthy = all(state == "ok" for state in parts.values())
        return JsonResponse(
            {"status": "ok" if healthy else "unavailable", "checks": parts},
            status=200 if healthy else 503,
        )
