"""The core's own tests: they need nothing but `cms`, and `make test` runs them with every
plugin switched off (ZUKUNFTSHUB_PLUGINS=none), so the core cannot quietly come to depend on
a plugin. The fixtures of tests/conftest.py apply here too."""
