"""Local development and the demo (`make run`): no environment needed."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-demo-key-only-for-local-use")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
DEMO_MODE = True
# Links in the admin's notification e-mails lead to the port the demo runs on (make run).
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or (
    f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
)
# gunicorn serves uploaded media itself in the demo; production puts them on S3
# or behind the web server.
SERVE_MEDIA = True
