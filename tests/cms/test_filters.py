"""Unit tests of cms/filters.py: the paginated ids of a bitset (the facets' counting on
real content: tests/hub/test_faceted_listing.py)."""

import pytest

from cms.filters import MatchingIds


@pytest.mark.parametrize("mask", [0b0, 0b1, 0b1011, 0b1111000011, (1 << 300) | 0b101])
def test_matching_ids_are_the_set_bits_in_display_order(mask):
    pks = list(range(100, 401))
    ids = MatchingIds(pks, mask)
    expected = [pk for position, pk in enumerate(pks) if mask >> position & 1]
    assert len(ids) == len(expected)
    assert ids[:] == expected
    assert ids[1:3] == expected[1:3]
    if expected:
        assert ids[0] == expected[0] and ids[-1] == expected[-1]
    with pytest.raises(IndexError):
        ids[len(expected)]
