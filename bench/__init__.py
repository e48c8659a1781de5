"""Speed measurements. Each module is runnable: `python -m bench.<name>`; numbers go to docs/performance.md."""
