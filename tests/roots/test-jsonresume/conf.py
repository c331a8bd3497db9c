project = "Ada Lovelace"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
cv_present_label = "Now"
exclude_patterns = ["_build"]
