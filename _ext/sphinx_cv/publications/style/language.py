# ruff: noqa: RUF002  (quotation marks of each language, on purpose)
"""The words and forms of the publication list in the CV's language.

Every fixed word the style writes is a msgid of the ``sphinx_cv`` catalog
(:mod:`sphinx_cv.i18n`), translated where it is shown; a form with parts is a
template with ``{placeholders}`` (:func:`filled`), so that each language puts
the parts in its own order and words: "146(12):8123–8134" is "146, H. 12,
S. 8123–8134" in German; "In {book}" is "In: {book}"; “{title}” is „{title}“
(with ‚…‘ for quotation marks inside), « {title} » in French.
"""

from __future__ import annotations

import re

from pybtex.richtext import String, Text

from ...i18n import _, ngettext
from ...source.dates import DatePoint
from .dates import PUBSTATES, BibDate


def filled(template: str, **parts: Text | str) -> Text:
    """A translated ``template`` with rich text in its ``{placeholders}``: "In {book}"."""
    pieces = re.split(r"\{(\w+)\}", template)
    # re.split puts the placeholders' names at the odd places.
    return Text(*(parts[piece] if i % 2 else piece for i, piece in enumerate(pieces) if piece))


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, …, 21st."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def equal_legend() -> str:
    """The legend before a list with equal contributions, in the build's language."""
    return _("(* denotes equal contribution)")


# -- quotation marks ----------------------------------------------------------------

#: Double quotation marks of any language, as a title may hold them.
_DOUBLE_QUOTES = '\u201c\u201d\u201e\u00ab\u00bb\u201f\u2033"'


def quoted(title: Text) -> Text:
    """A title in the language's quotation marks; marks inside it become the inner
    ones (German „‚Gastarbeit‘ und …“, English “‘Gastarbeit’ and …”)."""
    outer = _("\u201c{title}\u201d")
    inner = _("\u2018{title}\u2019")
    if any(char in str(title) for char in _DOUBLE_QUOTES):
        title = _inner_quotes(title, *inner.split("{title}"))
    return filled(outer, title=title)


def _inner_quotes(title: Text, opening: str, closing: str) -> Text:
    """Each double quotation mark in the title as the inner mark, opening and closing in turn."""
    state = {"open": False}

    def swap(text: str) -> str:
        result = []
        for char in text:
            if char in _DOUBLE_QUOTES:
                result.append(closing.strip() if state["open"] else opening.strip())
                state["open"] = not state["open"]
            else:
                result.append(char)
        return "".join(result)

    return title.map(lambda part: String(swap(str(part))) if type(part) is String else part)


# -- parts of an entry -----------------------------------------------------------------


def journal_issue(volume: Text, number: Text, pages: str) -> Text:
    """A journal's volume, issue and pages: "146(12):8123–8134" (German "146, H. 12,
    S. 8123–8134"); without a volume, "no. 12, pp. 8123–8134"."""
    if not volume:
        parts = [filled(_("no. {number}"), number=number) if number else Text(), page_text(pages)]
        return Text(", ").join([part for part in parts if part])
    if number and pages:
        return filled(_("{volume}({number}):{pages}"), volume=volume, number=number, pages=pages)
    if number:
        return filled(_("{volume}({number})"), volume=volume, number=number)
    if pages:
        return filled(_("{volume}:{pages}"), volume=volume, pages=pages)
    return volume


def page_text(pages: str) -> Text:
    """ "pp. 211–248", or "p. 7" for one page; an article number ("e077123") as it is."""
    if not pages:
        return Text()
    if "\u2013" in pages:
        return filled(_("pp. {pages}"), pages=pages)
    if re.fullmatch(r"[0-9ivxlcdmIVXLCDM]{1,5}", pages):
        return filled(_("p. {pages}"), pages=pages)
    return Text(pages)  # an article number: 121843B, e077123, 010201


def volume_text(volume: Text) -> Text:
    """A volume of a book in several: "vol. 2" (German "Bd. 2")."""
    return filled(_("vol. {volume}"), volume=volume)


def series_text(series: Text, number: Text) -> Text:
    """A series and the work's number in it: "Proc. SPIE 12184", German "(Studien zur
    Zeitgeschichte, Bd. 12)"."""
    if not number:
        return series
    return filled(_("{series} {number}"), series=series, number=number)


def edition_text(edition: str, rich_edition: Text) -> Text:
    """``edition = {2}`` is "2nd ed." ("2. Aufl."); a word is kept with the language's
    "ed." after it, unless it already says edition ("3rd edition", "2., überarb. Aufl.")."""
    if edition.isdigit():
        number = int(edition)
        return Text(_("{ordinal} ed.").format(ordinal=ordinal(number), number=number))
    word = re.escape(_("ed.").rstrip("."))
    says_edition = rf"\b(?:ed|edition|aufl|auflage|éd|édition|edición|edição|{word})\b\.?"
    if re.search(says_edition, edition, re.IGNORECASE) or re.search("[판版]", edition):
        return rich_edition
    return Text(rich_edition, " ", _("ed."))


def version_text(version: Text) -> Text:
    """A software's or data set's version: "version 1.2" ("Version 1.2"); "v2.1" as it is."""
    if re.match(r"v[0-9]", str(version)):
        return version
    return filled(_("version {version}"), version=version)


def translated_by(translators: Text) -> Text:
    """ "translated by A and B" ("übers. von A und B")."""
    return filled(_("translated by {translators}"), translators=translators)


def edited_by(editors: Text) -> Text:
    """ "edited by A and B" ("hrsg. von A und B")."""
    return filled(_("edited by {editors}"), editors=editors)


def in_book(book: Text) -> Text:
    """ "In Book" ("In: Book")."""
    return filled(_("In {book}"), book=book)


def editors_mark(count: int) -> str:
    """ "(Ed.)" or "(Eds.)" after a book's editors."""
    return _("(Eds.)") if count > 1 else _("(Ed.)")


# -- author lists ------------------------------------------------------------------


def name_list(names: list[Text]) -> Text:
    """ "A", "A and B", "A, B, and C" in the language's words."""
    if len(names) <= 1:
        return Text(*names)
    if len(names) == 2:
        return filled(_("{first} and {second}"), first=names[0], second=names[1])
    others = Text(", ").join(names[:-1])
    return filled(_("{others}, and {last}"), others=others, last=names[-1])


def et_al(names: Text, count: int) -> Text:
    """A list that goes on: "A et al.", "A, B, et al." (German "A u. a.", "A, B u. a.")."""
    if count == 1:
        return filled(_("{name} et al."), name=names)
    return filled(_("{names}, et al."), names=names)


def author_count(count: int) -> str:
    """How many authors a shortened list has: "(288 authors)"."""
    return ngettext("({count} author)", "({count} authors)", count).format(count=count)


def collaboration(name: Text) -> Text:
    """INSPIRE's ``collaboration = {IceCube}``: "IceCube Collaboration", unless the name
    says so already."""
    says_so = r"\b(collaboration|collab\.?|consortium|team|group|foundation|project|survey)\s*$"
    if re.search(says_so, str(name), re.IGNORECASE):
        return name
    return filled(_("{name} Collaboration"), name=name)


# -- dates and states ----------------------------------------------------------------


def date_text(date: BibDate, language: str | None, vancouver: bool = False) -> str:
    """A date as precise as it is given, in the language: "2024", "Mar 2024", "8 Jan 2025";
    medicine's "2025 Jan 8" in the Vancouver form."""
    if vancouver and date.month:
        month = DatePoint(date.year, date.month).format("%b", "en")
        return f"{date.year} {month}" + (f" {date.day}" if date.day else "")
    return DatePoint(date.year, date.month or None, date.day or None).format(None, language)


def pubstate_text(state: str) -> str:
    """A publication state in the language: "forthcoming" is "im Erscheinen"."""
    return _(PUBSTATES[state])


def epub_text(date: str) -> str:
    """A work published online first: "Epub 8 Jan 2025 ahead of print"."""
    return _("Epub {date} ahead of print").format(date=date)


def accessed(date: str) -> str:
    """When a web page was read (``urldate``): "accessed 3 May 2024" ("Zugriff: …")."""
    return _("accessed {date}").format(date=date)
