"""The blocks a Quickcheck is built from: perspectives, dimensions with result bands,
and questions whose answer options give points per dimension."""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

KEY_HELP = _("A short name of lowercase letters, digits and hyphens, e.g. 'lernkultur'.")
key_validator = RegexValidator(r"^[a-z0-9-]{1,40}$", _("Use lowercase letters, digits, hyphens."))


class PerspectiveBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("Short name"), max_length=40, help_text=KEY_HELP)
    name = blocks.CharBlock(label=_("Name"), max_length=80, help_text=_("E.g. 'Mitarbeiter*in'."))
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=400)

    class Meta:
        icon = "user"
        label = _("Perspective")


class BandBlock(blocks.StructBlock):
    min = blocks.IntegerBlock(
        label=_("From per cent"),
        min_value=0,
        max_value=100,
        default=0,
        help_text=_("The band applies from this share of the possible points upwards."),
    )
    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"), max_length=1000)
    recommendations = blocks.ListBlock(
        blocks.PageChooserBlock(label=_("Page")),
        label=_("Recommended pages"),
        required=False,
        default=[],
        help_text=_("E.g. toolbox entries and support offerings."),
    )

    class Meta:
        icon = "pick"
        label = _("Result band")


class DimensionBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("Short name"), max_length=40, help_text=KEY_HELP)
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    description = blocks.TextBlock(label=_("Description"), required=False, max_length=400)
    bands = blocks.ListBlock(BandBlock(), label=_("Result bands"), min_num=1)

    class Meta:
        icon = "order"
        label = _("Dimension")


class PointsBlock(blocks.StructBlock):
    dimension = blocks.CharBlock(
        label=_("Dimension (short name)"), max_length=40, help_text=_("E.g. 'lernkultur'.")
    )
    points = blocks.IntegerBlock(label=_("Points"), default=1, min_value=-10, max_value=10)

    class Meta:
        form_classname = "quickcheck-points"


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Answer"), max_length=200)
    points = blocks.ListBlock(PointsBlock(), label=_("Points per dimension"), default=[])

    class Meta:
        icon = "radio-full"
        label = _("Answer option")


class QuestionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Question"), max_length=300)
    help = blocks.TextBlock(label=_("Explanation"), required=False, max_length=400)
    perspectives = blocks.CharBlock(
        label=_("Only for these perspectives"),
        required=False,
        max_length=200,
        help_text=_("Short names separated by commas; empty for every perspective."),
    )
    required = blocks.BooleanBlock(label=_("Answer required"), required=False, default=True)
    options = blocks.ListBlock(OptionBlock(), label=_("Answer options"), default=[])

    class Meta:
        icon = "help"
        label = _("Question")
