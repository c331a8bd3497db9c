"""A clinical epidemiologist's CV: her papers from PubMed and EndNote, in BibTeX."""

project = "Aoife Ní Bhriain-Okonkwo"
author = "Aoife Ní Bhriain-Okonkwo"
copyright = "2026, Aoife Ní Bhriain-Okonkwo"

extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["references.bib"]
exclude_patterns = ["_build"]
language = "en"
html_theme = "sphinx_book_theme"

# One name finds every form the databases write; her maiden name is a second entry.
cv_highlight_authors = ["Aoife Ní Bhriain-Okonkwo", "Aoife Ní Bhriain"]
