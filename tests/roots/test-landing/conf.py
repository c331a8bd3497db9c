project = "Hoa Nguyen"
author = "Hoa Nguyen"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
myst_enable_extensions = ["colon_fence"]
html_theme = "sphinx_book_theme"
exclude_patterns = ["_build"]
