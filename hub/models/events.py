"""Events: Lernreisen to host companies, Work Labs, workshops and info events, with
dates, a listing of upcoming events and an archive, iCal, and registration (the rules
of registering, holding seats and moving up are in hub/registration.py)."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from cms.blocks import BaseStreamBlock
from cms.filters import Facet, MonthFacet
from cms.models.taxonomy import Term

from ..event_forms import EventPageForm
from .listing import RegionalIndexPage
from .taxonomy import Region, Topic

EVENTS_PER_PAGE = 12


class EventKind(Term):
    """Lernreise, Work Lab, Workshop, Infoveranstaltung, … (editable)."""

    class Meta(Term.Meta):
        verbose_name = _("kind of event")
        verbose_name_plural = _("kinds of event")


def start_of_today():
    """Midnight of today, local time: events whose last date ended before it are past."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time()))


class EventIndexPage(RoutablePageMixin, RegionalIndexPage):
    """Upcoming events with filters; past events move to the archive by themselves."""

    subpage_types = ["hub.EventPage"]
    per_page = EVENTS_PER_PAGE
    item_model = "EventPage"
    empty_message = _("No upcoming event matches all of your choices.")
    template = "hub/event_index_page.html"
    ordering = ("starts_at", "pk")

    class Meta:
        verbose_name = _("event listing")

    def facets(self):
        return [
            Facet("art", _("Kind of event"), "kind", EventKind),
            Facet("thema", _("Topic"), "topics", Topic),
            Facet("region", _("Region"), "region", Region),
            MonthFacet("monat", _("Month"), "dates__month"),
        ]

    def current(self, items):
        return items.filter(ends_at__gte=start_of_today())

    def prepare(self, results):
        return results.select_related("kind", "region").prefetch_related("dates")

    @path("")
    def index(self, request):
        return self.render(request)

    @path("archiv/", name="archive")
    def archive(self, request):
        """Past events, newest first."""
        from django.core.paginator import Paginator

        from cms.views import PAGE_PARAMETER

        past = (
            self.all_items()
            .filter(ends_at__lt=start_of_today())
            .order_by("-starts_at", "-pk")
            .select_related("kind", "region")
            .prefetch_related("dates")
        )
        page_obj = Paginator(past, self.per_page).get_page(request.GET.get(PAGE_PARAMETER))
        return self.render(
            request,
            template="hub/event_archive.html",
            context_overrides={"page_obj": page_obj},
        )

    # Wagtail serves only addresses of words and slashes: the .ics name comes with
    # the file (Content-Disposition).
    @path("kalender/", name="calendar")
    def calendar(self, request):
        """Every upcoming date of the listed events as one iCal feed."""
        from hub.calendar import calendar_response

        events = self.items().prefetch_related("dates")
        return calendar_response(request, events, f"{self.slug}.ics", self.title)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        return urls + [
            {**urls[0], "location": urls[0]["location"] + self.reverse_subpage("archive")}
        ]


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.CharBlock(label=_("Time"), max_length=40, help_text=_("E.g. '10:00–10:30'."))
    title = blocks.CharBlock(label=_("Item"), max_length=200)
    text = blocks.TextBlock(label=_("Description"), required=False, max_length=600)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "hub/blocks/agenda_item.html"


class EventPage(RoutablePageMixin, Page):
    """One event with its dates and registration."""

    kind = models.ForeignKey(
        EventKind, verbose_name=_("kind of event"), on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(_("summary"), max_length=400)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    audience = models.CharField(
        _("audience"), max_length=200, help_text=_("E.g. 'managers and staff of small firms'.")
    )
    cost = models.CharField(
        _("cost"), max_length=120, default=_("free of charge"), help_text=_("E.g. 'kostenfrei'.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("description"), blank=True)
    agenda = StreamField(
        [("item", AgendaItemBlock())], verbose_name=_("agenda"), blank=True, use_json_field=True
    )
    host = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("host organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact = models.ForeignKey(
        "cms.ContactPerson",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    online = models.BooleanField(
        _("online"), default=False, help_text=_("Online events need no address.")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    online_note = models.CharField(
        _("how to join online"),
        max_length=300,
        blank=True,
        help_text=_("Shown on the page; the link itself goes out with the confirmation."),
    )
    online_link = models.URLField(
        _("link to join"), blank=True, help_text=_("Sent only to confirmed participants.")
    )
    capacity = models.PositiveIntegerField(
        _("places"), default=20, validators=[MinValueValidator(1)]
    )
    max_group_size = models.PositiveSmallIntegerField(
        _("places per registration"),
        default=1,
        validators=[MinValueValidator(1)],
        help_text=_("More than 1 lets a registration bring colleagues."),
    )
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the event starts."),
    )
    registration_enabled = models.BooleanField(_("registration on this site"), default=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True, editable=False)
    # Kept from the dates on every save, for ordering and for telling past from upcoming.
    starts_at = models.DateTimeField(null=True, editable=False, db_index=True)
    ends_at = models.DateTimeField(null=True, editable=False, db_index=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("region")]),
        FieldPanel("summary"),
        InlinePanel("dates", label=_("Dates"), min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("online"),
                FieldPanel("venue"),
                FieldRowPanel([FieldPanel("street"), FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("online_note"),
                FieldPanel("online_link"),
            ],
            heading=_("Place"),
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("audience"), FieldPanel("cost")]),
        FieldRowPanel([FieldPanel("host"), FieldPanel("contact")]),
        FieldPanel("body"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_group_size")]),
                FieldRowPanel(
                    [FieldPanel("registration_opens"), FieldPanel("registration_closes")]
                ),
            ],
            heading=_("Registration"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("audience"),
        index.SearchField("city"),
        index.SearchField("body"),
        index.FilterField("ends_at"),
    ]
    parent_page_types = ["hub.EventIndexPage"]
    subpage_types = []
    template = "hub/event_page.html"
    base_form_class = EventPageForm

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if not self.online and not self.city:
            errors["city"] = _("Give the city of the venue, or mark the event as online.")
        if self.max_group_size and self.capacity and self.max_group_size > self.capacity:
            errors["max_group_size"] = _(
                "A registration cannot bring more people than there are places."
            )
        if (
            self.registration_opens
            and self.registration_closes
            and self.registration_closes <= self.registration_opens
        ):
            errors["registration_closes"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """A cancellation belongs to the event, not to a revision: publishing a draft
        written before it must not bring the event back."""
        page = super().with_content_json(content)
        page.cancelled_at = self.cancelled_at
        return page

    def save(self, *args, **kwargs):
        dates = [d for d in self.dates.all() if d.start]
        self.starts_at = min((d.start for d in dates), default=None)
        self.ends_at = max((d.end or d.start for d in dates), default=None)
        return super().save(*args, **kwargs)

    def seat_page(self):
        """The page whose registrations and places count for this event in every
        language: the German source of an English alias or translation, so that the
        places are not offered twice over."""
        if self.alias_of_id:
            return EventPage.objects.get(pk=self.alias_of_id)
        source = (
            EventPage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .exclude(pk=self.pk)
            .first()
        )
        return source or self

    # -- state --------------------------------------------------------------------
    @property
    def is_past(self):
        return self.ends_at is not None and self.ends_at < timezone.now()

    @property
    def is_cancelled(self):
        return self.cancelled_at is not None

    def registration_closes_at(self):
        return self.registration_closes or self.starts_at

    def registration_state(self, now=None):
        """ "open", or why not: "off", "cancelled", "past", "not_yet", "closed"."""
        now = now or timezone.now()
        if not self.registration_enabled:
            return "off"
        if self.is_cancelled:
            return "cancelled"
        if self.ends_at and self.ends_at < now:
            return "past"
        if self.registration_opens and now < self.registration_opens:
            return "not_yet"
        closes = self.registration_closes_at()
        if closes and now >= closes:
            return "closed"
        return "open"

    def address(self):
        return ", ".join(
            part
            for part in (self.venue, self.street, f"{self.postcode} {self.city}".strip())
            if part
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["event"] = (
            EventPage.objects.select_related(
                "kind", "region", "host", "contact", "contact__organisation", "contact__photo"
            )
            .prefetch_related("dates")
            .get(pk=self.pk)
        )
        context["topics"] = list(self.topics.all())
        url = self.get_url(request) or ""
        context["listing_url"] = url[: url.rstrip("/").rfind("/") + 1]
        return context

    # -- routes -------------------------------------------------------------------
    @path("")
    def detail(self, request):
        from hub import registration

        return registration.event_page(self, request)

    @path("anmeldung/danke/", name="thanks")
    def thanks(self, request):
        from hub import registration

        return registration.thanks_view(self, request)

    @path("anmeldung/bestaetigen/<path:token>/", name="confirm")
    def confirm(self, request, token):
        from hub import registration

        return registration.confirm_view(self, request, token)

    @path("anmeldung/stornieren/<path:token>/", name="cancel")
    def cancel(self, request, token):
        from hub import registration

        return registration.cancel_view(self, request, token)

    @path("termin-<int:date_id>/kalender/", name="date_ics")
    def date_ics(self, request, date_id):
        from django.http import Http404

        from hub.calendar import calendar_response

        if not self.dates.filter(pk=date_id).exists():
            raise Http404
        return calendar_response(
            request, [self], f"{self.slug}-{date_id}.ics", self.title, date_id=date_id
        )


class EventDate(Orderable):
    """One date of an event: a day with start and end time (Europe/Berlin)."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="dates")
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

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
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

    event = models.OneToOneField(EventPage, on_delete=models.CASCADE, related_name="figures")
    registered_places = models.PositiveIntegerField(default=0)
    attended_places = models.PositiveIntegerField(default=0)

    def __str__(self):
        return str(self.event_id)
