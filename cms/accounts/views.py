"""The account pages allauth does not bring: profile, data download, deletion."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from allauth.core import ratelimit

from ..models import Profile
from ..plugins import registry
from . import personal_data
from .adapter import programme_name
from .forms import DeleteAccountForm, ProfileForm


def managed_by_admins(user):
    """Editorial accounts are created and removed in the admin, not by their owner:
    their name stays on revisions and workflow steps."""
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


@never_cache
@login_required
def profile(request):
    instance = Profile.objects.filter(user=request.user).first() or Profile(user=request.user)
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("account_profile")
    links = [(link.label, link.url(request)) for link in registry.sorted_account_links()]
    return render(
        request,
        "account/profile.html",
        {"form": form, "links": [(label, url) for label, url in links if url]},
    )


@never_cache
@login_required
@require_GET
def download_data(request):
    """Everything stored about the user, as a JSON file (GDPR Art. 15 and 20)."""
    data = personal_data.collect(request.user)
    content = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    name = f"{slugify(programme_name(request)) or 'account'}-{timezone.localdate():%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    return response


@never_cache
@login_required
def delete_account(request):
    user = request.user
    if managed_by_admins(user):
        return render(request, "account/delete.html", {"managed": True})
    if request.method == "POST":
        allowed = ratelimit.consume(request, action="reauthenticate", user=user)
        form = DeleteAccountForm(request.POST, user=user, rate_limited=not allowed)
        if form.is_valid():
            personal_data.erase(user)
            logout(request)
            return redirect("account_deleted")
    else:
        form = DeleteAccountForm(user=user)
    # Said before the user confirms: what stops working, e.g. certificates' codes.
    notices = [
        notice
        for record in registry.sorted_personal_data()
        if record.deletion_notice is not None and (notice := record.deletion_notice(user))
    ]
    return render(request, "account/delete.html", {"form": form, "notices": notices})


@never_cache
def account_deleted(request):
    return render(request, "account/deleted.html")
