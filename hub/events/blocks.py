from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.CharBlock(label=_("Time"), max_length=40, help_text=_("E.g. '10:00–10:30'."))
    title = blocks.CharBlock(label=_("Item"), max_length=200)
    text = blocks.TextBlock(label=_("Description"), required=False, max_length=600)

    class Meta:
        icon = "time"
        label = _("Agenda item")
        template = "hub/blocks/agenda_item.html"
