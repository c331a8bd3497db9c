"""The one policy for links and contact details, for every source and every output.

Every URL the CV shows or exports passes :func:`web_url` first: a directive's
``:url:``, the profile's ``:website:`` and network fields, and every link field
of a bib entry (``url``, ``doi``, ``eprint``, ``pdf``, ``code``, ``slides``).
What it refuses is a warning where it was written and appears in no output
(HTML, PDF, text, ``resume.json``, JSON-LD, meta tags). E-mail addresses pass
:func:`email_address`, phone numbers :func:`phone_number`.

A URL is accepted when it is absolute ``http://`` or ``https://`` with a host,
without spaces or control characters (browsers drop those, so
``java\\tscript:`` would be ``javascript:``); ``mailto:`` is accepted only
where an e-mail link is meant.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

WEB_SCHEMES = ("http", "https")
#: What is accepted, in words, for the warnings.
ACCEPTED_URLS = "accepted are absolute http:// or https:// URLs"
ACCEPTED_URLS_OR_MAIL = "accepted are absolute http://, https:// or mailto: URLs"
ACCEPTED_EMAIL = "accepted is an address such as 'name@example.org'"
ACCEPTED_PHONE = (
    "accepted are digits, spaces and + - ( ) . /, optionally an extension "
    "('ext. 12'), e.g. '+82 42 350 1234'"
)

#: A URL that names its scheme ("https:", "javascript:"), unlike a link within the
#: site or a DOI name ("10.1000/x").
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
# Control characters (C0, DEL, C1) and any whitespace: never inside a URL.
_UNSAFE = re.compile(r"[\x00-\x20\x7f-\x9f\s]")
# A simple addr-spec: no quotes, angle brackets, spaces, commas or colons.
_EMAIL = re.compile(
    r"[^\s\x00-\x1f\x7f-\x9f\"<>()\[\]\\,;:@]+@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}"
)
_PHONE = re.compile(
    r"(?P<number>\+?[0-9(][0-9 ()./-]*[0-9)])"
    r"(?:\s*(?:ext\.?|x|#)\s*(?P<extension>[0-9]+))?",
    re.ASCII | re.IGNORECASE,
)


class RefusedError(ValueError):
    """A value the policy refuses; the message says why (not what is accepted)."""


def web_url(text: str, *, mailto: bool = False) -> str:
    """The URL, stripped, if the policy accepts it; else :class:`RefusedError`.

    ``mailto`` also accepts ``mailto:ADDRESS`` (with an address
    :func:`email_address` accepts).
    """
    url = text.strip()
    if _UNSAFE.search(url):
        raise RefusedError("has a space or a control character")
    try:
        parts = urlsplit(url)
    except ValueError as error:  # "http://[::1": an unclosed IPv6 host
        raise RefusedError(f"is not a URL ({error})") from None
    scheme = parts.scheme.lower()
    if mailto and scheme == "mailto":
        email_address(url[len("mailto:") :])
        return url
    if scheme not in WEB_SCHEMES:
        raise RefusedError(f"has the scheme {scheme!r}" if scheme else "has no scheme")
    try:
        host, _port = parts.hostname, parts.port  # each raises on a bad host or port
    except ValueError as error:
        raise RefusedError(f"is not a URL ({error})") from None
    if not host:
        raise RefusedError("has no host")
    return url


def email_address(text: str) -> str:
    """The address (``mailto:`` dropped) if it is a simple ``name@domain.tld``."""
    email = text.strip()
    if email.lower().startswith("mailto:"):
        email = email[len("mailto:") :]
    if not _EMAIL.fullmatch(email):
        raise RefusedError("is not an e-mail address")
    return email


def phone_number(text: str) -> str:
    """The number as written, if it is one (digits and separators, an extension)."""
    phone = text.strip()
    match = _PHONE.fullmatch(phone)
    if match is None or len(re.sub(r"[^0-9]", "", match["number"])) < 3:
        raise RefusedError("is not a phone number")
    return phone


def tel_uri(phone: str) -> str:
    """A ``tel:`` URI of an accepted number: its digits (and ``+``), ``;ext=`` its extension."""
    match = _PHONE.fullmatch(phone.strip())
    if match is None:
        raise RefusedError("is not a phone number")
    number = match["number"]
    digits = ("+" if number.startswith("+") else "") + re.sub(r"[^0-9]", "", number)
    extension = f";ext={match['extension']}" if match["extension"] else ""
    return f"tel:{digits}{extension}"
