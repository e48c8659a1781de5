"""Fuzz the readers, every stage and the HTTP API with generated bad inputs, and count failures.

    python -m fuzz.run --inputs 100000 --workers 2          # what docs/reliability.md reports
    python -m fuzz.run --seconds 120                        # `make fuzz`: as many as fit

Each input (see fuzz/cases.py) is read by `khabar.inputs.read_stream` and every page goes
through the default pipeline under the `record` policy, as a batch runs it. Counted as failures:
- crash: an exception out of a reader or the pipeline, or a document `failed` with reason crash;
- lost: a good JSON-lines record that does not come out `ok` with its id, or a page count that
  differs from what the input holds;
- invalid: a Document that breaks docs/document.schema.json, does not survive JSON and back, or
  has a span outside its text;
- hang: one input that takes more than --hang seconds.
The HTTP part sends hostile requests to every route of an app over a small store and counts
any answer of 500 or more. The peak RSS of each worker is reported; inputs are within limits
by construction (the reader's own limits are the ones a batch uses).
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import resource
import signal
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from fuzz.cases import Case, make_case

SCHEMA = Path(__file__).resolve().parent.parent / "docs" / "document.schema.json"


class Hang(Exception):
    """An input ran past its time."""


@dataclass
class Tally:
    """What a run found: inputs and pages tried, failures by kind with the seeds that caused them."""

    inputs: int = 0
    pages: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    failures: dict[str, list[str]] = field(default_factory=dict)
    slowest: float = 0.0
    peak_rss_mb: float = 0.0

    def fail(self, kind: str, detail: str) -> None:
        self.failures.setdefault(kind, []).append(detail)

    def merge(self, other: Tally) -> None:
        self.inputs += other.inputs
        self.pages += other.pages
        self.statuses.update(other.statuses)
        for kind, details in other.failures.items():
            self.failures.setdefault(kind, []).extend(details)
        self.slowest = max(self.slowest, other.slowest)
        self.peak_rss_mb = max(self.peak_rss_mb, other.peak_rss_mb)


class Checker:
    """The pipeline and the schema validator, built once per worker."""

    def __init__(self, hang: float) -> None:
        import jsonschema

        from khabar.api import load_pipeline

        self.pipeline = load_pipeline(policy="record")
        self.validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
        self.hang = hang

    def check(self, seed: int, tally: Tally) -> None:
        try:
            case = make_case(seed)
        except Exception as error:  # noqa: BLE001  a generator bug must not end the run either
            tally.fail("generator", f"seed {seed}: {type(error).__name__}: {error}")
            return
        tally.inputs += 1
        started = time.perf_counter()
        signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, self.hang)
        try:
            self._check_case(seed, case, tally)
        except Hang:
            tally.fail("hang", f"seed {seed} ({case.name})")
        except Exception as error:  # noqa: BLE001  anything that escapes is a crash to report
            tally.fail("crash", f"seed {seed} ({case.name}): {type(error).__name__}: {error}\n"
                                f"{traceback.format_exc(limit=4)}")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        tally.slowest = max(tally.slowest, time.perf_counter() - started)

    def _check_case(self, seed: int, case: Case, tally: Tally) -> None:
        from khabar.document import Document
        from khabar.inputs import read_stream

        pages = list(read_stream(io.BytesIO(case.data), origin=case.name, name=case.name,
                                 size=len(case.data)))
        if case.pages is not None and len(pages) != case.pages:
            tally.fail("lost", f"seed {seed} ({case.name}): {len(pages)} pages, expected {case.pages}")
        ok_ids = []
        for page in pages:
            doc = self.pipeline(page)
            tally.pages += 1
            tally.statuses[doc.status] += 1
            if doc.status == "failed":
                tally.fail("crash", f"seed {seed} ({case.name}): {doc.reason}")
            if doc.status == "ok":
                ok_ids.append(doc.id)
            errors = [e.message for e in self.validator.iter_errors(json.loads(doc.to_json()))]
            if Document.from_json(doc.to_json()) != doc:
                errors.append("JSON round trip changes the document")
            errors += _span_errors(doc)
            if errors:
                tally.fail("invalid", f"seed {seed} ({case.name}): {errors[:3]}")
        missing = [i for i in case.good_ids if i not in ok_ids]
        if missing:
            tally.fail("lost", f"seed {seed} ({case.name}): good records {missing} not ok")


def _span_errors(doc) -> list[str]:  # type: ignore[no-untyped-def]
    size = len(doc.text)
    spans = [*doc.paragraphs, *doc.sentences, *doc.dates, *doc.quantities]
    spans += [m for e in doc.entities for m in e.mentions]
    return [f"span {s.start}:{s.end} outside text of {size}" for s in spans
            if not 0 <= s.start <= s.end <= size]


def _on_alarm(signum, frame):  # type: ignore[no-untyped-def]
    raise Hang()


_CHECKER: dict[str, Checker] = {}


def _init(hang: float) -> None:
    _CHECKER["c"] = Checker(hang)


def _run_seeds(seeds: range) -> Tally:
    tally = Tally()
    for seed in seeds:
        _CHECKER["c"].check(seed, tally)
    tally.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return tally


def fuzz_http(requests: int, seed: int, tally: Tally) -> None:
    """Hostile requests to every route of an app over a small store; any 5xx is a crash."""
    import random
    import tempfile

    from fastapi.testclient import TestClient

    from khabar.store import open_store
    from khabar.web.app import create_app

    rng = random.Random(seed)
    folder = tempfile.mkdtemp(prefix="khabar-fuzz-")
    with open_store(Path(folder) / "fuzz.db") as store:
        from khabar.api import load_pipeline

        pipeline = load_pipeline(policy="record")
        store.write_documents([pipeline(p) for p in _pages_for_store()])
    app = create_app(Path(folder) / "fuzz.db", analyze_per_minute=0)
    values = ["9223372036854775808", "-1", "0", "1e9", "x" * 5000, "%00", "../..", "٣", "NaN",
              "<script>", "'; DROP TABLE x;--", "2024-13-45", "", "\ud7ff", "[]", "{}", "-9223372036854775809"]
    routes = sorted({getattr(r, "path", "") for r in app.routes if getattr(r, "path", "")})
    client = TestClient(app, raise_server_exceptions=False)
    params = ["q", "limit", "offset", "since", "until", "type", "speaker", "actor", "root", "order",
              "min_size", "source", "format", "page", "entity"]
    for _ in range(requests):
        path = rng.choice(routes)
        for name in ("{doc_id}", "{entity_id}", "{story_id}", "{sha256}", "{name}", "{path}"):
            path = path.replace(name, rng.choice(values))
        query = {rng.choice(params): rng.choice(values) for _ in range(rng.randint(0, 3))}
        method = rng.choice(["GET", "GET", "GET", "POST"])
        tally.inputs += 1
        try:
            if method == "POST":
                body = rng.choice([b"", b"{", json.dumps({"text": rng.choice(values), "url": "http://[::1"}).encode(),
                                   json.dumps({"html": "<p>" * 3000}).encode(), b"\xff" * 100])
                answer = client.post(path, params=query, content=body,
                                     headers={"content-type": rng.choice(["application/json", "text/plain"])})
            else:
                answer = client.get(path, params=query)
        except Exception as error:  # noqa: BLE001
            tally.fail("crash", f"HTTP {method} {path} {query}: {type(error).__name__}: {error}")
            continue
        tally.statuses[f"http {answer.status_code // 100}xx"] += 1
        if answer.status_code >= 500:
            tally.fail("crash", f"HTTP {method} {path} {query}: {answer.status_code} {answer.text[:200]}")


def _pages_for_store():  # type: ignore[no-untyped-def]
    from khabar.inputs import RawPage

    from fuzz.cases import ARTICLES

    return [RawPage(content=text.encode("utf-8"), url=f"https://alwadi.example/{n}")
            for n, text in enumerate(ARTICLES)]


def _report(tally: Tally, started: float, path: Path | None) -> dict:
    report = {"inputs": tally.inputs, "pages": tally.pages, "statuses": dict(tally.statuses),
              "failures": {k: len(v) for k, v in tally.failures.items()},
              "examples": {k: v[:20] for k, v in tally.failures.items()},
              "slowest_input_s": round(tally.slowest, 2), "peak_rss_mb": round(tally.peak_rss_mb, 1),
              "seconds": round(time.monotonic() - started, 1)}
    if path is not None:
        path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=None, help="How many generated inputs (seeds).")
    parser.add_argument("--seconds", type=float, default=None, help="Stop starting new chunks after this.")
    parser.add_argument("--start", type=int, default=0, help="The first seed.")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--hang", type=float, default=30.0, help="Seconds one input may take.")
    parser.add_argument("--http", type=int, default=2000, help="How many HTTP requests.")
    parser.add_argument("--report", type=Path, default=None, help="Write the tally as JSON here.")
    args = parser.parse_args(argv)
    total = args.inputs if args.inputs is not None else 10**9
    chunk = 200
    chunks = (range(s, min(s + chunk, args.start + total)) for s in range(args.start, args.start + total, chunk))
    tally = Tally()
    started = time.monotonic()
    context = multiprocessing.get_context("fork")
    with context.Pool(args.workers, initializer=_init, initargs=(args.hang,), maxtasksperchild=25) as pool:
        pending = chunks
        running = []
        for _ in range(args.workers * 2):
            item = next(pending, None)
            if item is not None:
                running.append(pool.apply_async(_run_seeds, (item,)))
        while running:
            result = running.pop(0).get()
            tally.merge(result)
            _report(tally, started, args.report)  # kept up to date, so a stopped run still tells
            print(f"\r{tally.inputs} inputs, {tally.pages} pages, "
                  f"{sum(len(v) for v in tally.failures.values())} failures", end="", file=sys.stderr)
            if args.seconds is None or time.monotonic() - started < args.seconds:
                item = next(pending, None)
                if item is not None:
                    running.append(pool.apply_async(_run_seeds, (item,)))
    if args.http:
        fuzz_http(args.http, args.start, tally)
    tally.peak_rss_mb = max(tally.peak_rss_mb, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    report = _report(tally, started, args.report)
    print(file=sys.stderr)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 1 if tally.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
