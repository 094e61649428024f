"""A radar chart of a Quickcheck result as inline SVG, drawn on the server.

Accessible by construction: ``role="img"`` with a title and a description that states
every value; the page also shows the same figures as a table. It reads in black and
white: the first result is a filled polygon with round markers, an earlier result a
dashed outline with square markers.
"""

import math

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

WIDTH, HEIGHT = 660, 440
CENTRE_X, CENTRE_Y = WIDTH / 2, HEIGHT / 2
SIZE = WIDTH
RADIUS = 140
RINGS = (25, 50, 75, 100)


def _point(index, count, percent):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * percent / 100
    return CENTRE_X + distance * math.cos(angle), CENTRE_Y + distance * math.sin(angle)


def _polygon(points):
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _wrap(name, width=16):
    """A label in lines of about `width` characters."""
    lines, line = [], ""
    for word in name.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line] if line else lines


def radar(names, series, chart_id="radar"):
    """``names``: the dimensions; ``series``: [(label, [percent per dimension])], the
    current result first. Returns safe SVG markup."""
    count = len(names)
    if count < 3:
        return bars(names, series, chart_id)
    description = "; ".join(
        f"{label}: "
        + ", ".join(f"{name} {value} %" for name, value in zip(names, values, strict=True))
        for label, values in series
    )
    parts = [
        format_html(
            '<svg class="radar" viewBox="0 0 {size} {height}" role="img" '
            'aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg">'
            '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>',
            size=WIDTH,
            height=HEIGHT,
            id=chart_id,
            title=_("Result per dimension (0 to 100 per cent)"),
            desc=description,
        )
    ]
    for ring in RINGS:
        ring_points = [_point(i, count, ring) for i in range(count)]
        parts.append(
            f'<polygon class="radar__ring" points="{_polygon(ring_points)}" fill="none" '
            f'stroke="#8a9aa5" stroke-width="1"/>'
        )
    for index, name in enumerate(names):
        x, y = _point(index, count, 100)
        parts.append(
            f'<line x1="{CENTRE_X}" y1="{CENTRE_Y}" x2="{x:.1f}" y2="{y:.1f}" stroke="#8a9aa5"/>'
        )
        lx, ly = _point(index, count, 112)
        anchor = "middle" if abs(lx - CENTRE_X) < 10 else ("start" if lx > CENTRE_X else "end")
        lines = _wrap(name)
        top = ly + 5 - (len(lines) - 1) * 8 if abs(lx - CENTRE_X) >= 10 else ly + 5
        if abs(lx - CENTRE_X) < 10 and ly < CENTRE_Y:
            top = ly - (len(lines) - 1) * 17
        spans = "".join(
            f'<tspan x="{lx:.1f}" y="{top + 17 * n:.1f}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        parts.append(f'<text text-anchor="{anchor}" font-size="14" fill="#1b1b1b">{spans}</text>')
    styles = [
        ('fill="#00547a" fill-opacity="0.25" stroke="#00547a" stroke-width="3"', "circle"),
        ('fill="none" stroke="#1b1b1b" stroke-width="2" stroke-dasharray="6 4"', "square"),
    ]
    for (_label, values), (style, marker) in reversed(list(zip(series, styles, strict=False))):
        points = [_point(i, count, value) for i, value in enumerate(values)]
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
