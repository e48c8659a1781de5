"""The pipeline: a reader that turns a raw page into a Document, then small stages in order.

A stage is a callable `Document -> Document` built by a registered factory from plain options,
in spaCy's manner: each stage module has a `make_<area>` factory registered under a versioned
name (`ner.crf.v2`). Registration refuses a name another factory holds (E204) and a declared
requirement or product that is not a field of Document (E205); `build_pipeline` checks that
every requirement is produced by the reader or an earlier stage, so a misordered config fails
before any page is read. A stage whose output changes gets a new name.

Every document's trace names each stage that ran, its version and the identity (name and
content hash) of the trained models it used: a stage callable lists them in its `models`
attribute (`with_models`).

Error policies: `raise` (tests, development) lets exceptions through; `record` (batches) turns
a rejection or a crash into a Document with status `rejected` or `failed` and a coded reason.
Any exception of a stage counts, `RecursionError` and `MemoryError` included, so one page never
ends a batch.

CPU budget: a pipeline built with `cpu_budget` (seconds of this thread's CPU per document)
rejects a document with `over_budget` (R110) as soon as a stage ends past the budget, instead
of running the later stages. The check runs between stages; each stage is linear in the text
and the text is bounded by the reader's size limit, so no stage alone runs unbounded.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from khabar.document import (
    STATUS_FAILED,
    STATUS_REJECTED,
    Document,
    ModelRef,
    Reason,
    Source,
    TraceEntry,
    field_paths,
)
from khabar.errors import (
    ConfigError,
    OrderError,
    OverBudgetRejected,
    Rejected,
    RegistryError,
    StageError,
)
from khabar.inputs import RawPage

DocStage = Callable[[Document], Document]
PageReader = Callable[[RawPage], Document]

POLICIES = ("raise", "record")


@dataclass(frozen=True, slots=True)
class StageSpec:
    """A registered stage factory and its contract."""

    name: str
    factory: Callable[..., Any]
    requires: frozenset[str]
    produces: frozenset[str]
    summary: str
    reads_pages: bool = False  # True for readers: RawPage -> Document

    @property
    def version(self) -> str:
        return self.name.rsplit(".v", 1)[-1] if ".v" in self.name else "1"


REGISTRY: dict[str, StageSpec] = {}


def register(
    name: str,
    *,
    requires: Iterable[str] = (),
    produces: Iterable[str] = (),
    reads_pages: bool = False,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a stage factory under `area.method.vN`; its docstring's first line is its summary.

    `requires` and `produces` name fields of Document (`sentences`), or fields of the records
    a field holds (`entities.mentions`). Raises RegistryError when the name is held by another
    factory (E204) or a declared field does not exist (E205).
    """
    requires, produces = frozenset(requires), frozenset(produces)
    unknown = sorted((requires | produces) - field_paths())
    if unknown:
        raise RegistryError("E205", stage=name, field=unknown[0], fields=", ".join(_top_fields()))

    def decorate(factory: Callable[..., Any]) -> Callable[..., Any]:
        held = REGISTRY.get(name)
        # The same factory registering again (its module imported twice) is harmless.
        if held is not None and _origin(held.factory) != _origin(factory):
            raise RegistryError("E204", name=name, holder=_origin(held.factory))
        summary = (factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else ""
        REGISTRY[name] = StageSpec(name, factory, requires, produces, summary, reads_pages)
        return factory

    return decorate


def _origin(factory: Callable[..., Any]) -> str:
    return f"{factory.__module__}.{factory.__qualname__}"


def _top_fields() -> list[str]:
    return sorted(f.name for f in dataclasses.fields(Document))


def model_identity(name: str, files: Iterable[Any]) -> ModelRef:
    """A model's name and the SHA-256 over its files (names and bytes, in name order).

    `files` are paths or importlib resources; a stage calls this once, when it is built.
    """
    digest = hashlib.sha256()
    for file in sorted(files, key=lambda f: f.name):
        data = file.read_bytes()
        # Name and length before the bytes, so no two sets of files hash alike.
        digest.update(f"{file.name}\0{len(data)}\0".encode("utf-8") + data)
    return ModelRef(name, digest.hexdigest())


def with_models(run: Any, *models: ModelRef) -> Any:
    """Attach to a stage callable the identity of the models it uses, for every trace."""
    run.models = tuple(models)
    return run


def _load_stage_modules() -> None:
    # Importing the stage modules fills REGISTRY; done lazily so `khabar.document` stays light.
    import khabar.stages  # noqa: F401


def registered_stages() -> dict[str, StageSpec]:
    """All registered stages by name."""
    _load_stage_modules()
    return dict(REGISTRY)


@dataclass(frozen=True, slots=True)
class BuiltStage:
    spec: StageSpec
    run: Callable[[Any], Document]
    trace: TraceEntry  # what the stage adds to every document's trace


@dataclass
class Pipeline:
    """A reader followed by document stages, with an error policy. Build with `build_pipeline`."""

    reader: BuiltStage
    stages: list[BuiltStage] = field(default_factory=list)
    policy: str = "raise"
    cpu_budget: float | None = None  # seconds of CPU per document; None: no limit

    @property
    def names(self) -> list[str]:
        return [self.reader.spec.name] + [s.spec.name for s in self.stages]

    def __call__(self, page: RawPage) -> Document:
        """Process one raw page into a Document (or a rejected/failed Document under `record`)."""
        started = time.thread_time()
        doc = self._step(self.reader, page, page_fallback=page)
        return self._run_stages(doc, page, started)

    def run_document(self, doc: Document) -> Document:
        """Run only the document stages over an already read Document."""
        return self._run_stages(doc, None, time.thread_time())

    def _run_stages(self, doc: Document, page: RawPage | None, started: float) -> Document:
        for stage in self.stages:
            if doc.status != "ok":
                break
            used = time.thread_time() - started if self.cpu_budget is not None else 0.0
            if self.cpu_budget is not None and used > self.cpu_budget:
                rejection = OverBudgetRejected(seconds=used, budget=self.cpu_budget,
                                               stage=stage.spec.name)
                if self.policy == "raise":
                    raise rejection
                return _marked(doc, page, STATUS_REJECTED,
                               Reason(rejection.reason, stage.spec.name, rejection.message))
            doc = self._step(stage, doc, page_fallback=page)
        return doc

    def map(self, pages: Iterable[RawPage]) -> Iterator[Document]:
        """Process pages one by one, lazily."""
        for page in pages:
            yield self(page)

    def _step(self, stage: BuiltStage, value: Any, *, page_fallback: RawPage | None) -> Document:
        name = stage.spec.name
        try:
            result = stage.run(value)
            if not isinstance(result, Document):
                raise StageError("E202", stage=name, got=type(result).__name__)
        except Rejected as rejection:
            if self.policy == "raise":
                rejection.context.setdefault("stage", name)
                raise
            return _marked(value, page_fallback, STATUS_REJECTED,
                           Reason(rejection.reason, name, rejection.message))
        except StageError:
            if self.policy == "raise":
                raise
            raise_reason = Reason("E202", name, f"stage {name} returned a non-Document")
            return _marked(value, page_fallback, STATUS_FAILED, raise_reason)
        except Exception as error:  # a crash in one page must not end a batch (RecursionError too)
            if self.policy == "raise":
                raise StageError("E203", stage=name, detail=repr(error)) from error
            return _marked(value, page_fallback, STATUS_FAILED,
                           Reason("crash", name, f"{type(error).__name__}: {error}"))
        before = len(value.trace) if isinstance(value, Document) else 0
        own = result.trace[before:]
        if own and own[-1].stage == name:  # the stage wrote its entry itself (the reader's removals)
            entry = dataclasses.replace(own[-1], version=stage.trace.version, models=stage.trace.models)
            return dataclasses.replace(result, trace=result.trace[:-1] + (entry,))
        return dataclasses.replace(result, trace=result.trace + (stage.trace,))


def _marked(value: Any, page: RawPage | None, status: str, reason: Reason) -> Document:
    """The document to keep for a page that was rejected or failed at some stage."""
    # Nothing here may fail again: the page's metadata is what may have made the stage fail.
    if isinstance(value, Document):
        base = value
    else:
        assert page is not None
        try:
            source = page.source()
        except Exception:  # noqa: BLE001  metadata of a page built by hand, not by a reader
            source = Source()
        base = Document(id=page.doc_id, raw=page.raw_info(), source=source)
    return dataclasses.replace(base, status=status, reason=reason)


def build_pipeline(
    stages: Iterable[str | tuple[str, Mapping[str, Any]]],
    *,
    policy: str = "raise",
    cpu_budget: float | None = None,
) -> Pipeline:
    """Build a pipeline from stage names (optionally with options); check the stage order."""
    if policy not in POLICIES:
        raise ConfigError("E103", option="policy", detail=f"{policy!r} is not one of {POLICIES}")
    if cpu_budget is not None and (isinstance(cpu_budget, bool) or not isinstance(cpu_budget, (int, float))
                                   or cpu_budget <= 0):
        raise ConfigError("E103", option="cpu_budget", detail=f"{cpu_budget!r} is not a positive number")
    known = registered_stages()
    built: list[BuiltStage] = []
    available: set[str] = set()
    order: list[str] = []
    for item in stages:
        name, options = (item, {}) if isinstance(item, str) else (item[0], dict(item[1]))
        spec = known.get(name)
        if spec is None:
            raise ConfigError("E101", name=name, known=", ".join(sorted(known)))
        order.append(name)
        missing = spec.requires - available
        if missing:
            raise OrderError(stage=name, missing=", ".join(sorted(missing)), order=" → ".join(order))
        if bool(built) == spec.reads_pages:
            where = "first" if spec.reads_pages else "after the reader"
            raise OrderError(stage=name, missing=f"a place {where}", order=" → ".join(order))
        try:
            run = spec.factory(**options)
        except TypeError as error:
            raise ConfigError("E103", option=name, detail=str(error)) from error
        models = tuple(getattr(run, "models", ()))
        built.append(BuiltStage(spec, run, TraceEntry(name, spec.version, models)))
        available |= spec.produces
    if not built:
        raise ConfigError("E103", option="stages", detail="the pipeline needs at least a reader")
    # The models and lexicons just loaded live as long as the process: out of the garbage
    # collector's walks, whose full passes over them cost about 1.5 ms per article of a batch.
    gc.freeze()
    return Pipeline(reader=built[0], stages=built[1:], policy=policy,
                    cpu_budget=float(cpu_budget) if cpu_budget is not None else None)

