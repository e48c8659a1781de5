"""Moved to `khabar.inputs`; this name stays until every caller imports from there."""

from khabar.inputs import read_inputs


def iter_any(path, *, encoding=None):  # noqa: ANN001, ANN201
    return read_inputs([path], encoding=encoding)
