"""Scraped pages of invented news sites, rendered from real articles, with their answer key.

    from eval.sites import TEMPLATES, collection
    for page in collection(per_template=20):
        page.text      # the page as a scraper saves it (one line per block)
        page.html      # the same page as HTML
        page.title, page.body, page.boilerplate   # what a reader should find

Each template (eval/sites/dev.py, eval/sites/held_out.py) lays out one invented site: its
header, menus, breadcrumbs, stamps, share rows, related lists, footers, prompts and the order of
all of these around the article. Articles come from ../shared/data (ANT and SaudiNewsNet) at run
time and never enter the repository. The three templates in held_out.py are kept out of all
tuning of the cleaning rules and are reported separately (python -m eval.reading).
"""

from eval.sites.page import SitePage, Template
from eval.sites.render import collection, pages_for
from eval.sites.templates import DEV, HELD_OUT, TEMPLATES

__all__ = ["DEV", "HELD_OUT", "TEMPLATES", "SitePage", "Template", "collection", "pages_for"]
