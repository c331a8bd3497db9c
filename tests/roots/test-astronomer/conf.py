"""An astronomer's CV: her papers as NASA ADS, INSPIRE and DBLP export them (issue 23)."""

project = "Maren Østergaard-Lindqvist"
author = "Maren Østergaard-Lindqvist"
copyright = "2026, Maren Østergaard-Lindqvist"

extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["references.bib"]
exclude_patterns = ["_build"]
language = "en"
html_theme = "sphinx_book_theme"

# Her married name, and the name she published under before.
cv_highlight_authors = ["Maren Østergaard-Lindqvist", "Maren Lindqvist"]
