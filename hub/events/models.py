"""The records of events: kinds of event, dates, registrations, and the anonymous
figures that stay when registrations are deleted. The pages: pages.py."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

from cms.models.taxonomy import Term


class EventKind(Term):
    """Lernreise, Work Lab, Workshop, Infoveranstaltung, … (editable)."""

    class Meta(Term.Meta):
        verbose_name = _("kind of event")
        verbose_name_plural = _("kinds of event")


class EventDate(Orderable):
    """One date of an event: a day with start and end time (Europe/Berlin)."""

    page = ParentalKey("hub.EventPage", on_delete=models.CASCADE, related_name="dates")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    month = models.PositiveIntegerField(editable=False, default=0)  # yyyymm, for the filter

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("end")])]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")

    def __str__(self):
        return self.label()

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The end must lie after the start.")})

    def save(self, *args, **kwargs):
        local = timezone.localtime(self.start)
        self.month = local.year * 100 + local.month
        return super().save(*args, **kwargs)

    def label(self):
        start, end = timezone.localtime(self.start), timezone.localtime(self.end)
        day = date_format(start, "l, j. F Y")
        if start.date() == end.date():
            return f"{day}, {start:%H:%M}–{end:%H:%M}"
        return f"{day}, {start:%H:%M} – {date_format(end, 'j. F Y')}, {end:%H:%M}"


class Registration(models.Model):
    """One person's registration for an event, possibly with colleagues (places > 1).

    Deleted a number of days after the event (`purge_registrations`); only the
    anonymous counts in EventFigures stay."""

    class Status(models.TextChoices):
        PENDING = "pending", _("awaiting confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")
        CANCELLED = "cancelled", _("cancelled")
        EXPIRED = "expired", _("not confirmed in time")

    ACTIVE = (Status.PENDING, Status.CONFIRMED, Status.WAITING)

    event = models.ForeignKey(
        "hub.EventPage", on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"))
    company = models.CharField(_("company"), max_length=200, blank=True)
    accessibility_needs = models.TextField(_("accessibility needs"), max_length=1000, blank=True)
    places = models.PositiveSmallIntegerField(_("places"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    email_confirmed = models.BooleanField(_("e-mail confirmed"), default=False)
    # The language of the page the visitor registered on: their e-mails are written in it
    # and link to the event's page in it.
    language = models.CharField(_("language"), max_length=8, default="de", editable=False)
    hold_until = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    attendance_sent_at = models.DateTimeField(
        _("confirmation of attendance sent"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"


class EventFigures(models.Model):
    """Anonymous counts of an event that stay when its registrations are deleted;
    also the row that registrations lock so that no event is overbooked."""

    event = models.OneToOneField("hub.EventPage", on_delete=models.CASCADE, related_name="figures")
    registered_places = models.PositiveIntegerField(default=0)
    attended_places = models.PositiveIntegerField(default=0)

    def __str__(self):
        return str(self.event_id)
