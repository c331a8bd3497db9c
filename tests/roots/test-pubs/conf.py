"""Two pages, three filtered publication lists, one numbering; compiled with xelatex."""

project = "Test CV"
author = "Minhak Song"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
latex_engine = "xelatex"
