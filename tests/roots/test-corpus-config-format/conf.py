extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
cv_present_label = "Current"
cv_date_format = "Month Year"  # no % code: every month would look the same
