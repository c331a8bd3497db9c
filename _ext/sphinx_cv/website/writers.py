"""HTML writers: semantic markup styled by ``static/sphinx_cv.css``.

An entry list is a ``<ul>``, an entry an ``<li>``; there are no headings, so
the page outline stays the author's. Each date point is a ``<time>``.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from ..publications.nodes import bracketed, cv_bibtex
from ..source.dates import DatePoint
from ..source.nodes import dates_text
from ..source.records import PROFILE_NETWORKS, network_label
from .icons import icon

#: The HTML element of each node, by node class name.
_TAGS = {
    "cv_list": "ul",
    "cv_entry": "li",
    "cv_entry_header": "div",
    "cv_entry_title": "span",
    "cv_entry_dates": "span",
    "cv_entry_meta": "div",
    "cv_entry_field": "span",
    "cv_entry_body": "div",
    "cv_profile": "ul",
    "cv_profile_item": "li",
    "cv_rtl": "bdi",  # made for the PDF only; isolated right to left if it ever is here
}


def visit_element(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, _TAGS[node.__class__.__name__], ""))


def depart_element(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(f"</{_TAGS[node.__class__.__name__]}>")


def visit_profile_item(self: HTML5Translator, node: nodes.Element) -> None:
    # The icon shows what the field is; its label is there for screen readers.
    visit_element(self, node)
    label = self.encode(node["label"])
    self.body.append(f'{icon(node["field"])}<span class="cv-profile-label">{label}:</span> ')
    if node["field"] in PROFILE_NETWORKS:
        # Short, as in the PDF: "minhak", "Google Scholar", not the whole address.
        url = node.next_node(nodes.reference)["refuri"]
        network, shown = network_label(node["field"], url)
        name = f"{network}: {shown}" if network else shown
        self.body.append(
            f'<a class="reference external" href="{self.attval(url)}"'
            f' aria-label="{self.attval(name)}">{self.encode(shown)}</a></li>'
        )
        raise nodes.SkipNode


def visit_photo(self: HTML5Translator, node: nodes.Element) -> None:
    visit_image_node(self, node, "cv-photo")


def visit_image_node(self: HTML5Translator, node: nodes.Element, css_class: str) -> None:
    """An ``<img>`` sized from its file, so the page does not move when it arrives (CSS
    scales it), loaded when scrolled near."""
    uri = node["uri"]
    if uri in self.builder.images:
        # A file name with "#", "?" or a space is a path, not a URL's parts.
        uri = posixpath.join(self.builder.imgpath, quote(self.builder.images[uri]))
    self.body.append(
        f'<img class="{css_class}" src="{self.attval(uri)}" alt="{self.attval(node["alt"])}"'
        f' width="{node["pixel_width"]}" height="{node["pixel_height"]}"'
        ' loading="lazy" decoding="async" />'
    )
    raise nodes.SkipNode


def visit_dates(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", ""))
    if not node["spans"]:
        return  # not a valid date: its text is shown as written

    def time(point: DatePoint, label: str) -> str:
        return f'<time datetime="{point.iso}">{self.encode(label)}</time>'

    present = self.encode(node["present_label"])
    self.body.append(dates_text(node, present_label=present, show_point=time))
    self.body.append("</span>")
    raise nodes.SkipNode


# -- publications (see sphinx_cv.publications.nodes)


def visit_publications(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "ul", ""))


def depart_publications(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</ul>\n")


def visit_publication(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "li", ""))
    label = self.encode(bracketed(node))
    self.body.append(f'<span class="cv-publication-label">{label}</span>')


def depart_publication(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</li>\n")


def visit_math(self: HTML5Translator, node: nodes.Element) -> None:
    # The children are the formula as Unicode with <sub> and <sup> (no math renderer).
    self.body.append(self.starttag(node, "span", "", CLASS="cv-math"))


def depart_math(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


def visit_details(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "details", ""))
    self.body.append(f"<summary>{self.encode(node['summary'])}</summary>")


def depart_details(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</details>\n")


#: The copy buttons' script, inline in the head of a page that has one (no file to load).
COPY_SCRIPT = (
    "document.addEventListener('click',e=>{const b=e.target.closest('.cv-copy');"
    "if(!b)return;navigator.clipboard.writeText(b.previousElementSibling.textContent)"
    ".then(()=>{b.textContent=b.dataset.done;setTimeout(()=>{b.textContent=b.dataset.label},"
    "2000)})})"
)


def add_copy_script(app, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Give a page with a BibTeX toggle the few lines its Copy buttons need."""
    if doctree is not None and next(doctree.findall(cv_bibtex), None) is not None:
        app.add_js_file(None, body=COPY_SCRIPT)


def visit_bibtex(self: HTML5Translator, node: nodes.Element) -> None:
    # The button copies the <pre> before it, then says so for two seconds.
    label, done = self.attval(node["copy_label"]), self.attval(node["copied_label"])
    self.body.append(f'<pre class="cv-bibtex-source">{self.encode(node.astext())}</pre>')
    self.body.append(
        f'<button type="button" class="cv-copy" data-label="{label}" data-done="{done}">'
        f"{label}</button>"
    )
    raise nodes.SkipNode


def visit_preview(self: HTML5Translator, node: nodes.Element) -> None:
    visit_image_node(self, node, "cv-preview")


HANDLERS = dict.fromkeys(_TAGS, (visit_element, depart_element))
HANDLERS["cv_entry_dates"] = (visit_dates, depart_element)
HANDLERS["cv_profile_item"] = (visit_profile_item, depart_element)
HANDLERS["cv_publications"] = (visit_publications, depart_publications)
HANDLERS["cv_publication"] = (visit_publication, depart_publication)
HANDLERS["cv_math"] = (visit_math, depart_math)
HANDLERS["cv_photo"] = (visit_photo, depart_math)
HANDLERS["cv_preview"] = (visit_preview, depart_math)
HANDLERS["cv_details"] = (visit_details, depart_details)
HANDLERS["cv_bibtex"] = (visit_bibtex, depart_math)
