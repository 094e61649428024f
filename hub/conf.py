"""The HUB's settings and their defaults. A project may set any of them in its Django
settings; the defaults read the environment where the README names a variable."""

from cms.conf import PluginSettings, env_int

settings = PluginSettings(
    {
        # Events: how long a seat is held for a registration whose e-mail is not yet
        # confirmed, and how many days after an event its registrations are deleted
        # (purge_registrations).
        "EVENT_HOLD_MINUTES": env_int("ZUKUNFTSHUB_EVENT_HOLD_MINUTES", 30),
        "EVENT_RETENTION_DAYS": env_int("ZUKUNFTSHUB_EVENT_RETENTION_DAYS", 30),
        # Against seat hoarding: registrations one visitor may send per event within the
        # hold time, and the places unconfirmed registrations may hold at once (half of
        # the event, at least this many); against mail to strangers: e-mails per address
        # and day; registrations per visitor and hour.
        "EVENT_HOLDS_PER_VISITOR": env_int("ZUKUNFTSHUB_EVENT_HOLDS_PER_VISITOR", 2),
        "EVENT_PENDING_MIN": 10,
        "EVENT_MAILS_PER_ADDRESS": (5, 24 * 3600),
        "EVENT_RATE_LIMIT": (env_int("ZUKUNFTSHUB_EVENT_RATE_LIMIT", 10), 3600),
        # Offerings not checked for this many months appear in the editors' report.
        "OFFERING_CHECK_MONTHS": env_int("ZUKUNFTSHUB_OFFERING_CHECK_MONTHS", 6),
    }
)
