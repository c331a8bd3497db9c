"""Hostile and broken input, round two (issue 13): each mistake is one warning at its line."""

project = "Hostile"
author = "Minhak Song"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
cv_highlight_authors = ["Minhak Song", "\\", "Song, a, b, c"]
