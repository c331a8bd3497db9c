project = "Thị Hoa Nguyễn"
author = "Thị Hoa Nguyễn"
extensions = ["myst_parser", "sphinx_cv"]
cv_present_label = "Present"
exclude_patterns = ["_build"]
