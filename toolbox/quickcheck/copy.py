"""'Als Vorlage kopieren': a new Quickcheck from an existing one, as an unpublished draft
beside it, with every perspective, dimension, question and result band, and no
responses. The editor names the copy; the address is made from the name."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.actions.copy_page import CopyPageAction

from cms.slugs import german_slugify

from .admin import QuickcheckAdminMixin
from .pages import QuickcheckPage


class CopyForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the new Quickcheck"),
        max_length=255,
        help_text=_("It starts as an unpublished draft with all questions and results."),
    )

    def __init__(self, *args, parent, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent = parent

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        slug = german_slugify(title)
        if not slug:
            raise forms.ValidationError(_("Use at least one letter or digit in the name."))
        if self.parent.get_children().filter(slug=slug).exists():
            raise forms.ValidationError(
                _("A page with this address exists already here. Choose another name.")
            )
        self.cleaned_data["slug"] = slug
        return title


class CopyAsTemplateView(QuickcheckAdminMixin, FormView):
    template_name = "toolbox/admin/quickcheck_copy.html"
    page_title = _("Copy as template")
    header_icon = "copy"
    form_class = CopyForm

    def dispatch(self, request, page_id):
        self.source = self.quickcheck = get_object_or_404(QuickcheckPage, pk=page_id).specific
        self.parent = self.source.get_parent()
        if not self.parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_initial(self):
        return {"title": gettext("Copy of %(title)s") % {"title": self.source.title}}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "parent": self.parent}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["back_url"] = reverse("wagtailadmin_pages:edit", args=[self.source.pk])
        return context

    def form_valid(self, form):
        copy = CopyPageAction(
            self.source,
            to=self.parent,
            update_attrs={"title": form.cleaned_data["title"], "slug": form.cleaned_data["slug"]},
            keep_live=False,
            user=self.request.user,
        ).execute()
        messages.success(
            self.request,
            gettext("“%(title)s” is ready as a draft. Change what differs, then submit it.")
            % {"title": copy.title},
        )
        return HttpResponseRedirect(reverse("wagtailadmin_pages:edit", args=[copy.pk]))
