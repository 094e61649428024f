"""The event page's edit form: checks that need the dates, which live in an inline
formset the page's own ``clean()`` cannot see yet."""

from django.utils import timezone
from django.utils.formats import date_format
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
