"""The account pages under /konto/ (German) and /en/account/ (English).

allauth's views under the site's own, translated paths; the names are allauth's, so
its views and e-mails find them. Email management, login by code, phone numbers and
passkeys are not offered.
"""

from django.urls import path, re_path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache

from allauth.account import views as allauth

from . import views

urlpatterns = [
    path("", views.profile, name="account_profile"),
    path(pgettext_lazy("URL path", "login/"), never_cache(allauth.login), name="account_login"),
    path(pgettext_lazy("URL path", "logout/"), never_cache(allauth.logout), name="account_logout"),
    path(pgettext_lazy("URL path", "signup/"), never_cache(allauth.signup), name="account_signup"),
    path(
        pgettext_lazy("URL path", "inactive/"),
        never_cache(allauth.account_inactive),
        name="account_inactive",
    ),
    path(
        pgettext_lazy("URL path", "confirm-email/"),
        never_cache(allauth.email_verification_sent),
        name="account_email_verification_sent",
    ),
    re_path(
        format_lazy(r"^{}(?P<key>[-:\w]+)/$", pgettext_lazy("URL path", "confirm-email/")),
        never_cache(allauth.confirm_email),
        name="account_confirm_email",
    ),
    path(
        pgettext_lazy("URL path", "reauthenticate/"),
        never_cache(allauth.reauthenticate),
        name="account_reauthenticate",
    ),
    path(
        pgettext_lazy("URL path", "password/change/"),
        never_cache(allauth.password_change),
        name="account_change_password",
    ),
    path(
        pgettext_lazy("URL path", "password/set/"),
        never_cache(allauth.password_set),
        name="account_set_password",
    ),
    path(
        pgettext_lazy("URL path", "password/reset/"),
        never_cache(allauth.password_reset),
        name="account_reset_password",
    ),
    path(
        pgettext_lazy("URL path", "password/reset/done/"),
        never_cache(allauth.password_reset_done),
        name="account_reset_password_done",
    ),
    re_path(
        format_lazy(
            r"^{}(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
            pgettext_lazy("URL path", "password/reset/key/"),
        ),
        never_cache(allauth.password_reset_from_key),
        name="account_reset_password_from_key",
    ),
    path(
        pgettext_lazy("URL path", "password/reset/key/done/"),
        never_cache(allauth.password_reset_from_key_done),
        name="account_reset_password_from_key_done",
    ),
    path(pgettext_lazy("URL path", "data/"), views.download_data, name="account_download_data"),
    path(pgettext_lazy("URL path", "delete/"), views.delete_account, name="account_delete"),
    path(pgettext_lazy("URL path", "deleted/"), views.account_deleted, name="account_deleted"),
]
