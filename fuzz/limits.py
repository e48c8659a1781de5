"""Peak memory and CPU of one worker on inputs at the limits, each in a fresh process.

    python -m fuzz.limits            # the table in docs/reliability.md

Each input is read by `khabar.inputs.read_stream` and analyzed by the default pipeline, in its own
process, whose peak RSS (`ru_maxrss`, models included) and CPU time are printed. The inputs are
the largest a batch accepts: the most clean text that is analyzed, 10 MiB of scraped text, of one line, of HTML; a 10 MiB JSON line; a
gzip bomb; a WARC record of 1 GiB declared and 64 MiB present.
"""

from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import resource
import time

PARAGRAPH = ("أعلنت وزارة الزراعة في مدينة الوادي اليوم عن خطة جديدة لري الحقول، وقال الوزير سامي "
             "النجار إن «الخطة ستبدأ في الربيع المقبل» بتكلفة 300 مليون دينار. ")
MIB = 1024 * 1024


def _repeat(size: int, separator: str = "\n\n") -> str:
    count = size // len(PARAGRAPH.encode())
    return separator.join(PARAGRAPH * 3 for _ in range(count // 3))


def _inputs() -> dict[str, tuple[str, bytes]]:
    size = int(9.8 * MIB)  # under the 10 MiB read limit, with room for markup
    bomb = io.BytesIO()
    with gzip.GzipFile(fileobj=bomb, mode="wb", mtime=0) as stream:
        for _ in range(2048):
            stream.write(b"\0" * MIB)
    most = 990_000  # characters: just under the clean-text limit, the most that is analyzed
    line = PARAGRAPH * (most // len(PARAGRAPH))
    return {
        "990,000 characters in paragraphs": ("a.txt", _repeat(len(line.encode())).encode()),
        "990,000 characters on one line": ("a.txt", line.encode()),
        "9.8 MiB of scraped text": ("a.txt", _repeat(size).encode()),
        "9.8 MiB on one line": ("a.txt", (PARAGRAPH * (size // len(PARAGRAPH.encode()))).encode()),
        "9.8 MiB of HTML": ("a.html", ("<html><body>" + "".join(
            f"<p>{PARAGRAPH * 3}</p>" for _ in range(size // len(PARAGRAPH.encode()) // 3)) + "</body></html>").encode()),
        "a 9.8 MiB JSON line": ("a.jsonl", json.dumps({"text": _repeat(size - 100)}, ensure_ascii=False).encode()),
        "gzip bomb, 2 GiB of zeros": ("a.warc.gz", bomb.getvalue()),
        "WARC record declaring 1 GiB": ("a.warc", b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 1073741824\r\n"
                                        b"WARC-Target-URI: http://a.example/\r\n\r\nHTTP/1.1 200 OK\r\n"
                                        b"Content-Type: text/html\r\n\r\n" + b"<p>" * (64 * MIB // 3)),
    }


def _measure(name: str, file_name: str, data: bytes, queue) -> None:  # type: ignore[no-untyped-def]
    from khabar.api import load_pipeline
    from khabar.inputs import read_stream

    pipeline = load_pipeline(policy="record")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.process_time()
    outcomes = []
    for page in read_stream(io.BytesIO(data), origin=name, name=file_name, size=len(data)):
        doc = pipeline(page)
        outcomes.append(doc.status + (f" ({doc.reason.code})" if doc.reason else ""))
    queue.put((name, len(data), ", ".join(outcomes), round(time.process_time() - started, 1),
               round(before), round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))


def main() -> None:
    context = multiprocessing.get_context("spawn")
    print("| input | bytes | outcome | CPU s | RSS after loading, MB | peak RSS, MB |")
    print("|---|---:|---|---:|---:|---:|")
    for name, (file_name, data) in _inputs().items():
        queue = context.Queue()
        process = context.Process(target=_measure, args=(name, file_name, data, queue))
        process.start()
        row = queue.get()
        process.join()
        print("| " + " | ".join(str(value) for value in row) + " |")


if __name__ == "__main__":
    main()
