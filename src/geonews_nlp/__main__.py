"""``python -m geonews_nlp``: the command line."""

import sys

from .cli import main

sys.exit(main())
