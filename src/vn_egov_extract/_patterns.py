"""Rule data under ``patterns/``: YAML files validated by pydantic schemas on load.

Word lists and catalogues are data, not code. Each file has a schema (``extra="forbid"``);
a bad file fails with :class:`PatternError` naming the file and the entry. Files are read
once per process and shared.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

M = TypeVar("M", bound=BaseModel)


class PatternError(ValueError):
    """A pattern file is missing, is not YAML, or does not fit its schema."""


class PatternModel(BaseModel):
    """Base of every pattern schema: unknown keys are errors, not silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


@functools.cache
def patterns_dir() -> Path:
    """Where the pattern files are: inside the installed wheel, or the repo's ``patterns/``."""
    packaged = Path(str(resources.files("vn_egov_extract"))) / "patterns"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "patterns"


def _describe(err: ValidationError, data: Any) -> str:
    first = err.errors()[0]
    loc = list(first["loc"])
    # name the entry by its own key when the path starts in a list of mappings
    where = ".".join(str(p) for p in loc)
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(data, dict):
        items = data.get(str(loc[0]))
        if isinstance(items, list) and loc[1] < len(items) and isinstance(items[loc[1]], dict):
            entry = items[loc[1]]
            label = entry.get("name") or entry.get("canonical") or entry.get("id")
            if label:
                where += f" ({label!r})"
    return f"{where}: {first['msg']}"


def load_file(path: Path, schema: type[M]) -> M:
    """Read and validate one pattern file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PatternError(f"{path}: cannot read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise PatternError(f"{path}: not valid YAML: {exc}") from exc
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise PatternError(f"{path}: {_describe(exc, data)}") from exc


@functools.cache
def _load_cached(name: str, schema: type[BaseModel]) -> BaseModel:
    return load_file(patterns_dir() / name, schema)


def load(name: str, schema: type[M]) -> M:
    """The validated content of ``patterns/<name>``, read once per process."""
    model = _load_cached(name, schema)
    assert isinstance(model, schema)
    return model
