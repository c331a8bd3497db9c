"""Formulas beyond what the website shows as text: a warning at their line in refs.bib."""

project = "Math in bib"
author = "Ana Ribeiro"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
