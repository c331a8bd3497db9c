extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]

# Each cv_* value below is of a kind the extension cannot use.
cv_present_label = 3
cv_date_format = ["%b %Y"]
