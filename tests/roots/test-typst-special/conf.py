"""A CV whose every field holds what Typst would read as markup or code."""

project = 'Ann "A" & Co_1 #2 %'
author = 'Ann "A" & Co_1 #2 %'
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
