"""Sign-in lock-out with django-axes, for the admin, Django's admin and learners alike.

Failed sign-ins are counted in the database per account and client address, so the limit
holds across all gunicorn workers and app servers (allauth's own limits for ``/konto/``
count in the cache, per worker without Redis). After AXES_FAILURE_LIMIT failures that
account cannot sign in from that address for AXES_COOLOFF_TIME, not even with the right
password; elsewhere it still can, so a guesser cannot lock the editors out.
"""

import ipaddress

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
    """The client's address; IPv6 addresses by their /64 network, which one connection
    owns as a whole (else every address in it would bring five fresh tries)."""
    address = client_address(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6 and not parsed.ipv4_mapped:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return address


def locked_out(request, credentials=None, *args):
    return render(
        request,
        "lockout.html",
        {"reset_url": reverse("account_reset_password")},
        status=429,
    )
