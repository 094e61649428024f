"""The editor guide ("Redaktionshandbuch") in the admin: what the Hilfe menu and the
dashboard lead to, in place of Wagtail's English guide on guide.wagtail.org."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "cms/admin/editor_guide.html"
    page_title = _("Editor guide")
    header_icon = "help"

    def get_breadcrumbs_items(self):
        return super().get_breadcrumbs_items() + [{"url": "", "label": self.page_title}]
