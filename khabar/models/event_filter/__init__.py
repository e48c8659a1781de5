"""The sentence-vector filter of protest and assault events (train/events/train_vector_filter.py)."""
