"""Quality measurements on held-out data; each module is runnable as `python -m eval.<name>`."""
