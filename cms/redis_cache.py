"""Redis for the caches: the "default" cache failing open, and the page cache's reads.

The "default" cache on Redis fails open when Redis does not answer.

With ``IGNORE_EXCEPTIONS`` django-redis answers a failed ``add()`` with None. allauth's
rate limits take a lock with ``add()`` and wait for it: with Redis down every sign-in
at /konto/ waited and was then refused. Here a failed ``add()`` counts as taken, so
locks of the default cache go ahead while Redis is away. The "shared" cache keeps
django-redis's None, which cms/counters.py reads as "count in this process".
"""

import os
import threading

from django_redis.cache import RedisCache


class FailOpenRedisCache(RedisCache):
    def add(self, *args, **kwargs):
        added = super().add(*args, **kwargs)
        return True if added is None else added


_line = threading.local()


def version_name(shared, name):
    """The Redis key of a version, made once per cache client."""
    made = shared.client.__dict__.setdefault("_zh_names", {})
    if name not in made:
        made[name] = shared.client.make_key(name)
    return made[name]


def mget(client, names):
    """MGET on a connection of this thread's own, made with the settings (timeouts
    included) of the client's pool: a page-cache hit is little more than this round
    trip, and the pool's checkout, release and retry bookkeeping cost nearly as much
    as the round trip itself. A connection that fails is dropped and made anew; a
    forked process or a new pool makes its own."""
    pool = client.connection_pool
    connection = getattr(_line, "connection", None)
    if connection is None or _line.pool is not pool or _line.pid != os.getpid():
        if connection is not None and _line.pid == os.getpid():
            connection.disconnect()  # the cache settings changed (tests)
        connection = pool.connection_class(**pool.connection_kwargs)
        _line.connection, _line.pool, _line.pid = connection, pool, os.getpid()
    try:
        connection.send_command("MGET", *names)
        return connection.read_response()
    except BaseException:
        connection.disconnect()
        _line.connection = None
        raise
