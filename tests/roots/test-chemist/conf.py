"""A second researcher's CV: a chemistry postdoc, made from the README's steps."""

project = "Ana Cláudia Ribeiro-Søndergaard"
author = "Ana Cláudia Ribeiro-Søndergaard"
copyright = "2026, Ana Cláudia Ribeiro-Søndergaard"

extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
cv_present_label = "Present"
bibtex_bibfiles = ["references.bib"]
exclude_patterns = ["_build"]
language = "en"

html_theme = "sphinx_book_theme"
