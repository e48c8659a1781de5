"""Pipeline configuration: a TOML file listing stages with their options.

The defaults live in `defaults.toml` beside this module. A user config has the same shape and
replaces the stage list as a whole (a partial stage list would make the order ambiguous).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from khabar.errors import ConfigError
from khabar.pipeline import POLICIES


@dataclass(frozen=True)
class PipelineConfig:
    """Plain data that builds a pipeline anywhere (a process, a Spark worker)."""

    stages: tuple[tuple[str, dict[str, Any]], ...]
    policy: str = "record"
    extra: dict[str, Any] = field(default_factory=dict)

    def with_stage_options(self, name: str, **options: Any) -> PipelineConfig:
        """A copy where stage `name` gets extra options (e.g. a boilerplate model path)."""
        stages = tuple((n, {**o, **options}) if n == name else (n, o) for n, o in self.stages)
        return PipelineConfig(stages, self.policy, self.extra)


def default_config_text() -> str:
    return resources.files("khabar").joinpath("defaults.toml").read_text(encoding="utf-8")


def load_config(path: str | Path | None = None) -> PipelineConfig:
    """Read a config file, or the defaults when `path` is None."""
    if path is None:
        text, where = default_config_text(), "defaults.toml"
    else:
        try:
            text, where = Path(path).read_text(encoding="utf-8"), str(path)
        except OSError as error:
            raise ConfigError("E102", path=str(path), detail=error.strerror) from error
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError("E102", path=where, detail=str(error)) from error
    return parse_config(data, where=where)


def parse_config(data: dict[str, Any], *, where: str = "<config>") -> PipelineConfig:
    """Validate the plain structure of a config."""
    policy = data.get("policy", "record")
    if policy not in POLICIES:
        raise ConfigError("E103", option="policy", detail=f"{policy!r} in {where}; valid: {', '.join(POLICIES)}")
    stages = data.get("stages")
    if not isinstance(stages, list) or not stages:
        raise ConfigError("E103", option="stages", detail=f"{where} needs a non-empty [[stages]] list")
    parsed = []
    for entry in stages:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ConfigError("E103", option="stages", detail=f"each [[stages]] entry in {where} needs a name")
        options = {k: v for k, v in entry.items() if k != "name"}
        parsed.append((entry["name"], options))
    extra = {k: v for k, v in data.items() if k not in ("policy", "stages")}
    return PipelineConfig(tuple(parsed), policy, extra)
