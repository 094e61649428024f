"""Local development and the demo (`make run`): no environment needed."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "insecure-demo-key-only-for-local-use")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
DEMO_MODE = True
# gunicorn serves uploaded media itself in the demo; production puts them on S3
# or behind the web server.
SERVE_MEDIA = True
