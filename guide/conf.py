"""Sphinx configuration of the guide: sphinx-cv's own documentation (``./cv guide``).

It loads this checkout's sphinx_cv, as the CV in ``docs/`` does, so that its
reference (``_ext/reference``) is drawn from the code beside it and its
examples are built by it.
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "_ext"))  # this checkout's sphinx_cv
sys.path.insert(0, str(HERE / "_ext"))  # the reference's directives

project = "sphinx-cv"
copyright = "2026, the sphinx-cv contributors"
html_title = "sphinx-cv"

extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv", "reference"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
exclude_patterns = ["_build"]
language = "en"

# The guide is no CV: no home page of one (download line, section cards, JSON-LD),
# no PDF of it, and the theme as it comes (with its search).
cv_home_page = ""
cv_pdf_link = False
cv_slim_site = False
# The examples' papers: the test roots' own files, their owners bold.
bibtex_bibfiles = [
    "../tests/roots/test-landing/refs.bib",
    "../tests/roots/test-chemist/references.bib",
    "../tests/roots/test-humanist/references.bib",
    "../tests/roots/test-clinician/references.bib",
    "../tests/data/bib/ads-export-service.bib",
    "../tests/data/bib/hsf-bibliohep-publications.bib",
]
cv_highlight_authors = [
    "Hoa Nguyen",
    "Ana Cláudia Ribeiro-Søndergaard",
    "Katharina Müller-Lüdenscheidt",
    "Aoife Ní Bhriain-Okonkwo",
    "Aoife Ní Bhriain",
]
# The test roots' files (the photo of how-to/home-page.md links to one) may be published.
cv_file_folders = ["../tests/roots"]
# An example's headings are shown as headings of the example, not of the page.
suppress_warnings = ["myst.nested_header"]

html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_css_files = ["guide.css"]
html_theme_options = {
    "repository_url": "https://github.com/songminhak/sphinx-cv",
    "repository_branch": "main",
    "path_to_docs": "guide",
    "use_edit_page_button": True,
    "use_repository_button": True,
    "show_toc_level": 2,
}
