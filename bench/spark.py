"""Throughput of the Spark job in local[1] and local[2] mode, against single-process analysis.

Usage (from the repository root, with the `[spark]` extra and Java installed):

    nice -n 10 python bench/spark.py [--limit N] [--cores 1,2] [--partitions P]

It converts the SaudiNewsNet corpus (the zips in ../shared/data/saudinewsnet, third-party data
that stays outside the repository) to JSON lines in a temporary directory, times single-process
analysis (what `khabar analyze` does, output written to a null sink), then runs the Spark job
once per core count, each in a fresh process. Only the job is timed: the JVM start and a
warm-up job of 400 articles (which starts the Python workers, builds the pipeline and lets the
JVM load and compile its code) are reported apart. The driver JVM runs with
`-XX:TieredStopAtLevel=1` unless `--java-options` says otherwise (see JAVA_OPTIONS).
Results are printed as JSON and a markdown table for docs/performance-spark.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "saudinewsnet"


def write_corpus(target: Path, *, limit: int | None, files: int) -> int:
    """SaudiNewsNet articles as JSON-lines records, spread over `files` files."""
    from bench.common import saudinewsnet_records  # the repository root is on sys.path by now

    outs = [io.open(target / f"part-{n:02d}.jsonl", "w", encoding="utf-8") for n in range(files)]
    count = 0
    try:
        for count, record in enumerate(saudinewsnet_records(limit), start=1):
            outs[(count - 1) % files].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for out in outs:
            out.close()
    return count


def time_single_process(corpus: Path) -> dict:
    """What `khabar analyze --format jsonl` does, in this process, output to a null sink."""
    from khabar.api import load_pipeline
    from khabar.batch import BatchSummary, run_batch
    from khabar.cli.output import write_documents
    from khabar.inputs import iter_pages

    started = time.perf_counter()
    pipeline = load_pipeline()
    summary = BatchSummary()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        write_documents(run_batch(iter_pages(corpus), pipeline, summary), sink, "jsonl")
    seconds = time.perf_counter() - started
    return {"articles": summary.processed, "ok": summary.ok, "seconds": round(seconds, 2),
            "articles_per_s": round(summary.processed / seconds, 1),
            "ms_per_article": round(1000 * seconds / summary.processed, 3)}


# On a machine with few cores, the JVM's optimizing (C2) compiler competes with the Python
# workers for CPU; the JVM's own part (reading, Arrow, Parquet) is small, so the quick C1
# compiler is enough. Measured: half the JVM's CPU (docs/performance-spark.md).
JAVA_OPTIONS = "-XX:TieredStopAtLevel=1"




def run_spark(master: str, corpus: Path, output: Path, partitions: int, corpus_steps: bool,
              warmup_articles: int = 400, java_options: str = "") -> dict:
    """One Spark run (in this process): session start, warm-up job, then the timed job.

    The warm-up job analyzes `warmup_articles` pages the same way, so that the JVM's one-time
    costs (class loading, JIT compilation of the row and Parquet code) and the Python workers'
    start fall outside the timed job, which measures steady throughput."""
    from pyspark.sql import SparkSession

    from bench.common import process_tree_cpu
    from khabar.spark.job import run_job

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    started = time.perf_counter()
    spark = (SparkSession.builder.master(master).appName("khabar-bench")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.driver.memory", "2g")
             .config("spark.driver.extraJavaOptions", java_options)
             .config("spark.sql.shuffle.partitions", str(2 * int(master[6:-1] or 1)))
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    startup = time.perf_counter() - started
    warm_input = output.parent / f"warm-{master[6:-1]}"
    warm_input.mkdir(exist_ok=True)
    with open(corpus / "part-00.jsonl", encoding="utf-8") as first:
        (warm_input / "warm.jsonl").write_text("".join(first.readlines()[:warmup_articles]), encoding="utf-8")
    mark = time.perf_counter()
    run_job(str(warm_input), str(output) + "-warm", spark=spark, corpus_steps=False,
            partitions=spark.sparkContext.defaultParallelism)
    warmup = time.perf_counter() - mark
    load_before = os.getloadavg()[0]
    jvm = spark.sparkContext._gateway.proc.pid
    cpu_before = process_tree_cpu(jvm)
    jvm_before = process_tree_cpu(jvm, own_only=True)
    summary = run_job(str(corpus), str(output), spark=spark, partitions=partitions,
                      corpus_steps=corpus_steps)
    cpu = process_tree_cpu(jvm) - cpu_before
    jvm_cpu = process_tree_cpu(jvm, own_only=True) - jvm_before
    load_after = os.getloadavg()[0]
    spark.stop()
    analyze = summary.seconds["analyze"]
    return {"master": master, "java_options": java_options, "articles": summary.processed, "ok": summary.ok,
            "startup_s": round(startup, 2), "warmup_s": round(warmup, 2), "seconds": summary.seconds,
            "articles_per_s": round(summary.processed / analyze, 1),
            "ms_per_article": round(1000 * analyze / summary.processed, 3),
            "stories_2plus": summary.multi_article_stories,
            # CPU of the JVM and its Python workers during the job, over its wall time: how
            # many cores the job really kept busy.
            "cpu_s": round(cpu, 1), "cores_busy": round(cpu / summary.seconds["total"], 2),
            # The JVM's own share (reading, shuffle, row conversion, Parquet) against the
            # Python workers' (the analysis): what the second core must also carry.
            "jvm_cpu_s": round(jvm_cpu, 1), "python_cpu_s": round(cpu - jvm_cpu, 1),
            "load_average_1min": [round(load_before, 2), round(load_after, 2)]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N articles.")
    parser.add_argument("--files", type=int, default=8, help="JSON-lines files to spread them over.")
    parser.add_argument("--cores", default="1,2", help="Core counts to run local[N] with.")
    parser.add_argument("--partitions", type=int, default=4,
                        help="Partitions for every run (the same split of work for each core count).")
    parser.add_argument("--warmup", type=int, default=400,
                        help="Articles (of the first file) for the untimed warm-up job.")
    parser.add_argument("--java-options", default=JAVA_OPTIONS,
                        help="JVM options of the driver (local mode runs the tasks there); '' for none.")
    parser.add_argument("--skip-corpus-steps", action="store_true",
                        help="Time only the analysis, not the stories and entities tables.")
    parser.add_argument("--corpus-steps", action="store_true",
                        help=argparse.SUPPRESS)  # internal: this run also builds stories and entities
    parser.add_argument("--spark-run", nargs=3, metavar=("MASTER", "CORPUS", "OUTPUT"),
                        help=argparse.SUPPRESS)  # internal: one Spark run in a child process
    args = parser.parse_args()
    if args.spark_run:
        master, corpus, output = args.spark_run
        print(json.dumps(run_spark(master, Path(corpus), Path(output), args.partitions,
                                   args.corpus_steps, args.warmup, args.java_options)))
        return
    if not CORPUS.is_dir():
        sys.exit(f"needs the SaudiNewsNet zips at {CORPUS} (the shared/ folder beside the repo)")
    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as scratch:
        corpus = Path(scratch) / "corpus"
        corpus.mkdir()
        count = write_corpus(corpus, limit=args.limit, files=args.files)
        print(f"{count} articles in {args.files} JSON-lines files", file=sys.stderr)
        results = {"articles": count, "partitions": args.partitions,
                   "load_average_before": os.getloadavg(), "single_process": time_single_process(corpus)}
        print(f"single process: {results['single_process']}", file=sys.stderr)
        counts = [int(c) for c in args.cores.split(",")]
        for cores in counts:
            # Stories and entities are timed once, with the most cores.
            extra = ["--corpus-steps"] if cores == max(counts) and not args.skip_corpus_steps else []
            command = [sys.executable, __file__, "--partitions", str(args.partitions), "--warmup", str(args.warmup),
                       f"--java-options={args.java_options}", *extra,
                       "--spark-run", f"local[{cores}]", str(corpus), str(Path(scratch) / f"out-{cores}")]
            done = subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=False)
            if done.returncode:
                sys.exit(done.stderr[-3000:])
            results[f"local[{cores}]"] = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"local[{cores}]: {results[f'local[{cores}]']}", file=sys.stderr)
        results["load_average_after"] = os.getloadavg()
    print(json.dumps(results, indent=2))
    print(markdown(results))


def markdown(results: dict) -> str:
    single = results["single_process"]
    lines = ["| run | articles | job seconds | articles/s | ms/article | cores busy |",
             "|---|---:|---:|---:|---:|---:|",
             f"| single process (`khabar analyze`) | {single['articles']} | {single['seconds']} | "
             f"{single['articles_per_s']} | {single['ms_per_article']} | 1 |"]
    for key, value in results.items():
        if key.startswith("local["):
            lines.append(f"| Spark {key} (analysis + articles table) | {value['articles']} | "
                         f"{value['seconds']['analyze']} | {value['articles_per_s']} | "
                         f"{value['ms_per_article']} | {value['cores_busy']} |")
    one, two = results.get("local[1]"), results.get("local[2]")
    if one and two:
        lines.append(f"\nSpeed-up local[1] → local[2]: {one['seconds']['analyze'] / two['seconds']['analyze']:.2f}x")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    main()
