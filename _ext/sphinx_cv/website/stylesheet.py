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
import pickle
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

import tinycss2
from tinycss2 import ast

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
    """The element names, classes, ids and attribute names a page may have."""

    def __init__(self) -> None:
        self.tags: set[str] = set()
        self.classes: set[str] = set()
        self.ids: set[str] = set()
        self.attributes: set[str] = set()

    def update(self, frozen: tuple[frozenset[str], ...]) -> None:
        """Add the names of :meth:`frozen`."""
        for mine, theirs in zip(self._sets(), frozen, strict=True):
            mine.update(theirs)

    def _sets(self) -> tuple[set[str], ...]:
        return self.tags, self.classes, self.ids, self.attributes

    def frozen(self) -> tuple[frozenset[str], ...]:
        """The names, to keep (pickled) with a page."""
        return tuple(frozenset(names) for names in self._sets())

    def add_words(self, words: Iterable[str]) -> None:
        """Words of a script: any of them may become a name on the page."""
        for word in words:
            self.tags.add(word.lower())
            self.classes.add(word)
            self.ids.add(word)
            self.attributes.add(word.lower())
            # element.dataset.someName is the attribute data-some-name
            self.attributes.add("data-" + _CAPITAL.sub(r"-\1", word).lower())


class _Collector(HTMLParser):
    def __init__(self, names: Names) -> None:
        super().__init__(convert_charrefs=True)
        self.names = names
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:  # a script in the page sets names as the theme's scripts do
            self.names.add_words(_WORD.findall(data))

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        self.names.tags.add(tag)
        for name, value in attrs:
            self.names.attributes.add(name)
            if name == "class" and value:
                self.names.classes.update(value.split())
            elif name == "id" and value:
                self.names.ids.add(value)


#: A rule made ready for pruning: ``("rule", [(requirements, selector)], declarations)``,
#: ``("group", at-rule prelude, [rules])`` or ``("keep", text)``.
Compiled = tuple


def compile_rules(css: str) -> list[Compiled]:
    """Parse ``css`` once into what pruning needs (parsing takes a third of a second)."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    return list(_compiled(rules))


def _compiled(rules: Iterable[ast.Node]) -> Iterable[Compiled]:
    for rule in rules:
        if isinstance(rule, ast.QualifiedRule):
            selectors = [
                (_requirements(s), tinycss2.serialize(s).strip()) for s in _split(rule.prelude)
            ]
            yield ("rule", selectors, tinycss2.serialize(rule.content).strip())
        elif isinstance(rule, ast.AtRule):
            keyword = rule.lower_at_keyword
            if keyword in ("import", "charset"):
                continue  # the imported sheets are part of this one
            if keyword in GROUPING_RULES and rule.content is not None:
                inner = tinycss2.parse_rule_list(
                    rule.content, skip_comments=True, skip_whitespace=True
                )
                prelude = f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}"
                yield ("group", prelude, list(_compiled(inner)))
            else:
                yield ("keep", rule.serialize())


def prune(rules: list[Compiled], names: Names) -> str:
    """The rules that may match an element of the pages ``names`` describes."""
    return "\n".join(_kept(rules, names))


def _kept(rules: Iterable[Compiled], names: Names) -> Iterable[str]:
    for kind, *parts in rules:
        if kind == "rule":
            selectors, declarations = parts
            kept = [text for requirements, text in selectors if _met(requirements, names)]
            if kept:
                yield f"{','.join(kept)}{{{declarations}}}"
        elif kind == "group":
            prelude, inner = parts
            kept_inner = "\n".join(_kept(inner, names))
            if kept_inner:
                yield f"{prelude}{{{kept_inner}}}"
        else:
            yield parts[0]


def _split(prelude: list[ast.Node]) -> list[list[ast.Node]]:
    selectors: list[list[ast.Node]] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return [selector for selector in selectors if selector]


Requirements = tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]


def _requirements(selector: list[ast.Node]) -> Requirements:
    """The element names, classes, ids and attribute names a selector requires
    (pseudo-classes, their arguments and attribute values aside)."""
    tags: set[str] = set()
    classes: set[str] = set()
    ids: set[str] = set()
    attributes: set[str] = set()
    previous: ast.Node | None = None
    for token in selector:
        after = previous.value if isinstance(previous, ast.LiteralToken) else None
        if isinstance(token, ast.IdentToken):
            if after == ".":
                classes.add(token.value)
            elif after != ":":
                tags.add(token.value.lower())
        elif isinstance(token, ast.HashToken):
            ids.add(token.value)
        elif isinstance(token, ast.SquareBracketsBlock):
            attribute = next((t for t in token.content if isinstance(t, ast.IdentToken)), None)
            if attribute is not None:
                attributes.add(attribute.value.lower())
        previous = token
    return frozenset(tags), frozenset(classes), frozenset(ids), frozenset(attributes)


def _met(requirements: Requirements, names: Names) -> bool:
    tags, classes, ids, attributes = requirements
    return (
        tags <= names.tags
        and classes <= names.classes
        and ids <= names.ids
        and attributes <= names.attributes
    )


#: What the last build parsed, beside the doctrees: the rules, each page's names.
CACHE = "sphinx_cv_stylesheet.pickle"


def write(outdir: Path, cachedir: Path, scripts: Iterable[str]) -> None:
    """Write ``_static/cv-site.css`` for the pages in ``outdir``; point the pages at it.

    The parsed rules and each page's names are kept in ``cachedir`` and reused
    while the theme's CSS, and the page, are unchanged.
    """
    static = outdir / "_static"
    css = "\n".join(
        (static / source).read_text(encoding="utf-8")
        for source in SOURCES
        if (static / source).is_file()
    )
    cache = _load(cachedir / CACHE)
    if cache.get("css") != digest(css):
        cache = {"css": digest(css), "rules": compile_rules(css), "pages": {}}
    pages = [
        page
        for page in sorted(outdir.rglob("*.html"))
        if not any(part.startswith("_") for part in page.relative_to(outdir).parts)
    ]
    names = Names()
    seen: dict[str, tuple] = {}
    for page in pages:
        key = str(page.relative_to(outdir))
        stat = page.stat()
        entry = cache["pages"].get(key)
        if entry is None or entry[0] != (stat.st_mtime_ns, stat.st_size):
            entry = ((stat.st_mtime_ns, stat.st_size), _names_of(page))
        seen[key] = entry
        names.update(entry[1])
    script_paths = (static / script for script in scripts)
    names.add_words(
        word
        for path in script_paths
        if path.is_file()
        for word in _WORD.findall(path.read_text(encoding="utf-8"))
    )
    names.tags.update({"html", "body"})
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


def _names_of(page: Path) -> tuple[frozenset[str], ...]:
    names = Names()
    collector = _Collector(names)
    collector.feed(page.read_text(encoding="utf-8"))
    collector.close()
    return names.frozen()


def _load(path: Path) -> dict:
    try:
        with path.open("rb") as file:
            return pickle.load(file)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        return {}
