"""The courses in the admin: course, module and lesson pages are edited in the page
tree; enrolment keys have their own list under "Enrolment keys"."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import EnrolmentKey


class EnrolmentKeyViewSet(ModelViewSet):
    model = EnrolmentKey
    icon = "key"
    menu_label = _("Enrolment keys")
    menu_order = 280
    add_to_admin_menu = True
    list_display = ["key", "course", "label", "active", "valid_until"]
    list_filter = ["active"]
    search_fields = ["key", "label"]
    form_fields = ["course", "key", "label", "active", "valid_until"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_enrolment_keys():
    return EnrolmentKeyViewSet("enrolment_keys")
