"""conf.py mistakes the check crashed on: values inside an ``if``, in a tuple, shadowed."""

project = "Config"
author = 3
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["missing.bib"]
exclude_patterns = ["_build"]
cv_present_label = "Now"
if True:
    cv_present_label = 3
cv_date_format, unused = "%%", 1
