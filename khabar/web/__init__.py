"""The HTTP API and the Arabic web interface over the store (`khabar serve`). See docs/web.md."""

from khabar.web.app import create_app

__all__ = ["create_app"]
