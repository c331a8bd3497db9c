"""``python -m sphinx_cv new DIR``: the same as the ``sphinx-cv`` command."""

import sys

from .cli import main

sys.exit(main())
