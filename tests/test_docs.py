"""The reference docs are generated from the code and must not go stale."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from khabar import errors, iter_pages
from khabar.cli.docgen import PAGES
from khabar.pipeline import registered_stages
from tests.conftest import EXAMPLES, REPO

DOCS = REPO / "docs"


@pytest.mark.parametrize("page", sorted(PAGES))
def test_generated_reference_page_is_up_to_date(page):
    assert (DOCS / page).read_text(encoding="utf-8") == PAGES[page](), f"run `make docs` to refresh docs/{page}"


def test_every_command_help_has_an_example():
    from khabar.cli import cli
    import click

    context = click.Context(cli)
    for name in cli.list_commands(context):
        assert "Example:" in (cli.get_command(context, name).help or ""), name


def test_every_error_code_is_in_the_errors_page():
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    for code in errors.MESSAGES:
        assert f"| {code} |" in text


def test_every_stage_is_documented():
    text = (DOCS / "stages.md").read_text(encoding="utf-8")
    for name in registered_stages():
        assert f"`{name}`" in text


def test_documents_validate_against_the_json_schema(batch_pipeline):
    schema = json.loads((DOCS / "document.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    docs = [batch_pipeline(page) for page in iter_pages(EXAMPLES)]
    docs.append(batch_pipeline(next(iter_pages(Path(__file__)))))  # rejected: not Arabic
    for doc in docs:
        validator.validate(doc.to_dict())


def test_the_cli_reference_names_each_command_once_in_its_usage_line():
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert "Usage: khabar khabar" not in text
    assert "Usage: khabar analyze [OPTIONS]" in text
