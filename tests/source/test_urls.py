"""The one URL policy (source/urls.py): what it accepts and why it refuses the rest."""

from __future__ import annotations

import pytest

from sphinx_cv.source.urls import RefusedError, email_address, phone_number, tel_uri, web_url


@pytest.mark.parametrize(
    "url",
    ["https://example.org", "http://example.org/a?b=1&c=2#d", "HTTPS://EXAMPLE.ORG", "http://x"],
)
def test_web_urls_with_a_host_are_accepted(url):
    assert web_url(f"  {url} ") == url


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("javascript:alert(1)", "has the scheme 'javascript'"),
        ("JaVaScRiPt:alert(1)", "has the scheme 'javascript'"),
        ("java\tscript:alert(1)", "has a space or a control character"),
        ("\x01javascript:alert(1)", "has a space or a control character"),
        ("https://example.org/a b", "has a space or a control character"),
        ("data:text/html,<b>x</b>", "has the scheme 'data'"),
        ("ftp://example.org", "has the scheme 'ftp'"),
        ("mailto:a@example.org", "has the scheme 'mailto'"),
        ("www.example.org", "has no scheme"),
        ("https:///path", "has no host"),
        ("http://[::1", "is not a URL (Invalid IPv6 URL)"),
        ("https://[oops", "is not a URL (Invalid IPv6 URL)"),
        ("http://example.org:99999", "is not a URL"),
    ],
)
def test_everything_else_is_refused_with_a_reason(url, problem):
    with pytest.raises(RefusedError, match=problem.replace("(", r"\(").replace(")", r"\)")):
        web_url(url)


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("ada@example.org", "ada@example.org"),
        ("mailto:ada@example.org", "ada@example.org"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("jos\u00e9@ex\u00e4mple.org", "jos\u00e9@ex\u00e4mple.org"),
    ],
)
def test_plain_addresses_are_accepted(text, address):
    assert email_address(text) == address
    assert web_url(f"mailto:{address}", mailto=True) == f"mailto:{address}"


@pytest.mark.parametrize(
    "text",
    [
        'x"><svg/onload=alert(3)>@example.org',
        "a b@example.org",
        "a@@example.org",
        "a@b",
        "<a@b.org>",
        'x"onmouseover="alert@example.org',
        "<script>x@example.org",
    ],
)
def test_addresses_with_quotes_brackets_or_spaces_are_refused(text):
    with pytest.raises(RefusedError, match="is not an e-mail address"):
        email_address(text)
    with pytest.raises(RefusedError):  # a mailto: link's address is checked too
        web_url(f"mailto:{text}", mailto=True)


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("+82 10-1234-5678", "tel:+821012345678"),
        ("(02) 555.1234", "tel:025551234"),
        ("+1 555 123 4567 ext. 12", "tel:+15551234567;ext=12"),
        ("555-1234 x9", "tel:5551234;ext=9"),
    ],
)
def test_phone_numbers_link_with_their_digits(phone, uri):
    assert phone_number(phone) == phone
    assert tel_uri(phone) == uri


@pytest.mark.parametrize(
    "phone", ["javascript:alert(1)", "+", "12", "\u0661\u0662\u0663\u0664", "555-1234; drop"]
)
def test_anything_else_is_no_phone_number(phone):
    with pytest.raises(RefusedError, match="is not a phone number"):
        phone_number(phone)
