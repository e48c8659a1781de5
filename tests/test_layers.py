"""The package imports downward only: each area of khabar may import its own layer and the ones below.

The layers, bottom up (docs/concepts.md draws them):

    document            the record every layer passes around; the standard library only
    errors              the error tree and its codes
    arabic, lexicons    text tools and word lists
    inputs, measures, ner, syntax
    reading, entities, quotes, events, places, collection
    store               SQLite; never the pipeline, its stages, a batch, the web or the CLI
    stages, pipeline, config, api
    batch, spark        many pages through the pipeline (and into the store)
    web
    cli

Function-level imports count too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "khabar"

LAYERS = [
    {"document"},
    {"errors"},
    {"arabic", "lexicons", "models"},
    {"inputs", "measures", "ner", "syntax"},
    {"reading", "entities", "quotes", "events", "places", "collection"},
    {"store"},
    {"stages", "pipeline", "config", "api"},
    {"batch", "spark"},
    {"web"},
    {"cli"},
]
RANK = {area: level for level, areas in enumerate(LAYERS) for area in areas}


def _area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "khabar"


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, path))
    return found


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every khabar import in a file, at any depth."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == "khabar":
                out += [(node.lineno, f"khabar.{alias.name}") for alias in node.names]
            elif node.module.startswith("khabar."):
                out.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names if alias.name.startswith("khabar.")]
    return out


def test_every_area_has_a_layer():
    areas = {_area(name) for name, _path in _modules()} - {"khabar"}
    missing = sorted(areas - set(RANK))
    assert not missing, f"new areas need a place in LAYERS (tests/test_layers.py, docs/concepts.md): {missing}"


def test_imports_point_downward():
    upward = []
    for name, path in _modules():
        area = _area(name)
        if area == "khabar":
            continue  # the package's own __init__ may name anything (it imports lazily)
        for line, target in _imports(path):
            other = _area(target)
            if other != area and RANK.get(other, -1) > RANK.get(area, -1):
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line} ({area}) imports {target} ({other})")
    assert not upward, "imports that point up a layer:\n" + "\n".join(upward)


def test_the_store_never_imports_the_analysis_or_the_interfaces():
    forbidden = {"pipeline", "stages", "batch", "web", "cli", "api", "config", "spark"}
    found = [f"{path.name}: {target}" for name, path in _modules() if _area(name) == "store"
             for _line, target in _imports(path) if _area(target) in forbidden]
    assert not found


def test_document_imports_only_the_standard_library():
    tree = ast.parse((PACKAGE / "document.py").read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    outside = sorted(root for root in roots if root not in sys.stdlib_module_names)
    assert not outside


@pytest.mark.parametrize("statement, prefixes", [
    ("import khabar", ("khabar.stages", "khabar.ner", "khabar.store", "khabar.pipeline")),
    ("import khabar.store", ("khabar.stages", "khabar.pipeline", "khabar.batch")),
])
def test_light_imports(statement, prefixes):
    code = (f"import sys; {statement}; "
            f"print(' '.join(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.split() == [], f"`{statement}` loaded {loaded.stdout.strip()}"
