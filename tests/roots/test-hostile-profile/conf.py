"""A profile whose every value holds what HTML, LaTeX and Typst would read as markup."""

project = 'Ann "A" & Co_1 #2 %'
author = 'Ann "A" & Co_1 #2 %'
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
html_theme = "sphinx_book_theme"
html_baseurl = "https://ann.example.org/cv/"
exclude_patterns = ["_build"]
