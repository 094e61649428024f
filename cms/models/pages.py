from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from .. import ratelimit
from ..blocks import BaseStreamBlock
from ..queries import public


class ContentPage(Page):
    """A standard page built from the shared blocks (also the legal pages).

    Its subpage types are left open on purpose: a plugin's page types name the
    parents they accept, and a content page is a natural one.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown under the title and in teasers."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("content"), blank=True)
    list_subpages = models.BooleanField(
        _("list the pages below this one"),
        default=True,
        help_text=_(
            "Under the content, a card for each published page below this one "
            "(e.g. the projects on the page 'Projekte')."
        ),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("list_subpages"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    template = "cms/content_page.html"
    MAX_SUBPAGES = 48

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.list_subpages:
            children = public(self.get_children().live()).defer_streamfields()
            context["subpages"] = list(children.specific()[: self.MAX_SUBPAGES])
        return context


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractEmailForm):
    """A form editors build themselves, e.g. the accessibility feedback form.

    Anonymous visitors get no cookie: the page shows no CSRF token to them and
    their submission is checked by origin and a rate limit instead
    (docs/decisions/0003-csp-and-caching.md). Submissions are stored for the
    editors (Forms in the admin) and mailed to the addresses given.
    """

    intro = RichTextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to the editors"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = []

    template = "cms/form_page.html"
    landing_page_template = "cms/form_page_landing.html"

    def get_submissions_list_view_class(self):
        # Imported here: Wagtail's submission views need the app registry, which is not
        # ready while models load (as in wagtail.contrib.forms.models itself).
        from ..form_submissions import SafeSubmissionsListView

        return SafeSubmissionsListView

    class Meta:
        verbose_name = _("form page")
        verbose_name_plural = _("form pages")

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        status = 200
        if form.is_valid():
            if request.user.is_authenticated or ratelimit.allow(request, f"form-{self.pk}"):
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            form.add_error(
                None,
                _(
                    "You have sent this form several times in a short while. "
                    "Please wait a few minutes and send it again; your input is kept."
                ),
            )
            status = 429
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)
