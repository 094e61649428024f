"""cms/filters.py's FacetedListing on the stories: choices combine (OR within a facet,
AND across facets), counts leave out the facet's own choice, unknown choices are said."""

from django.test import RequestFactory

import pytest

from cms.filters import Facet, FacetedListing, MatchingIds
from hub.models import Industry, Region, StoryPage


@pytest.fixture
def listing(db):
    def make(**params):
        request = RequestFactory().get("/", params)
        stories = StoryPage.objects.live().filter(locale__language_code="de")
        facets = [
            Facet("branche", "Branche", "industry", Industry),
            Facet("region", "Region", "region", Region),
        ]
        return FacetedListing(request, stories, facets), stories

    return make


def test_choices_combine_or_within_a_facet_and_and_across(listing):
    whole, stories = listing()
    industries = list(Industry.objects.filter(live=True)[:2])
    region = stories.exclude(region=None).first().region
    one, _ = listing(branche=industries[0].slug)
    both, _ = listing(branche=[i.slug for i in industries])
    narrowed, _ = listing(branche=[i.slug for i in industries], region=region.slug)
    count = {
        "one": stories.filter(industry=industries[0]).count(),
        "both": stories.filter(industry__in=industries).count(),
        "narrowed": stories.filter(industry__in=industries, region=region).count(),
    }
    assert len(MatchingIds(whole.matrix[0], whole.matching())) == stories.count()
    assert one.matching().bit_count() == count["one"]
    assert both.matching().bit_count() == count["both"]
    assert narrowed.matching().bit_count() == count["narrowed"]


def test_counts_leave_out_the_facets_own_choice(listing):
    _whole, stories = listing()
    region = stories.exclude(region=None).first().region
    filtered, _ = listing(region=region.slug)
    facets = {facet.param: facet for facet in filtered.build_options()}
    by_slug = {option["slug"]: option for option in facets["branche"].options}
    for industry in Industry.objects.filter(live=True):
        expected = stories.filter(region=region, industry=industry).count()
        assert by_slug[industry.slug]["count"] == expected
    regions = {option["slug"]: option for option in facets["region"].options}
    assert regions[region.slug]["checked"]
    assert regions[region.slug]["count"] == stories.filter(region=region).count()


def test_an_unknown_choice_is_left_out_and_said(listing):
    unknown, stories = listing(branche="gibt-es-nicht")
    assert unknown.matching().bit_count() == stories.count()
    assert "gibt-es-nicht" in str(unknown.messages[0])
