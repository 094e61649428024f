"""What the home plugin offers the rest of the site (cms/plugins.py), found by cms."""

from django.utils.translation import gettext_lazy as _

from cms.plugins import Feed, KeyFigure, SearchFacet, TeaserSource, registry

from .models import HomePage, ProgrammePage

registry.set_home_page_model(HomePage)
registry.add_teaser_source(
    TeaserSource(
        key="home.programmes",
        label=_("Projects"),
        model=ProgrammePage,
        image_field="image",
        text_field="intro",
    )
)
registry.add_key_figure(KeyFigure.pages("home.programmes", _("Projects"), ProgrammePage, order=10))
registry.add_search_facet(
    SearchFacet(key="projekte", label=_("Projects"), models=(ProgrammePage,), order=10)
)
registry.add_feed(
    Feed.of_pages(
        "projekte",
        _("Projects"),
        _("New projects of the programme"),
        ProgrammePage,
        text_field="intro",
    )
)
