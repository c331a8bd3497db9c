"""A CV with what LaTeX only logs: a word too long for a line, a character no font has."""

project = "Hatshepsut Ramesses"
author = "Hatshepsut Ramesses"
extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
