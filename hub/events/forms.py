"""The forms of events: the visitors' registration form, and the event page's edit form
(checks that need the dates, which live in an inline formset the page's own ``clean()``
cannot see yet)."""

import re

from django import forms
from django.core.validators import MaxValueValidator
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class EventPageForm(WagtailAdminPageForm):
    def _first_start(self):
        formset = self.formsets.get("dates")
        if formset is None or not formset.is_valid():
            return None
        starts = [
            form.cleaned_data["start"]
            for form in formset.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("start")
        ]
        return min(starts, default=None)

    def clean(self):
        cleaned_data = super().clean()
        closes = cleaned_data.get("registration_closes")
        opens = cleaned_data.get("registration_opens")
        first = self._first_start() if (closes or opens) else None
        if first is not None:
            when = date_format(timezone.localtime(first), "SHORT_DATETIME_FORMAT")
            if closes and closes > first:
                self.add_error(
                    "registration_closes",
                    _(
                        "Registration must close when the event starts at the latest "
                        "(first date: %(start)s). Leave the field empty to close it then."
                    )
                    % {"start": when},
                )
            if opens and opens >= first:
                self.add_error(
                    "registration_opens",
                    _("Registration must open before the event starts (first date: %(start)s).")
                    % {"start": when},
                )
        return cleaned_data


# A scheme, "www.", a lower-case domain ending or a domain with a path: "betrug.com",
# "https://…", "bit.ly/x"; not "Dr. A.De Vries" (names start with capitals).
WEB_ADDRESS = re.compile(
    r"(?i:[a-z][a-z0-9+.-]*://|www\.)|[\w-]+\.(?:com|net|org|de|eu|info|biz|ru|cn|io|xyz|"
    r"top|site|online|link|click|ly|me|co|shop|app)\b|[\w-]+\.[a-z]{2,}/"
)


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)
    email = forms.EmailField(
        label=_("E-mail"),
        help_text=_("We send you a link to confirm your registration."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    company = forms.CharField(label=_("Company"), max_length=200, required=False)
    colleagues = forms.IntegerField(
        label=_("Colleagues you bring along"),
        min_value=0,
        initial=0,
        required=False,
        help_text=_("Only your own details are needed."),
    )
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. step-free access, sign language interpreting, induction loop."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are used as the privacy notice describes.")
    )

    def _plain(self, field):
        """One line without web addresses: the text goes into e-mails to whatever
        address was typed, and must not carry a stranger's link or header."""
        value = " ".join(self.cleaned_data[field].split())
        if WEB_ADDRESS.search(value):
            raise forms.ValidationError(
                gettext("Please give only the name here, without a web address.")
            )
        return value

    def clean_name(self):
        return self._plain("name")

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["company"].widget.attrs["autocomplete"] = "organization"
        if event.max_group_size > 1:
            limit = event.max_group_size - 1
            field = self.fields["colleagues"]
            field.validators.append(_max(limit))
            field.widget.attrs.update(min=0, max=limit)
        else:
            del self.fields["colleagues"]


def _max(limit):
    return MaxValueValidator(
        limit,
        message=gettext("You can bring at most %(limit)s colleagues.") % {"limit": limit},
    )
