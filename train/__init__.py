"""Training scripts for the models shipped in khabar/models; each is runnable as `python -m train.<area>.<name>`."""
