"""The exception tree: every code has one owning class, and every raise site uses the owner."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from khabar import errors
from khabar.errors import (MESSAGES, ConfigError, KhabarError, NotInStoreError, PipelineError, Rejected,
                           SearchQueryError, StoreError, TokenMissingError, error_classes, family_class,
                           owner_of)

PACKAGE = Path(errors.__file__).resolve().parent
CLASSES = {cls.__name__: cls for cls in error_classes()}


def _coded_calls() -> list[tuple[str, int, str, str]]:
    """(file, line, class name, code) of every `SomeError("E…", ...)` in the package."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            first = node.args[0]
            if name in CLASSES and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((str(path.relative_to(PACKAGE.parent)), node.lineno, name, first.value))
    return found


def test_every_catalogued_code_has_an_owning_class():
    for code in MESSAGES:
        assert owner_of(code) is not None, code


@pytest.mark.parametrize("cls", error_classes(), ids=lambda cls: cls.__name__)
def test_each_class_declares_a_family_and_a_status_and_owns_its_default_code(cls):
    assert "family" in vars(cls) and cls.family, f"{cls.__name__} declares no family"
    assert 400 <= cls.http_status < 600
    if cls.code is not None:
        assert cls.code in MESSAGES
        assert owner_of(cls.code) is cls


def test_the_raise_sites_are_found():
    # Guards the walk below: if it found nothing it would check nothing.
    sites = {(name, code) for _file, _line, name, code in _coded_calls()}
    assert ("StageError", "E203") in sites and ("SearchQueryError", "E502") in sites


def test_every_coded_raise_in_the_package_uses_the_class_that_owns_the_code():
    wrong = [f"{file}:{line} {name}({code!r}) but {code} belongs to "
             f"{getattr(owner_of(code), '__name__', 'no class')}"
             for file, line, name, code in _coded_calls()
             if code not in MESSAGES or family_class(CLASSES[name]) is not owner_of(code)]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("cls", "code"), [
    (KhabarError, "E502"),  # the misplaced raises this tree replaced
    (KhabarError, "E103"),
    (StoreError, "E503"),  # the subclass owns it, with another status
    (ConfigError, "E301"),
    (Rejected, "E000"),
    (StoreError, "E599"),  # not in the catalogue
])
def test_an_error_with_a_code_outside_its_class_family_is_refused(cls, code):
    with pytest.raises(TypeError):
        cls(code)


@pytest.mark.parametrize("cls", [PipelineError, Rejected])
def test_a_family_without_a_default_code_is_raised_through_a_subclass(cls):
    with pytest.raises(TypeError):
        cls()


@pytest.mark.parametrize(("cls", "code", "status"), [
    (SearchQueryError, "E502", 400), (NotInStoreError, "E507", 404), (StoreError, "E501", 500),
    (TokenMissingError, "E604", 401), (errors.AccessError, "E606", 403), (errors.TooLargeRejected, "R103", 413),
])
def test_the_class_carries_the_status_and_the_code(cls, code, status):
    error = cls(code, detail="x", query="q", entity_id=1, limit=1)
    assert (error.code, error.http_status) == (code, status)


def test_a_subclass_without_its_own_family_raises_its_parents_codes():
    local = type("LocalSearchError", (SearchQueryError,), {})
    assert local("E502", query="q", detail="x").http_status == 400
    with pytest.raises(TypeError):
        local("E501")


def test_a_class_claiming_a_code_prefix_already_owned_is_refused():
    with pytest.raises(TypeError):
        type("AnotherStoreError", (StoreError,), {"family": ("E5",)})


def test_the_module_docstring_draws_the_tree_of_the_classes():
    tree = errors.draw_tree()
    assert tree in errors.__doc__
    for cls in error_classes():
        assert f" {cls.__name__} " in f" {tree}" or tree.startswith(cls.__name__)


@pytest.mark.parametrize("error", [errors.TooShortRejected(chars=3, minimum=10, stage="clean.auto.v2"),
                                   NotInStoreError("E507", entity_id=7), KhabarError(detail="x")],
                         ids=lambda error: type(error).__name__)
def test_an_error_survives_pickling_as_itself(error):
    # Ingest workers and Spark send errors between processes.
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert (copy.code, copy.message, copy.context, str(copy)) == (error.code, error.message, error.context, str(error))
