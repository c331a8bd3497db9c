"""Sphinx configuration of Minhak Song's CV.

To make the CV your own, change the first block (and the pages): the page
titles, the PDF's title and file name, canonical links, OpenGraph, the sitemap
and resume.json all follow from it.
"""

import sys
from pathlib import Path

# The extension lives in this repository; an installed copy works as well.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "_ext"))

# -- Whose CV this is: a fork changes this block ---------------------------------
author = "Minhak Song"  # bold in author lists; the PDF's name: minhak-song-cv.pdf
project = author  # the site's title: sidebar and "Minhak Song — Publications"
copyright = f"2026, {author}"
# The site's address: canonical links, OpenGraph URLs, the sitemap, resume.json.
# Empty: Read the Docs' own address there; elsewhere no canonical links or sitemap.
html_baseurl = "https://minhak-song-cv.readthedocs.io/en/latest/"
# Where the sources live: the edit button opens each page's Markdown there.
repository_url = "https://github.com/songminhak/sphinx-cv"

# -- sphinx-cv ----------------------------------------------------------------
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
cv_present_label = {"en": "Current"}  # "Mar 2020 – Current"; other languages: their word
cv_date_format = "%b %Y"  # how a month is shown: "Mar 2020"

bibtex_bibfiles = ["../references.bib"]

# One source, two CVs: the website is the full CV and offers both PDFs. Content
# tagged "academic" stays out of the résumé; its papers are those tagged "selected".
# Build one version alone with -D cv_version=resume.
cv_versions = {
    "cv": {"title": "CV"},
    "resume": {
        "title": "Résumé",
        "sections": ["education", "experience", "awards", "skills", "publications"],
        "exclude": ["academic"],
        "publications": ["selected"],
        "pages": 1,
    },
}

myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
language = "en"
# Translations of the pages: locales/<lang>/LC_MESSAGES/<page>.po (the Korean
# CV: ./cv html -- -D language=ko). Sphinx compiles them to .mo as it builds.
locale_dirs = ["locales/"]

# -- Website --------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 1,
    "repository_url": repository_url,
    "repository_branch": "main",
    "path_to_docs": "docs",
    "use_edit_page_button": True,
    "use_repository_button": True,
}

# -- Findable and shareable -----------------------------------------------------
# Canonical links, OpenGraph tags and sitemap.xml use html_baseurl (above).
extensions += ["sphinxext.opengraph", "sphinx_sitemap"]
ogp_social_cards = {"enable": False}  # no generated preview images
ogp_custom_meta_tags = ['<meta name="twitter:card" content="summary" />']
sitemap_url_scheme = "{link}"  # html_baseurl already holds language and version
sitemap_excludes = ["search.html", "genindex.html"]
