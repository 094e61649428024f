"""Support offerings (Angebotsfinder): advice, funding, training, networks, mentoring."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from cms.filters import Facet
from cms.models.listing import keyword_facet

from ..taxonomy.listing import RegionalIndexPage
from ..taxonomy.models import CompanySize, Industry, Region, Term
from .querysets import OfferingManager

MAX_QUERY_LENGTH = 100


class OfferingPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "OfferingPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class OfferingType(Term):
    """Beratung, Förderung, Weiterbildung, Netzwerk, Mentoring, … (editable)."""

    class Meta(Term.Meta):
        verbose_name = _("kind of offering")
        verbose_name_plural = _("kinds of offering")


class Cost(models.TextChoices):
    FREE = "free", _("free of charge")
    PAID = "paid", _("with cost")
    FUNDED = "funded", _("partly funded")


NEEDS = [
    # (kind slug, the question's answer as a company would put it)
    ("beratung", _("We want advice on where to start")),
    ("foerderung", _("We need money for a project")),
    ("weiterbildung", _("Our staff should learn new skills")),
    ("netzwerk", _("We want to learn from other companies")),
    ("mentoring", _("Young and experienced staff should learn from each other")),
]


# The guided finder's questions are filters of the list; this mark says the visitor
# came from them, so the list shows the answers and a way to change them.
GUIDED_ANSWERS = ("groesse", "branche", "region", "art", "kosten")
GUIDED_MARK = "antworten"


class OfferingIndexPage(RoutablePageMixin, RegionalIndexPage):
    """The Angebotsfinder: current offerings with filters and a keyword search, and
    a guided finder of five questions that leads to the filtered list."""

    subpage_types = ["hub.OfferingPage"]
    item_model = "OfferingPage"
    empty_message = _("No current offering matches all of your choices.")
    region_lookup = "regions"
    template = "hub/offering_index_page.html"

    class Meta:
        verbose_name = _("offering finder")

    def facets(self):
        return [
            Facet("art", _("Kind of offering"), "kind", OfferingType),
            Facet("groesse", _("Company size"), "company_sizes", CompanySize),
            Facet("region", _("Region"), "regions", Region),
            Facet("branche", _("Industry"), "industries", Industry, open_when_empty=True),
            keyword_facet(OfferingPageTag),
        ]

    @path("")
    def index(self, request):
        return self.render(request)

    @path("passend/", name="guided")
    def guided(self, request):
        """Five questions as a plain GET form whose fields are the list's filters."""
        kinds = {kind.slug: kind for kind in OfferingType.objects.filter(live=True)}
        return self.render(
            request,
            template="hub/offering_guided_finder.html",
            context_overrides={
                "sizes": list(CompanySize.objects.filter(live=True)),
                "regions": list(Region.objects.filter(live=True)),
                "industries": list(Industry.objects.filter(live=True)),
                "needs": [(slug, label) for slug, label in NEEDS if slug in kinds],
                "cost_choices": Cost.choices,
                # Coming back to change the answers: they are filled in again.
                "answered": {name: request.GET.getlist(name) for name in GUIDED_ANSWERS},
            },
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if request.GET.get(GUIDED_MARK):
            context["answers"] = self.answers(context)
        return context

    @staticmethod
    def answers(context):
        """The guided finder's answers, as the list shows them above its results."""
        answers = [
            (facet.label, [o["name"] for o in facet.options if o["checked"]])
            for facet in context["facets"]
            if facet.param in GUIDED_ANSWERS
        ]
        cost = dict(Cost.choices).get(context.get("cost"))
        answers.append((_("Cost"), [cost] if cost else []))
        return [(label, names) for label, names in answers if names]

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        return urls + [
            {**urls[0], "location": urls[0]["location"] + self.reverse_subpage("guided")}
        ]

    def current(self, items):
        """Offerings past their last day leave the list by themselves."""
        return items.current()

    def narrow(self, request, items):
        """The keyword search and the cost choice, beside the facets."""
        query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
        if query:
            items = items.filter(
                Q(title__icontains=query)
                | Q(summary__icontains=query)
                | Q(target_group__icontains=query)
                | Q(provider__name__icontains=query)
            )
        cost = request.GET.get("kosten", "")
        if cost in Cost.values:
            items = items.filter(cost=cost)
        else:
            cost = ""
        return items, {
            "query": query,
            "cost": cost,
            "cost_choices": Cost.choices,
            "filtered": bool(query or cost),
            "chosen": bool(query) + bool(cost),
        }

    ordering = ("title", "pk")

    def prepare(self, results):
        return results.select_related("kind", "provider").defer_streamfields()


class OfferingPage(Page):
    """One support offering of a provider in the region."""

    kind = models.ForeignKey(
        OfferingType, verbose_name=_("kind of offering"), on_delete=models.PROTECT, related_name="+"
    )
    provider = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    summary = models.TextField(_("summary"), max_length=400)
    target_group = models.CharField(
        _("target group"), max_length=200, help_text=_("E.g. 'managers and staff of small firms'.")
    )
    company_sizes = ParentalManyToManyField(
        CompanySize, verbose_name=_("company sizes"), blank=True
    )
    regions = ParentalManyToManyField(Region, verbose_name=_("regions"), blank=True)
    industries = ParentalManyToManyField(
        Industry,
        verbose_name=_("industries"),
        blank=True,
        help_text=_("Leave empty when the offering is open to every industry."),
    )
    cost = models.CharField(_("cost"), max_length=10, choices=Cost, default=Cost.FREE)
    funded_share = models.PositiveSmallIntegerField(
        _("funded share in per cent"),
        null=True,
        blank=True,
        help_text=_("Only for partly funded offerings."),
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(
        _("valid until"),
        null=True,
        blank=True,
        help_text=_("After this day the offering leaves the finder by itself."),
    )
    how_to_apply = RichTextField(_("how to apply"), features=["bold", "italic", "ul", "ol", "link"])
    contact = models.ForeignKey(
        "cms.ContactPerson",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_checked = models.DateField(
        _("last checked"),
        default=timezone.localdate,
        help_text=_("When the editors last made sure the offering is still as described."),
    )
    tags = ClusterTaggableManager(through=OfferingPageTag, blank=True, verbose_name=_("keywords"))

    objects = OfferingManager()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("provider")]),
        FieldPanel("summary"),
        FieldPanel("target_group"),
        FieldPanel("company_sizes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("industries", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("cost"), FieldPanel("funded_share")], heading=_("Cost")),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("how_to_apply"),
        FieldPanel("contact"),
        FieldPanel("last_checked"),
        FieldPanel("tags"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("target_group"),
        index.SearchField("how_to_apply"),
    ]
    parent_page_types = ["hub.OfferingIndexPage"]
    subpage_types = []
    template = "hub/offering_page.html"

    class Meta:
        verbose_name = _("support offering")
        verbose_name_plural = _("support offerings")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("The offering cannot end before it starts.")
        if self.cost == Cost.FUNDED and not self.funded_share:
            errors["funded_share"] = _("Give the funded share for a partly funded offering.")
        if self.funded_share is not None and not 0 < self.funded_share <= 100:
            errors["funded_share"] = _("Enter a share between 1 and 100 per cent.")
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """ "Mark as checked" on the dashboard sets the date without a revision: a draft
        written before must not take it back when it is published."""
        page = super().with_content_json(content)
        if self.last_checked and (not page.last_checked or page.last_checked < self.last_checked):
            page.last_checked = self.last_checked
        return page

    @property
    def has_ended(self):
        """Past its "valid until" day (not Wagtail's own ``expired`` for unpublishing)."""
        return self.valid_until is not None and self.valid_until < timezone.localdate()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["offering"] = OfferingPage.objects.select_related(
            "kind",
            "provider",
            "provider__logo",
            "contact",
            "contact__organisation",
            "contact__photo",
        ).get(pk=self.pk)
        context["sizes"] = list(self.company_sizes.all())
        context["regions"] = list(self.regions.all())
        context["offering_tags"] = list(self.tags.all())
        url = self.get_url(request) or ""
        context["listing_url"] = url[: url.rstrip("/").rfind("/") + 1]
        return context
