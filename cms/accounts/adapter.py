"""How allauth fits the site: names, addresses, e-mails and wording."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from allauth.account.adapter import DefaultAccountAdapter

from ..i18n import localized
from ..models import Profile, SiteSettings
from ..ratelimit import client_address


def display_name(user):
    """The learner's own name if they gave one; '' otherwise (never the username,
    which allauth generates and nobody needs to see)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    cached = getattr(user, "_zh_display_name", None)
    if cached is None:
        profile = Profile.objects.filter(user=user).only("display_name").first()
        cached = user._zh_display_name = profile.display_name if profile else ""
    return cached


def user_display(user):
    """How allauth names a user in messages and e-mails (ACCOUNT_USER_DISPLAY)."""
    return display_name(user) or user.email


def programme_name(request):
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        name = SiteSettings.for_site(site).programme_name
        if name:
            return name
    return settings.WAGTAIL_SITE_NAME


class AccountAdapter(DefaultAccountAdapter):
    # allauth's German speaks informally and mixes "du" and "Sie"; the site says "Sie".
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": _("The e-mail address or the password is not correct."),
        "enter_current_password": _("Please enter your current password."),
        "incorrect_password": _("The password is not correct."),
        "too_many_login_attempts": _(
            "Too many failed attempts to sign in. Please wait a few minutes and try again."
        ),
        "unverified_primary_email": _("Please confirm your e-mail address first."),
        "rate_limited": _("Too many requests in a short time. Please wait a moment."),
    }

    def get_client_ip(self, request):
        """The address rate limits count by, as for every other form of the site
        (honours ZUKUNFTSHUB_NUM_PROXIES)."""
        return client_address(request) or super().get_client_ip(request)

    def format_email_subject(self, subject):
        return f"[{programme_name(self.request)}] {subject}"

    def send_mail(self, template_prefix, email, context):
        context = {"site_name": programme_name(self.request), **context}
        super().send_mail(template_prefix, email, context)

    def get_logout_redirect_url(self, request):
        """The home page in the language the visitor was using."""
        site = Site.find_for_request(request)
        if site is not None:
            return localized(site.root_page).get_url(request) or "/"
        return "/"

    def get_password_change_redirect_url(self, request):
        return reverse("account_profile")
