"""The slim site's one stylesheet: the theme's CSS pruned to what the built pages use.

pydata-sphinx-theme's stylesheet styles every component a documentation site
may have (about 64 KiB compressed); a CV's pages use a few percent of it. With
the slim site, every page links one file, ``_static/cv-site.css``, instead of
Sphinx's ``basic.css``, the two themes' stylesheets and ``sphinx_cv.css``. It is
written when the build has finished, from those files, keeping a rule only when
one of its selectors may match the built pages:

- every element name, class, id and attribute name a selector names occurs in
  some page, or as a word of a script the pages load (so what the scripts set,
  such as ``data-theme`` or ``show``, is kept);
- pseudo-classes and their arguments (``:hover``, ``:not(...)``) and attribute
  values are not checked, so states and colour modes keep their rules;
- at-rules keep what they hold that is kept; ``@font-face``, ``@keyframes`` and
  the like are kept whole.

The pages link the file with its digest (``?v=``), so a browser may cache it;
when the stylesheet changes, the build rewrites that digest in every page.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
from collections.abc import Iterable
from pathlib import Path

#: The site's stylesheet, under ``_static``.
NAME = "cv-site.css"
#: The style sheets it replaces, under ``_static``, in the order the theme loads them.
SOURCES = (
    "basic.css",
    "styles/pydata-sphinx-theme.css",
    "styles/sphinx-book-theme.css",
    "sphinx_cv.css",
)
#: Their names as pages refer to them (``theme.css`` only imports ``basic.css``).
REPLACED = frozenset({"theme.css", *(Path(source).name for source in SOURCES)})
#: What pages link before the build has written the stylesheet once.
NO_DIGEST = "0"
_LINK = re.compile(re.escape(NAME) + r"\?v=([0-9a-f]+)")
#: At-rules whose block holds rules to prune; other at-rules are kept whole.
GROUPING_RULES = frozenset({"media", "supports", "layer", "container", "document"})
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_CAPITAL = re.compile(r"([A-Z])")


def digest(css: str) -> str:
    return hashlib.sha256(css.encode()).hexdigest()[:16]


def current_digest(outdir: Path) -> str:
    """The digest of the stylesheet the last build wrote, which pages link until this
    build writes its own."""
    path = outdir / "_static" / NAME
    return digest(path.read_text(encoding="utf-8")) if path.is_file() else NO_DIGEST


class Names:
    """The element names (``a``), classes (``.a``), ids (``#a``) and attribute names
    (``[a``) a page may have, in one set, as :func:`requirements` writes them."""

    def __init__(self) -> None:
        self.known: set[str] = set()

    def add_words(self, words: Iterable[str]) -> None:
        """Words of a script: any of them may become a name on the page."""
        for word in words:
            lower = word.lower()
            # element.dataset.someName is the attribute data-some-name
            data = "data-" + _CAPITAL.sub(r"-\1", word).lower()
            self.known.update((lower, "." + word, "#" + word, "[" + lower, "[" + data))


# A page's start tags and their attributes, and its scripts (read fast, not parsed:
# an extra name only keeps a rule more).
_TAG = re.compile(r"<([a-zA-Z][\w-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_HTML_ATTRIBUTE = re.compile(r"([^\s=/>\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>]+)))?")
_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)


def _names_in(html: str, names: Names) -> None:
    known = names.known
    for tag, attributes in _TAG.findall(html):
        known.add(tag.lower())
        for name, *values in _HTML_ATTRIBUTE.findall(attributes):
            name = name.lower()
            known.add("[" + name)
            value = "".join(values)
            if name == "class":
                known.update("." + word for word in value.split())
            elif name == "id" and value:
                known.add("#" + value)
    for script in _SCRIPT.findall(html):  # a page's script sets names as the theme's do
        names.add_words(_WORD.findall(script))


#: A rule made ready for pruning: ``("rule", [(requirements, selector)], declarations)``,
#: ``("group", at-rule prelude, [rules])`` or ``("keep", text)``.
Compiled = tuple

# The scanner: comments and strings are skipped whole, braces delimit blocks.
_TOKEN = re.compile(r"/\*.*?\*/|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|[{};]", re.DOTALL)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# One part of a selector: an attribute (its name), pseudo-class arguments or a
# pseudo-class (skipped), or a name (element, .class or #id; "\:" escapes a colon).
_PART = re.compile(
    r"\[\s*(-?[_a-zA-Z][\w-]*)[^\]]*\]"
    r"|\((?:[^()]|\([^()]*\))*\)"
    r"|(?<!\\)::?-?[_a-zA-Z][\w-]*"
    r"|([.#]?)((?:[\w-]|\\.)+)"
)
_AT_KEYWORD = re.compile(r"@([\w-]+)")


def compile_rules(css: str) -> list[Compiled]:
    """Split ``css`` once into rules and what each selector requires."""
    rules, _end = _block(css, 0)
    return rules


def _block(css: str, start: int) -> tuple[list[Compiled], int]:
    """The rules from ``start`` to the ``}`` that closes their block (or the end);
    the position after it."""
    rules: list[Compiled] = []
    prelude_start = position = start
    while (match := _TOKEN.search(css, position)) is not None:
        token, position = match.group(), match.end()
        if token == "}":
            return rules, position
        if token not in "{;":  # a comment or a string: part of the prelude
            continue
        if token == ";":  # an at-rule without a block (@import, @charset, @layer a, b)
            statement = _COMMENT.sub("", css[prelude_start : match.start()]).strip()
            if statement.startswith("@") and not statement.startswith(("@import", "@charset")):
                rules.append(("keep", statement + ";"))
        elif token == "{":
            prelude = _COMMENT.sub("", css[prelude_start : match.start()]).strip()
            keyword = _AT_KEYWORD.match(prelude)
            if keyword and keyword[1].lower() in GROUPING_RULES:
                inner, position = _block(css, position)
                rules.append(("group", prelude, inner))
            else:
                end = _closing(css, position)
                body = css[position:end].strip()
                position = end + 1
                if prelude.startswith("@"):
                    rules.append(("keep", f"{prelude}{{{body}}}"))
                elif prelude:
                    selectors = [(requirements(s), s) for s in _selectors(prelude)]
                    rules.append(("rule", selectors, body))
        prelude_start = position
    return rules, len(css)


def _closing(css: str, start: int) -> int:
    """The position of the ``}`` that closes the block opened before ``start``."""
    depth = 1
    for match in _TOKEN.finditer(css, start):
        token = match.group()
        if token == "{":
            depth += 1
        elif token == "}":
            depth -= 1
            if depth == 0:
                return match.start()
    return len(css)


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its commas (not those inside ``:is(a, b)``)."""
    if "(" not in prelude and "[" not in prelude:
        return [part.strip() for part in prelude.split(",") if part.strip()]
    parts, depth, current = [], 0, []
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(char)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


def requirements(selector: str) -> tuple[str, ...]:
    """The names a selector requires, written as :class:`Names` keeps them:
    ``div.a#b[c]:hover`` requires ``div``, ``.a``, ``#b`` and ``[c``. Pseudo-classes,
    their arguments and attribute values are not requirements."""
    names = []
    for attribute, prefix, name in _PART.findall(selector):
        if attribute:
            names.append("[" + attribute.lower())
        elif name:
            name = name.replace("\\", "")
            names.append(prefix + name if prefix else name.lower())
    return tuple(names)


def prune(rules: list[Compiled], names: Names) -> str:
    """The rules that may match an element of the pages ``names`` describes."""
    return "\n".join(_kept(rules, names.known))


def _kept(rules: Iterable[Compiled], known: set[str]) -> Iterable[str]:
    for kind, *parts in rules:
        if kind == "rule":
            selectors, declarations = parts
            kept = [text for needs, text in selectors if all(n in known for n in needs)]
            if kept:
                yield f"{','.join(kept)}{{{declarations}}}"
        elif kind == "group":
            prelude, inner = parts
            kept_inner = "\n".join(_kept(inner, known))
            if kept_inner:
                yield f"{prelude}{{{kept_inner}}}"
        else:
            yield parts[0]


#: What the last build parsed, beside the doctrees: the rules, each page's names.
CACHE = "sphinx_cv_stylesheet.pickle"
#: What the last build made the stylesheet from (see :func:`_state`).
STAMP = "sphinx_cv_stylesheet.stamp"
#: Changes when what the cache holds changes.
CACHE_FORMAT = 3


def write(outdir: Path, cachedir: Path, scripts: Iterable[str]) -> None:
    """Write ``_static/cv-site.css`` for the pages in ``outdir``; point the pages at it.

    The parsed rules and each page's names are kept in ``cachedir`` and reused
    while the theme's CSS, and the page, are unchanged; when nothing changed at
    all, nothing is done.
    """
    static = outdir / "_static"
    css = "\n".join(
        (static / source).read_text(encoding="utf-8")
        for source in SOURCES
        if (static / source).is_file()
    )
    scripts_text = "\n".join(
        (static / script).read_text(encoding="utf-8")
        for script in scripts
        if (static / script).is_file()
    )
    pages = site_pages(outdir)
    stamp = cachedir / STAMP
    if _state(outdir, pages, css, scripts_text) == _read(stamp):
        return  # no page, style sheet or script changed since the last build wrote it
    cache = _load(cachedir / CACHE)
    key = (CACHE_FORMAT, digest(css))
    if cache.get("key") != key:
        cache = {"key": key, "rules": compile_rules(css), "pages": {}}
    names = Names()
    seen: dict[str, tuple] = {}
    for page in pages:
        key = str(page.relative_to(outdir))
        stat = page.stat()
        entry = cache["pages"].get(key)
        if entry is None or entry[0] != (stat.st_mtime_ns, stat.st_size):
            entry = ((stat.st_mtime_ns, stat.st_size), _names_of(page))
        seen[key] = entry
        names.known.update(entry[1])
    names.add_words(_WORD.findall(scripts_text))
    names.known.update({"html", "body"})
    pruned = prune(cache["rules"], names) + "\n"
    old, new = current_digest(outdir), digest(pruned)
    if old != new:
        (static / NAME).write_text(pruned, encoding="utf-8")
        for page in pages:  # written with the old digest
            text = page.read_text(encoding="utf-8")
            linked = _LINK.sub(f"{NAME}?v={new}", text)
            if linked != text:
                page.write_text(linked, encoding="utf-8")
                stat = page.stat()
                key = str(page.relative_to(outdir))
                seen[key] = ((stat.st_mtime_ns, stat.st_size), seen[key][1])
    cache["pages"] = seen
    with (cachedir / CACHE).open("wb") as file:
        pickle.dump(cache, file, pickle.HIGHEST_PROTOCOL)
    stamp.write_text(_state(outdir, pages, css, scripts_text), encoding="utf-8")


def site_pages(outdir: Path) -> list[Path]:
    """The site's pages, in order: not those under a folder named ``_…`` (``_static``,
    ``_images``, ``_sources``), which are not walked at all."""
    pages = []
    for folder, subfolders, files in os.walk(outdir):
        subfolders[:] = [name for name in subfolders if not name.startswith("_")]
        pages += [Path(folder, name) for name in files if name.endswith(".html")]
    return sorted(pages)


def _state(outdir: Path, pages: list[Path], css: str, scripts: str) -> str:
    """What the stylesheet is made from, and the stylesheet: a build that finds the
    same has nothing to do."""
    # Contents, not times: Sphinx writes its index and search pages on every build.
    contents = [(str(page), hashlib.sha256(page.read_bytes()).hexdigest()) for page in pages]
    made_from = (CACHE_FORMAT, digest(css), digest(scripts), contents, current_digest(outdir))
    return digest(repr(made_from))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def _names_of(page: Path) -> frozenset[str]:
    names = Names()
    _names_in(page.read_text(encoding="utf-8"), names)
    return frozenset(names.known)


def _load(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return {}
