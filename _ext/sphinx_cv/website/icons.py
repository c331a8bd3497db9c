"""Inline SVG icons of the profile's contact fields: no icon font, no request.

Each is a 16 by 16 drawing in ``currentColor`` (light and dark mode alike), hidden
from screen readers: the link beside it carries the name.
"""

from __future__ import annotations

_STROKE = (
    'fill="none" stroke="currentColor" stroke-width="1.3" stroke-linecap="round"'
    ' stroke-linejoin="round"'
)

#: The drawing of each profile field's icon, inside ``<svg viewBox="0 0 16 16">``.
_DRAWINGS = {
    "email": f'<g {_STROKE}><rect x="1.5" y="3" width="13" height="10" rx="1.5"/>'
    '<path d="m2 4 6 5 6-5"/></g>',
    "website": f'<g {_STROKE}><circle cx="8" cy="8" r="6.5"/><ellipse cx="8" cy="8" rx="2.8"'
    ' ry="6.5"/><path d="M1.5 8h13"/></g>',
    "phone": f'<g {_STROKE}><rect x="4.5" y="1.5" width="7" height="13" rx="1.5"/>'
    '<path d="M7 12h2"/></g>',
    "location": f'<g {_STROKE}><path d="M8 14.5s4.8-4.3 4.8-8.2a4.8 4.8 0 0 0-9.6 0c0 3.9'
    ' 4.8 8.2 4.8 8.2z"/><circle cx="8" cy="6.3" r="1.7"/></g>',
    "github": '<path fill="currentColor" d="M8 0C3.58 0 0 3.58 0 8c0 3.54 2.29 6.53 5.47 '
    "7.59.4.07.55-.17.55-.38 0-.19-.01-.82-.01-1.49-2.01.37-2.53-.49-2.69-.94-.09-.23-.48-"
    ".94-.82-1.13-.28-.15-.68-.52-.01-.53.63-.01 1.08.58 1.23.82.72 1.21 1.87.87 2.33.66.07-"
    ".52.28-.87.51-1.07-1.78-.2-3.64-.89-3.64-3.95 0-.87.31-1.59.82-2.15-.08-.2-.36-1.02.08-"
    "2.12 0 0 .67-.21 2.2.82.64-.18 1.32-.27 2-.27.68 0 1.36.09 2 .27 1.53-1.04 2.2-.82 2.2-"
    ".82.44 1.1.16 1.92.08 2.12.51.56.82 1.27.82 2.15 0 3.07-1.87 3.75-3.65 3.95.29.25.54.73"
    ".54 1.48 0 1.07-.01 1.93-.01 2.2 0 .21.15.46.55.38A8.01 8.01 0 0 0 16 8c0-4.42-3.58-8-8-"
    '8z"/>',
    "scholar": '<path fill="currentColor" d="M8 1.5 0.5 6 8 10.5 15.5 6z"/>'
    f'<path {_STROKE} d="M3.5 8.2v3.3c0 1 2 2.5 4.5 2.5s4.5-1.5 4.5-2.5V8.2M14.5 6.5v4"/>',
    "orcid": f'<g {_STROKE}><circle cx="8" cy="8" r="6.8"/><path d="M5.3 7v4.6M8 5.2v6.4h1.3a3.2'
    ' 3.2 0 0 0 0-6.4z"/></g><circle fill="currentColor" cx="5.3" cy="4.9" r=".9"/>',
    "linkedin": f'<g {_STROKE}><rect x="1.5" y="1.5" width="13" height="13" rx="2"/><path d="M5'
    ' 7v4.5M8 11.5V7m0 2.2a2 2 0 0 1 4 0v2.3"/></g><circle fill="currentColor" cx="5" cy="4.8"'
    ' r=".9"/>',
}


def icon(field: str) -> str:
    """The inline ``<svg>`` of a profile field's icon, or "" for a field without one."""
    drawing = _DRAWINGS.get(field)
    if drawing is None:
        return ""
    return (
        '<svg class="cv-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"'
        f' focusable="false">{drawing}</svg>'
    )
