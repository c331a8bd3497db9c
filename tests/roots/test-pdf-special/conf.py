"""A CV whose every field holds diacritics and LaTeX's special characters."""

project = "Nguyễn Văn Łukasz"
author = "Nguyễn Văn Łukasz"
extensions = ["myst_parser", "sphinx_cv"]
cv_present_label = "Current"
cv_paper_size = "letter"
exclude_patterns = ["_build"]
