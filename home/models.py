from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from cms.blocks import BaseStreamBlock
from cms.models import EmbeddableMixin


class HomePage(Page):
    """The start page of a site (one per language), composed from the shared blocks."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class ProgrammePage(EmbeddableMixin, Page):
    """A programme or project ("Projekt"), e.g. Mentoring 4.0 run in two phases."""

    intro = models.TextField(
        _("introduction"),
        max_length=600,
        help_text=_("What the project is about, in two or three sentences."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in teasers; decorative there, so it needs no description."),
    )
    funding_note = models.TextField(
        _("funding note"),
        blank=True,
        max_length=400,
        help_text=_("E.g. which ministry or fund supports the project."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
        InlinePanel("phases", label=_("Phases"), heading=_("Phases")),
        InlinePanel("work_packages", label=_("Work packages"), heading=_("Work packages")),
        InlinePanel("figures", label=_("Key figures"), heading=_("Key figures")),
        InlinePanel("partners", label=_("Partners"), heading=_("Partners")),
        InlinePanel("contacts", label=_("Contact persons"), heading=_("Contact persons")),
        FieldPanel("funding_note"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("work_packages", [index.SearchField("title")]),
    ]
    parent_page_types = ["home.HomePage", "cms.ContentPage"]
    subpage_types = ["cms.ContentPage"]
    embed_template = "home/programme_page_embed.html"
    template = "home/programme_page.html"

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["phases"] = list(self.phases.all())
        context["work_packages"] = list(self.work_packages.select_related("lead"))
        context["figures"] = list(self.figures.all())
        context["partners"] = list(
            self.partners.select_related("organisation", "organisation__logo")
        )
        context["contacts"] = list(
            self.contacts.filter(person__live=True).select_related(
                "person", "person__organisation", "person__photo"
            )
        )
        return context

    def current_phase(self):
        return next(
            (p for p in self.phases.all() if p.status == ProgrammePhase.Status.RUNNING), None
        )


class ProgrammePhase(Orderable):
    class Status(models.TextChoices):
        COMPLETED = "completed", _("completed")
        RUNNING = "running", _("running")
        PLANNED = "planned", _("planned")

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(_("title"), max_length=120)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RUNNING
    )
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "ul", "link"]
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end lies before the start.")})


class WorkPackage(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="work_packages")
    number = models.CharField(_("number"), max_length=10, blank=True, help_text=_("E.g. 'AP 1'"))
    title = models.CharField(_("title"), max_length=160)
    description = RichTextField(
        _("description"), blank=True, features=["bold", "italic", "ul", "link"]
    )
    lead = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("lead partner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("title")]),
        FieldPanel("lead"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("work package")
        verbose_name_plural = _("work packages")


class ProgrammeFigure(Orderable):
    """A figure the project reports, e.g. '48 Lotsen trained'."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="figures")
    value = models.CharField(_("value"), max_length=20)
    label = models.CharField(_("label"), max_length=80)

    panels = [FieldRowPanel([FieldPanel("value"), FieldPanel("label")])]

    class Meta(Orderable.Meta):
        verbose_name = _("key figure")
        verbose_name_plural = _("key figures")


class ProgrammePartner(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    role = models.CharField(_("role in the project"), max_length=120, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")


class ProgrammeContact(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        "cms.ContactPerson",
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    topic = models.CharField(
        _("responsible for"), max_length=120, blank=True, help_text=_("E.g. 'Lotse training'")
    )

    panels = [FieldPanel("person"), FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
