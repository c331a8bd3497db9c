"""A small German CV whose cv_* settings the tests add and remove between builds."""

project = "Grete Beispiel"
author = "Grete Beispiel"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
language = "de"
html_theme = "sphinx_book_theme"
