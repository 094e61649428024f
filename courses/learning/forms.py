"""The learner's enrolment-key form on a course page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import EnrolmentKey, normalise_key


class EnrolmentKeyForm(forms.Form):
    schluessel = forms.CharField(
        label=_("Enrolment key"),
        max_length=40,
        help_text=_("You get it from your trainer, e.g. ABCD-EFGH-JKLM."),
        error_messages={"required": _("Please enter your enrolment key.")},
    )

    def __init__(self, *args, course=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course
        self.key = None

    def clean_schluessel(self):
        value = normalise_key(self.cleaned_data["schluessel"])
        key = EnrolmentKey.objects.filter(
            key=value, course__translation_key=self.course.translation_key
        ).first()
        if key is None:
            raise forms.ValidationError(
                _(
                    "This enrolment key does not fit this course. Please check how it is "
                    "written, or ask your trainer."
                )
            )
        if not key.is_valid_today():
            raise forms.ValidationError(
                _("This enrolment key is no longer valid. Please ask your trainer for a new one.")
            )
        self.key = key
        return value
