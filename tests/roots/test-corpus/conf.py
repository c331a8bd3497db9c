extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
exclude_patterns = ["_build"]
bibtex_bibfiles = ["refs.bib"]
