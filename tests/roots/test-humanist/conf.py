"""A German historian's CV (language de): her works as Zotero's Better BibLaTeX exports them."""

project = "Katharina Müller-Lüdenscheidt"
author = "Katharina Müller-Lüdenscheidt"
copyright = "2026, Katharina Müller-Lüdenscheidt"

extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["references.bib"]
exclude_patterns = ["_build"]
language = "de"
html_theme = "sphinx_book_theme"
