"""What a learner tells the site about themselves beyond the login."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Profile(models.Model):
    """Both fields are optional: an account needs no more than a confirmed e-mail address.

    Kept apart from Django's User (whose first and last name stay empty for learners)
    so that one free-text name serves every language and culture, and so that staff
    accounts stay exactly as they are. It goes with the user when the account is deleted.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(
        _("display name"),
        max_length=100,
        blank=True,
        help_text=_("How the site shows your name, e.g. “Anna Schmidt”. Optional."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("The company or institution you work or train at. Optional."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return self.display_name or str(self.user)
