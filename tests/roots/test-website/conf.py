project = "Ada Lovelace"
author = "Augusta Ada Lovelace"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
html_theme = "sphinx_book_theme"
html_title = "Ada Lovelace"
exclude_patterns = ["_build"]
