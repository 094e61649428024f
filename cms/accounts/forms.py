"""allauth's forms as the site shows forms, and the forms of the account pages."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from allauth.account import forms as allauth_forms

from ..models import Profile

# allauth raises this one itself and translates it informally ("Du musst ..."). The
# same msgid in cms's catalogue wins (cms comes first in INSTALLED_APPS) and gives the
# site's wording.
gettext_noop("You must type the same password each time.")

NEW_PASSWORD_FIELDS = ("password1",)


class SiteFormMixin:
    """Visible labels instead of placeholders (a placeholder vanishes as one types),
    and the password rules as plain text: the site's field component shows help text
    in a paragraph that the input refers to with aria-describedby."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.widget.attrs.pop("placeholder", None)
            if name in NEW_PASSWORD_FIELDS:
                field.help_text = " ".join(password_validation.password_validators_help_texts())


class LoginForm(SiteFormMixin, allauth_forms.LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("E-mail address")
        # The page links "Forgotten your password?" below the form: a link between the
        # label and its field would come first in the tab order.
        self.fields["password"].help_text = ""
        self.fields["remember"].label = _("Stay signed in on this device")


class SignupForm(SiteFormMixin, allauth_forms.SignupForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")

    def try_save(self, request):
        # A known address got its answer in milliseconds, a new one after hashing the
        # password: the time told who has an account. Both now hash the password.
        if self.account_already_exists:
            make_password(self.cleaned_data.get("password1") or "")
        return super().try_save(request)


class ResetPasswordForm(SiteFormMixin, allauth_forms.ResetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].label = _("E-mail address")


class ResetPasswordKeyForm(SiteFormMixin, allauth_forms.ResetPasswordKeyForm):
    pass


class ChangePasswordForm(SiteFormMixin, allauth_forms.ChangePasswordForm):
    pass


class SetPasswordForm(SiteFormMixin, allauth_forms.SetPasswordForm):
    pass


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's admin login, for the editorial team only: a learner's account (whose
    username allauth generates) cannot sign in here, so nobody gets around the
    confirmation of their e-mail address by signing in with a username."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's field has no label, so the admin showed the English field name.
        self.fields["password"].label = _("Password")

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.has_perm("wagtailadmin.access_admin"):
            raise self.get_invalid_login_error()


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = ["display_name", "organisation"]
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        help_text=_("To make sure that it is you who deletes the account."),
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, rate_limited=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.rate_limited = rate_limited

    def clean_password(self):
        if self.rate_limited:
            raise ValidationError(
                _("Too many attempts in a short time. Please wait a minute and try again."),
                code="rate_limited",
            )
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(
                _("This is not your password. Your account has not been deleted."),
                code="incorrect",
            )
        return password
