"""Shared fixtures, defined once. Paths to third-party data point at ../shared beside the repo."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED_ARTICLE = SHARED / "seed" / "000_5e025d6c33d64320.txt"
EXAMPLES = REPO / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="Rewrite tests/golden/*.expected.json from the current output (review the diff!).")


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def shared_file(path: Path) -> Path:
    """Skip the calling test, with the reason, when ../shared (third-party data) is absent."""
    if not path.exists():
        pytest.skip(f"needs third-party data at {path.relative_to(REPO.parent)} (the shared/ folder beside the repo)")
    return path


@pytest.fixture(scope="session")
def seed_article() -> Path:
    return shared_file(SEED_ARTICLE)


@pytest.fixture(scope="session")
def pipeline():
    """The default pipeline with the `raise` policy: a test sees every exception."""
    from khabar import load_pipeline

    return load_pipeline(policy="raise")


@pytest.fixture(scope="session")
def batch_pipeline():
    """The default pipeline with the `record` policy, as batches run it."""
    from khabar import load_pipeline

    return load_pipeline(policy="record")
