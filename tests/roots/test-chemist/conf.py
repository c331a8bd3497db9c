"""A second researcher's CV: a chemistry postdoc, made from the README's steps."""

project = "Ana Cláudia Ribeiro-Søndergaard"
author = "Ana Cláudia Ribeiro-Søndergaard"
copyright = "2026, Ana Cláudia Ribeiro-Søndergaard"

extensions = ["myst_parser", "sphinxcontrib.bibtex", "sphinx_cv"]
cv_present_label = "Present"
bibtex_bibfiles = ["references.bib"]
exclude_patterns = ["_build"]
language = "en"

html_theme = "sphinx_book_theme"

# Her own site's address (README "Make it your own CV"): canonical links,
# OpenGraph, the sitemap and resume.json point here.
html_baseurl = "https://ribeiro-sondergaard.dk/cv/"
extensions += ["sphinxext.opengraph", "sphinx_sitemap"]
ogp_social_cards = {"enable": False}
sitemap_url_scheme = "{link}"
