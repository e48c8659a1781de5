"""All templates: seven for tuning (dev.py) and three kept out of it (held_out.py)."""

from eval.sites.dev import DEV
from eval.sites.held_out import HELD_OUT

TEMPLATES = DEV + HELD_OUT
