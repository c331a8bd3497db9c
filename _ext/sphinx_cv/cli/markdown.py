"""Values written into MyST Markdown so that they cannot break its structure.

Imported text is text, whatever the importer: :func:`imported` is the one
rule. No role, directive, HTML, comment or target survives it; a RenderCV
file's Markdown keeps its emphasis and its links to web addresses, nothing more.

An imported value may hold anything: newlines, ``:::``, a leading ``:`` or
``%`` (a MyST comment), ``#`` (a heading), ``*`` or ``_``. The writers here put
it on one line, quote option values the options parser would read otherwise
(``#`` starts a comment there, a leading quote or ``|`` changes the value), and
escape a leading character that would start a block.
"""

from __future__ import annotations

import json
import re

#: Inline Markdown: what plain text must escape to read as itself.
_INLINE = re.compile(r"([\\`*\[\]<>])|(?<!\w)_|_(?!\w)|&(?=#?\w+;)")
#: A line start that opens a block: heading, quote, list, fence, table, comment,
#: MyST target ``(x)=`` or block break ``+++``, an ordered-list number.
_BLOCK_START = re.compile(r"^(?:[#>+*=|%:~-]|`{3}|\(.*\)=)|^(\d+)([.)])(?=\s|$)")
#: A line's first character and its repeats.
_REPEATED = re.compile(r"(.)\1*", re.DOTALL)
#: An option value the options parser reads as itself, unquoted.
_PLAIN_OPTION = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`]([^#:]|:(?!\s)|(?<!\s)#)*(?<![\s:])")


#: What ends a line for Markdown or Python, with the spaces around it; a thin or
#: no-break space is a character of the text and stays.
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n\f\v\x1c-\x1e\x85\u2028\u2029]+[ \t]*|[ \t]{2,}|\t")


def one_line(text: str) -> str:
    """The text on one line: each line break, and each run of spaces or tabs, one space."""
    return _LINE_BREAKS.sub(" ", str(text)).strip(" \t\r\n\f\v\x1c\x1d\x1e\x85\u2028\u2029")


def escape(text: str) -> str:
    """Plain text as Markdown that shows exactly that text, on one line."""
    return _INLINE.sub(lambda m: "\\" + m.group(0), one_line(text))


#: Inline Markdown with emphasis kept: what RenderCV's Markdown may hold beside links.
_INLINE_KEEP_EMPHASIS = re.compile(r"([\\`\[\]<>])|&(?=#?\w+;)")
#: A Markdown link, ``[text](url)`` or ``[text](<url>)``, as RenderCV writes them.
_MARKDOWN_LINK = re.compile(
    r"\[(?P<text>[^\[\]]*)\]\((?:<(?P<angled>[^<>]*)>|(?P<url>[^()\s<>]*))\)"
)
#: The addresses a link in imported text may go to: the web and e-mail, nothing local.
_WEB_ADDRESS = re.compile(r"(?:https?://[^\s/?#]+|mailto:[^\s@]+@)\S*", re.IGNORECASE)


def imported(text: str, *, markdown: bool = False) -> str:
    """Imported text as inline Markdown that shows that text, on one line.

    Plain text (``markdown=False``) is escaped whole. Markdown keeps ``*`` and
    ``_`` emphasis and ``[text](https://…)`` links; everything else, roles
    (``{download}`…```), HTML, comments and links to files, shows as written.
    """
    text = one_line(text)
    if not markdown:
        return escape(text)
    parts, start = [], 0
    for match in _MARKDOWN_LINK.finditer(text):
        address = match["angled"] if match["angled"] is not None else match["url"]
        if not _WEB_ADDRESS.fullmatch(address.strip()):
            continue  # a link to a file, or javascript:, stays text
        parts.append(_escape_but_emphasis(text[start : match.start()]))
        shown = _escape_but_emphasis(match["text"]) or escape(address)
        parts.append(f"[{shown}](<{angle_safe(address.strip())}>)")
        start = match.end()
    parts.append(_escape_but_emphasis(text[start:]))
    return "".join(parts)


def _escape_but_emphasis(text: str) -> str:
    return _INLINE_KEEP_EMPHASIS.sub(r"\\\g<0>", text)


def angle_safe(address: str) -> str:
    """An address for ``(<…>)``: its ``<`` and ``>`` percent-encoded."""
    return address.replace("<", "%3C").replace(">", "%3E")


def block_safe(line: str) -> str:
    """A line that starts a paragraph, whatever its first character."""
    match = _BLOCK_START.match(line)
    if match is None:
        return line
    if match.group(1):  # "1." stays a number, not a list
        return f"{match.group(1)}\\{line[len(match.group(1)) :]}"
    # A run ("---", ":::") is escaped character by character: MyST reads a list
    # item "\---" in a directive's body as a front matter's fence.
    run = _REPEATED.match(line)
    return "".join(f"\\{char}" for char in run.group(0)) + line[run.end() :]


def paragraph(text: str, *, plain: bool = True) -> str:
    """One paragraph of imported text (:func:`imported`): one line, block-safe."""
    return block_safe(imported(text, markdown=not plain))


def option(name: str, value: str) -> str:
    """``:name: value``, quoted (as JSON, which the options parser reads) when needed."""
    value = one_line(value)
    if not _PLAIN_OPTION.fullmatch(value):
        value = json.dumps(value, ensure_ascii=False)
    return f":{name}: {value}"


def fence_for(lines: list[str]) -> str:
    """A colon fence longer than any colon run that starts a line of the body."""
    longest = max((len(m.group(0)) for line in lines if (m := re.match(r":+", line))), default=0)
    return ":" * max(3, longest + 1)


def directive(
    name: str, argument: str, options: list[tuple[str, str]], body: list[str]
) -> list[str]:
    """The lines of ``:::{name} argument``, its options, a blank line, the body, ``:::``."""
    fence = fence_for(body)
    head = f"{fence}{{{name}}}" + (f" {one_line(argument)}" if argument.strip() else "")
    lines = [head, *(option(key, value) for key, value in options if one_line(value))]
    if body:
        lines += ["", *body]
    return [*lines, fence]


def link(text: str, url: str) -> str:
    """``[text](<url>)``: the text escaped, the address kept whole (``<>`` taken out of it)."""
    return f"[{escape(text)}](<{angle_safe(one_line(url))}>)"


def commented(lines: list[str]) -> list[str]:
    """Lines as MyST comments (``%``): shown in the source, not in the CV."""
    return [f"% {line}".rstrip() for line in lines]
