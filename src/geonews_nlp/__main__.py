"""``python -m geonews_nlp``: the command line."""

import sys

from .runners.cli import main

sys.exit(main())
