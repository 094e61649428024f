"""Everything stored about a user, gathered for the export and removed on deletion.

The account's own data (user record, e-mail addresses, profile) is registered as
``PersonalData`` records like any plugin's, so the export and the deletion have one
list to walk.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Profile
from ..plugins import PersonalData, registry


def collect(user):
    """The export: every registered record's data, the account's own first."""
    data = {"exported_at": timezone.now()}
    for record in registry.sorted_personal_data():
        data[record.key] = {"label": record.label, "data": record.export(user)}
    return data


def erase(user):
    """Delete the user for good: first what plugins keep (their ``delete``), then the
    user with everything that hangs on it. All or nothing."""
    with transaction.atomic():
        for record in registry.sorted_personal_data():
            if record.delete is not None:
                record.delete(user)
        user.delete()


def _account(user):
    return {
        "username": user.get_username(),
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def _email_addresses(user):
    from allauth.account.models import EmailAddress

    return [
        {"email": address.email, "verified": address.verified, "primary": address.primary}
        for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    ]


def _profile(user):
    profile = Profile.objects.filter(user=user).first()
    if profile is None:
        return {}
    return {
        "display_name": profile.display_name,
        "organisation": profile.organisation,
        "updated_at": profile.updated_at,
    }


def register():
    """The account's own records; they go with the user, so they need no ``delete``."""
    registry.add_personal_data(
        PersonalData(key="account", label=_("Account"), export=_account, order=0)
    )
    registry.add_personal_data(
        PersonalData(
            key="account.email_addresses",
            label=_("E-mail addresses"),
            export=_email_addresses,
            order=1,
        )
    )
    registry.add_personal_data(
        PersonalData(key="account.profile", label=_("Profile"), export=_profile, order=2)
    )
