"""Sign-in lock-out with django-axes, for the admin, Django's admin and learners alike.

Failed sign-ins are counted in the database per account and client address, so the limit
holds across all gunicorn workers and app servers (allauth's own limits for ``/konto/``
count in the cache, per worker without Redis). After AXES_FAILURE_LIMIT failures that
account cannot sign in from that address for AXES_COOLOFF_TIME, not even with the right
password; elsewhere it still can, so a guesser cannot lock the editors out.
"""

from django.shortcuts import render
from django.urls import reverse

from .ratelimit import client_address


def username(request, credentials):
    """The account tried: the admin sends "username", allauth "email" or "login"."""
    credentials = credentials or {}
    value = (
        credentials.get("username")
        or credentials.get("email")
        or request.POST.get("username")
        or request.POST.get("login")
        or ""
    )
    return value.strip().lower()


def client_ip(request):
    return client_address(request)


def locked_out(request, credentials=None, *args):
    return render(
        request,
        "lockout.html",
        {"reset_url": reverse("account_reset_password")},
        status=429,
    )
