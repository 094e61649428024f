"""A radar chart of a Quickcheck result as inline SVG, drawn on the server.

Accessible by construction: ``role="img"`` with a title and a description that states
every value; the page also shows the same figures as a table. It reads in black and
white: the first result is a filled polygon with round markers, an earlier result a
dashed outline with square markers.
"""

import math
from dataclasses import dataclass

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.hyphenation import SOFT_HYPHEN, hyphenate

RINGS = (25, 50, 75, 100)


@dataclass(frozen=True)
class Layout:
    """The chart's geometry in SVG units. It is drawn at about its width in CSS pixels,
    so that the labels' font size is what the reader sees."""

    width: int = 660
    height: int = 440
    radius: int = 140
    font: int = 14
    line: int = 17  # the labels' line height
    wrap: int = 16  # characters per label line
    split: bool = False  # hyphenate words longer than a line

    @property
    def centre(self):
        return self.width / 2, self.height / 2


WIDE = Layout()
# For phones: a smaller radar in a narrower picture, labels still at least 12 px.
COMPACT = Layout(width=350, height=330, radius=84, font=13, line=15, wrap=12, split=True)
SIZE = WIDE.width  # the bars' width (fewer than three dimensions)


def _point(index, count, percent, layout=WIDE):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = layout.radius * percent / 100
    x, y = layout.centre
    return x + distance * math.cos(angle), y + distance * math.sin(angle)


def _polygon(points):
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _syllables(word, width):
    """A word longer than a line, split where it may be hyphenated, into pieces as even
    as possible: ["Wissens-", "transfer"]; a shorter word as it is."""
    if len(word) <= width:
        return [word]
    syllables = hyphenate(word).split(SOFT_HYPHEN)
    breaks = [len("".join(syllables[:n])) for n in range(1, len(syllables))]
    fitting = [point for point in breaks if point < width]
    if not fitting:
        return [word]
    point = min(fitting, key=lambda p: max(p + 1, len(word) - p))
    return [word[:point] + "-", *_syllables(word[point:], width)]


def _wrap(name, width=16, split=False):
    """A label in lines of about `width` characters; with `split`, a longer word is
    hyphenated."""
    lines, line = [], ""
    for whole in name.split():
        *heads, word = _syllables(whole, width) if split else [whole]
        for head in heads:
            if line and len(line) + 1 + len(head) > width:
                lines.append(line)
                line = ""
            lines.append(f"{line} {head}".strip())
            line = ""
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def radar(names, series, chart_id="radar", layout=WIDE):
    """``names``: the dimensions; ``series``: [(label, [percent per dimension])], the
    current result first. Returns safe SVG markup."""
    count = len(names)
    centre_x, centre_y = layout.centre
    if count < 3:
        return bars(names, series, chart_id)
    description = "; ".join(
        f"{label}: "
        + ", ".join(f"{name} {value} %" for name, value in zip(names, values, strict=True))
        for label, values in series
    )
    parts = [
        format_html(
            '<svg class="radar" viewBox="0 0 {size} {height}" width="{size}" height="{height}" '
            'role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
            '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>',
            size=layout.width,
            height=layout.height,
            id=chart_id,
            title=_("Result per dimension (0 to 100 per cent)"),
            desc=description,
        )
    ]
    for ring in RINGS:
        ring_points = [_point(i, count, ring, layout) for i in range(count)]
        parts.append(
            f'<polygon class="radar__ring" points="{_polygon(ring_points)}" fill="none" '
            f'stroke="#8a9aa5" stroke-width="1"/>'
        )
    for index, name in enumerate(names):
        x, y = _point(index, count, 100, layout)
        parts.append(
            f'<line x1="{centre_x}" y1="{centre_y}" x2="{x:.1f}" y2="{y:.1f}" stroke="#8a9aa5"/>'
        )
        lx, ly = _point(index, count, 112, layout)
        anchor = "middle" if abs(lx - centre_x) < 10 else ("start" if lx > centre_x else "end")
        lines = _wrap(name, layout.wrap, layout.split)
        half = layout.line // 2
        top = ly + 5 - (len(lines) - 1) * half if abs(lx - centre_x) >= 10 else ly + 5
        if abs(lx - centre_x) < 10 and ly < centre_y:
            top = ly - (len(lines) - 1) * layout.line
        spans = "".join(
            f'<tspan x="{lx:.1f}" y="{top + layout.line * n:.1f}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        parts.append(
            f'<text text-anchor="{anchor}" font-size="{layout.font}" fill="#1b1b1b">{spans}</text>'
        )
    styles = [
        ('fill="#00547a" fill-opacity="0.25" stroke="#00547a" stroke-width="3"', "circle"),
        ('fill="none" stroke="#1b1b1b" stroke-width="2" stroke-dasharray="6 4"', "square"),
    ]
    for (_label, values), (style, marker) in reversed(list(zip(series, styles, strict=False))):
        points = [_point(i, count, value, layout) for i, value in enumerate(values)]
        parts.append(f'<polygon points="{_polygon(points)}" {style}/>')
        for x, y in points:
            if marker == "circle":
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#00547a"/>')
            else:
                parts.append(
                    f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="#1b1b1b"/>'
                )
    parts.append("</svg>")
    return mark_safe("".join(str(part) for part in parts))


def bars(names, series, chart_id="radar"):
    """With fewer than three dimensions a radar has no area: horizontal bars instead."""
    height = 40 + 36 * len(names) * len(series)
    description = "; ".join(
        f"{label}: "
        + ", ".join(f"{name} {value} %" for name, value in zip(names, values, strict=True))
        for label, values in series
    )
    parts = [
        format_html(
            '<svg class="radar" viewBox="0 0 {w} {h}" role="img" '
            'aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
            '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>',
            w=SIZE,
            h=height,
            id=chart_id,
            title=_("Result per dimension (0 to 100 per cent)"),
            desc=description,
        )
    ]
    y = 20
    for index, name in enumerate(names):
        for number, (_label, values) in enumerate(series):
            width = 2.6 * values[index]
            fill = "#00547a" if number == 0 else "#ffffff"
            parts.append(
                f'<text x="0" y="{y + 14}" font-size="13">{escape(name)}</text>'
                f'<rect x="150" y="{y}" width="{width:.1f}" height="20" fill="{fill}" '
                f'stroke="#1b1b1b"/>'
            )
            y += 36
    parts.append("</svg>")
    return mark_safe("".join(str(part) for part in parts))
