"""A historian's CV in German, written as German academia writes one (issue 25).

Semesters and "seit", months as MM/YYYY, German page titles, a languages group
found by its label, "Dr." in the profile's name, and long German compounds in
an entry's title and role (for the PDF's hyphenation). The tests build the
website, resume.json and the PDF from it (tests/test_german.py).
"""

project = "Friederike Müller-Şahin"
author = "Friederike Müller-Şahin"
copyright = "2026, Friederike Müller-Şahin"

extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv", "sphinxext.opengraph"]
bibtex_bibfiles = ["references.bib"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
language = "de"
cv_date_format = "%m/%Y"  # as sphinx-cv new --language de writes it: "10/2021"

html_theme = "sphinx_book_theme"
html_baseurl = "https://mueller-sahin.example.de/"
ogp_social_cards = {"enable": False}
