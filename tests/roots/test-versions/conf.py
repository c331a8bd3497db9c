"""Two versions of one CV: the full CV and a one-page résumé (tagged entries, pages, papers)."""

project = "Test CV"
author = "Ada Tagger"
extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
bibtex_bibfiles = ["refs.bib"]
exclude_patterns = ["_build"]
latex_engine = "xelatex"
cv_versions = {
    "cv": {"title": "Curriculum Vitae"},
    "resume": {
        "title": "Résumé",
        "exclude": ["academic"],
        "publications": ["selected"],
        "pages": 1,
    },
}
