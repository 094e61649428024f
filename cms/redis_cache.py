"""The "default" cache on Redis, failing open when Redis does not answer.

With ``IGNORE_EXCEPTIONS`` django-redis answers a failed ``add()`` with None. allauth's
rate limits take a lock with ``add()`` and wait for it: with Redis down every sign-in
at /konto/ waited and was then refused. Here a failed ``add()`` counts as taken, so
locks of the default cache go ahead while Redis is away. The "shared" cache keeps
django-redis's None, which cms/counters.py reads as "count in this process".
"""

from django_redis.cache import RedisCache


class FailOpenRedisCache(RedisCache):
    def add(self, *args, **kwargs):
        added = super().add(*args, **kwargs)
        return True if added is None else added
