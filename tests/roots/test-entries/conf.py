extensions = ["myst_parser", "sphinx_cv"]
cv_present_label = "Now"
exclude_patterns = ["_build"]
