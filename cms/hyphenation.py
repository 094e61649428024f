"""Soft hyphens in long words, inserted on the server.

Browsers hyphenate (``hyphens: auto``) only where they have a dictionary for the page's
language, and Chromium on Linux and Android often has none for German: a long word in a
narrow column ("Partnerorganisationen", "generationenübergreifend") was cut anywhere, with
no hyphen. With soft hyphens (U+00AD) at the syllable breaks Pyphen knows (the hyphenation
patterns LibreOffice uses; WeasyPrint installs Pyphen for the PDFs anyway), every browser
breaks such a word only there, and shows the hyphen. Headings, cards, key figures and fact
boxes use the ``hyphenate`` filter (cms_tags).

The words are hyphenated in the language of the content, which is not always the language
of the interface: an English page that is an untranslated alias shows German text, and is
hyphenated as German (``use_content_language``, set for every page served).
"""

import contextvars
import functools
import re

from django.core.signals import request_finished, request_started
from django.utils.translation import get_language

import pyphen

SOFT_HYPHEN = "\u00ad"
# Shorter words fit every column; the break needs at least three letters on each side.
MIN_LENGTH = 10
WORD = re.compile(rf"[^\W\d_]{{{MIN_LENGTH},}}")
TAG = re.compile(r"(<[^>]*>|&[#\w]+;)")
DICTIONARIES = {"de": "de_DE", "en": "en_GB"}


@functools.cache
def _dictionary(language):
    return pyphen.Pyphen(lang=DICTIONARIES.get(language, "de_DE"), left=3, right=3)


@functools.lru_cache(maxsize=20_000)
def _word(word, language):
    """The word with soft hyphens at its breaks, leaving out those next to a one-letter
    syllable ("Ge-ne-ra-ti-o-nen" breaks as "Ge-ne-ra-tionen"): the patterns allow them,
    German typography does not."""
    points = [0, *_dictionary(language).positions(word), len(word)]
    kept = [
        point
        for before, point, after in zip(points, points[1:], points[2:], strict=False)
        if point - before >= 2 and after - point >= 2
    ]
    for point in reversed(kept):
        word = word[:point] + SOFT_HYPHEN + word[point:]
    return word


_content_language = contextvars.ContextVar("content_language", default=None)


def use_content_language(language):
    """Hyphenate in this language for the rest of the request (None: the active one)."""
    _content_language.set(language or None)


def _forget_content_language(**kwargs):
    _content_language.set(None)


request_started.connect(_forget_content_language, dispatch_uid="hyphenation-language")
request_finished.connect(_forget_content_language, dispatch_uid="hyphenation-language-end")


def hyphenate(text, language=None):
    """``text`` (plain or HTML) with soft hyphens in its long words; tags, attributes and
    entities are left as they are."""
    language = (language or _content_language.get() or get_language() or "de")[:2]
    pieces = TAG.split(str(text))
    for n in range(0, len(pieces), 2):  # the even pieces are text between tags
        pieces[n] = WORD.sub(lambda match: _word(match.group(0), language), pieces[n])
    return "".join(pieces)
