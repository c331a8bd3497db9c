"""A CV without a profile directive: the PDF takes the name from the title."""

project = "Ada Lovelace"
author = "Ada Lovelace"
extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
