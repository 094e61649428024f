"""Event pages: Lernreisen to host companies, Work Labs, workshops and info events, with
dates, a listing of upcoming events and an archive, iCal, and registration (the routes:
views.py; the rules of registering, holding seats and moving up: services.py)."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalManyToManyField

from cms.blocks import BaseStreamBlock
from cms.filters import Facet, MonthFacet
from cms.views import PAGE_PARAMETER

from ..taxonomy.listing import RegionalIndexPage
from ..taxonomy.models import Region, Topic
from . import views
from .blocks import AgendaItemBlock
from .calendar import calendar_response
from .forms import EventPageForm
from .models import EventKind
from .querysets import EventManager


class EventIndexPage(RoutablePageMixin, RegionalIndexPage):
    """Upcoming events with filters; past events move to the archive by themselves."""

    subpage_types = ["hub.EventPage"]
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
        return items.upcoming()

    def prepare(self, results):
        return results.select_related("kind", "region").prefetch_related("dates")

    @path("")
    def index(self, request):
        return self.render(request)

    @path("archiv/", name="archive")
    def archive(self, request):
        """Past events, newest first."""
        past = (
            self.all_items()
            .past()
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
        events = self.items().prefetch_related("dates")
        return calendar_response(request, events, f"{self.slug}.ics", self.title)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        return urls + [
            {**urls[0], "location": urls[0]["location"] + self.reverse_subpage("archive")}
        ]


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

    objects = EventManager()

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
        return views.event_page(self, request)

    @path("anmeldung/danke/", name="thanks")
    def thanks(self, request):
        return views.thanks_view(self, request)

    @path("anmeldung/bestaetigen/<path:token>/", name="confirm")
    def confirm(self, request, token):
        return views.confirm_view(self, request, token)

    @path("anmeldung/stornieren/<path:token>/", name="cancel")
    def cancel(self, request, token):
        return views.cancel_view(self, request, token)

    @path("termin-<int:date_id>/kalender/", name="date_ics")
    def date_ics(self, request, date_id):
        if not self.dates.filter(pk=date_id).exists():
            raise Http404
        return calendar_response(
            request, [self], f"{self.slug}-{date_id}.ics", self.title, date_id=date_id
        )
