"""The toolbox's settings and their defaults. A project may set any of them in its
Django settings; the defaults read the environment where the README names a variable."""

from cms.conf import PluginSettings, env_list

settings = PluginSettings(
    {
        # Sites that may show a Quickcheck in an iframe (CSP frame-ancestors), e.g.
        # "https://www.partner.example,https://kammer.example"; empty: only this site.
        "QUICKCHECK_FRAME_ANCESTORS": env_list("ZUKUNFTSHUB_QUICKCHECK_FRAME_ANCESTORS"),
        # Quickcheck results per visitor and window (seconds): a Lotse may take several.
        "QUICKCHECK_RATE_LIMIT": (20, 3600),
    }
)
