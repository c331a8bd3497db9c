"""Bad publication entries: each is a warning at its line in bad.bib."""

project = "Bad bib"
author = "Minhak Song"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["bad.bib"]
exclude_patterns = ["_build"]
