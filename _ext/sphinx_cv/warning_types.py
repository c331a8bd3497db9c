"""Every type of warning the extension writes: ``cv.<subtype>``, what it is about, what to do.

A warning ends with its type in brackets (``… [cv.date]``); ``suppress_warnings =
["cv.date"]`` in ``conf.py`` silences that type. The guide's reference lists this
table, and ``tests/test_warning_types.py`` reads the code for every subtype it
passes to Sphinx's logger and fails on one that is missing here (or listed here and
written nowhere).
"""

from __future__ import annotations

from dataclasses import dataclass

#: The type every warning of the extension has (Sphinx's ``type``).
TYPE = "cv"


@dataclass(frozen=True)
class WarningType:
    """One subtype: where the warning points, what went wrong, and what to do."""

    where: str
    about: str
    fix: str


WARNING_TYPES: dict[str, WarningType] = {
    "date": WarningType(
        where="the entry's line in its page",
        about="a `:date:` that is missing, empty, or outside the date grammar (month 13, "
        "30 February, a span that ends before it starts, words the grammar does not "
        "know); the entry is shown with the date as written",
        fix="write the date in one of the forms the warning lists, e.g. `2020-03 -- present`",
    ),
    "option": WarningType(
        where="the option's line",
        about="an option given twice, a `:kind:` that is not a kind, an e-mail address or "
        "phone number that is not one, or a value MyST could not read (one that starts "
        "with a quote, `>` or `|`)",
        fix="remove the second option; quote a value that starts with a quote as a whole "
        "(`:role: '\"Lead\" engineer'`); use a value the warning lists",
    ),
    "argument": WarningType(
        where="the directive's line",
        about="an entry or profile without its title or name",
        fix="write the title after the directive's name: `:::{timeline} Title`",
    ),
    "content": WarningType(
        where="the directive's line, or the bullet's",
        about="a `profile` with a body (it takes none), a `skills` or `interests` block "
        "with nothing to read, or a `skills` bullet without a bold label (shown, but not "
        "exported)",
        fix="move the text under the profile; give each skills bullet a label: "
        "`- **Languages:** Python, Rust`",
    ),
    "nested": WarningType(
        where="the outer entry's line (it names the inner one's)",
        about="an entry inside another one, usually a forgotten closing `:::`; the inner "
        "entry is shown after the outer one",
        fix="close the outer entry before the next one starts",
    ),
    "url": WarningType(
        where="the option's or the title's line",
        about="a link that is no absolute `http://` or `https://` address with a host (in "
        "`:url:`, a profile link, or a link in a title or role, or their translation in a "
        "`.po` file); it is left out of every output",
        fix="write the whole address: `https://example.org/page`",
    ),
    "html": WarningType(
        where="the entry's line",
        about="an HTML tag in a title or an option (plain-text fields), or in their "
        "translation; it is left out, since it would reach the page as HTML",
        fix="write `*emphasis*` or `**bold**` in Markdown instead",
    ),
    "photo": WarningType(
        where="the profile's line",
        about="a `:photo:` that is no file in the project, not an image, or an SVG (it can "
        "hold scripts); the profile is shown without it",
        fix="save a PNG, JPEG, GIF or WebP image beside the page and name it: `:photo: photo.jpg`",
    ),
    "owner": WarningType(
        where="the profile's line",
        about="the profile names someone other than conf.py's `author`, which titles the "
        "pages, names the PDF and is bold in the papers: one of the two was forgotten",
        fix='write the same person in both (`author = "Ada Lovelace"` in conf.py)',
    ),
    "profile": WarningType(
        where="the second profile's line (it names the first's)",
        about="a second `profile`; only the first one is shown, in every output",
        fix="keep one profile, on the home page",
    ),
    "tags": WarningType(
        where="the `:tags:` line, the `{tagged}` block, or the page",
        about="a tag with other characters or separators than the accepted ones, or an "
        "entry inside a `{tagged}` block (it keeps its own tags)",
        fix="write tags as words separated by commas or spaces (`:tags: industry, "
        "selected`); give an entry its own `:tags:`",
    ),
    "text": WarningType(
        where="the line in the page or the .bib file",
        about="an invisible control character (from a copy and paste); it is read as a space",
        fix="delete the character at that line",
    ),
    "file": WarningType(
        where="the image's, the download's or the .bib field's line",
        about="an image, a download, a preview or an al-folio file outside the project "
        "(the source folder, the .bib files' folders and `cv_file_folders`); it is left "
        "out, so that nothing outside the project is published",
        fix="move the file into the project, or add its folder to `cv_file_folders`",
    ),
    "bibtex": WarningType(
        where="the entry's line, or the field's, in the .bib file",
        about="a .bib mistake: a syntax error (only its entry is left out), bytes that are "
        "not UTF-8, a key or field given twice, a field or type no bibliography defines, "
        "a `month` or `date` that is none, an `author+an` position that is no author, "
        "LaTeX that cannot be read, a formula the website cannot show, a link that is "
        "not `http(s)://`, a missing preview or file, an entry without a title, or a "
        "`bibtex_bibfiles` file that does not exist",
        fix="fix the field the warning names; the entry is shown meanwhile with what could be read",
    ),
    "bibliography": WarningType(
        where="the `{bibliography}` directive's line",
        about="a `:filter:` that fails on the entries (comparing text with a number) or "
        "names a field no entry has; the list shows the cited entries instead",
        fix='compare fields with text (`year >= "2020"`); use a field the entries have',
    ),
    "config": WarningType(
        where="the setting's line in conf.py",
        about="a setting of the wrong type or with a value that cannot work (a date "
        "format without a month, a paper size, an engine or a version that does not "
        "exist, a file name with other characters), an `html_baseurl` that is no "
        "address of this site, a PDF over its version's page limit, two versions' PDFs "
        "with one name, or a missing CJK font; the build uses the default",
        fix="use a value the warning lists, or remove the line to use the default",
    ),
    "pdf": WarningType(
        where="the build (no line: the PDF as a whole)",
        about="the website's PDF could not be built, written or copied; the website is "
        "built without it (an older copy is removed)",
        fix="read the reason the warning gives (a missing program, a full disk); set "
        "`cv_pdf_link = False` to build the website alone",
    ),
    "typst": WarningType(
        where="the line that writes the text, when it is known",
        about="something the Typst PDF cannot set as written: a character no font has "
        "(it shows as a box, and the PDF loses its PDF/UA-1 declaration), another "
        "PDF/UA-1 problem, a node of another extension (printed as plain text), a "
        "formula outside the .bib (printed as code), or a compile that failed",
        fix="write the text differently or install a font that has the character; "
        '`cv_pdf_engine = "latex"` typesets formulas',
    ),
    "latex": WarningType(
        where="the entry or line that holds the text",
        about="what LaTeX only writes to its log: a line wider than the page (cut at the "
        "margin) or a character no font has (printed as nothing)",
        fix="break the long word or link; install a font that has the character, or name "
        "one with `\\cvfallbackfont` in `latex_elements`",
    ),
}
