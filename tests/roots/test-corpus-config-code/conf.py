extensions = ["myst_parser", "sphinx_cv"]
exclude_patterns = ["_build"]
cv_present_label = "Current"
cv_date_format = "%b %Q"  # %Q is no strftime code
