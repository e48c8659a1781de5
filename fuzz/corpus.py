"""Write the committed adversarial corpus: tests/fixtures/adversarial/, one file per case.

    python -m fuzz.corpus          # rewrites the folder from the same seeds, byte for byte

The folder holds a few named cases that each reproduce a fault once found (a URL urllib cannot
split, a source given as a list, a record nested thousands of levels deep, UTF-8 cut inside a
letter, HTML nested past the parser's depth ...) and a spread of generated ones (fuzz/cases.py).
Gzip bombs are not kept here; tests make them at run time.
"""

from __future__ import annotations

import json
from pathlib import Path

from fuzz.cases import ARTICLES, make_case

FOLDER = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "adversarial"
SEEDS = tuple(range(0, 4000, 97))  # 42 generated cases of every kind
_MAX_FILE = 64 * 1024


def named_cases() -> dict[str, bytes]:
    """Files named for the fault they reproduce."""
    article = ARTICLES[0]
    good = {"text": article, "id": "good-1", "url": "https://alwadi.example/1"}

    def jsonl(*records: object) -> bytes:
        return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records).encode()

    return {
        "url-urllib-rejects.jsonl": jsonl(good, {**good, "id": "bad-url", "url": "http://[::1"}),
        "source-as-list.jsonl": jsonl({**good, "id": "list", "source": ["a", "b"]}, {**good, "id": "good-2"}),
        "source-name-number.jsonl": jsonl({**good, "id": "number", "source": {"name": 5}}),
        "url-and-published-not-strings.jsonl": jsonl({**good, "id": "types", "url": 7, "published": [2024]}),
        "nested-deep.jsonl": b'{"text": ' + b"[" * 50000 + b"]" * 50000 + b"}\n" + jsonl({**good, "id": "after"}),
        "lone-surrogate.jsonl": b'{"id": "sur", "text": "\\ud800 ' + article.encode() + b'"}',
        "utf8-cut-inside-letter.txt": article.encode()[:-1],
        "utf8-one-bad-byte.txt": article.encode()[:30] + b"\xff" + article.encode()[30:],
        "windows-1256.txt": article.encode("windows-1256"),
        "utf-16-no-bom.txt": article.encode("utf-16-le"),
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 8,
        "html-nested-300.html": ("<html><body>" + "<div>" * 300 + "".join(f"<p>{p}</p>" for p in article.split("\n\n"))
                                 + "</div>" * 300 + "</body></html>").encode(),
        "html-script-in-title.html": (f"<html><head><title><script>alert(1)</script>{article[:20]}</title></head>"
                                      f"<body><article><p>{article}</p></article></body></html>").encode(),
        "warc-not-an-archive.warc.gz": b"WARC/1.0\r\nthis is not a record",
        "feed-bad-link.rss": (f'<?xml version="1.0"?><rss version="2.0"><channel><title>الوادي</title><item>'
                              f"<title>عنوان</title><link>http://[::1</link><description>{article}</description>"
                              f"</item></channel></rss>").encode(),
        "feed-control-characters.rss": (f'<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title>'
                                        f"<description><![CDATA[<p>{article}\x01\x00</p><br>\x1b]]></description>"
                                        f"</item></channel></rss>").encode(),
    }


def write_corpus(folder: Path = FOLDER) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    files = {name: data for name, data in named_cases().items()}
    for seed in SEEDS:
        case = make_case(seed)
        if len(case.data) <= _MAX_FILE:
            files[case.name] = case.data
    written = []
    for name, data in sorted(files.items()):
        (folder / name).write_bytes(data)
        written.append(folder / name)
    return written


if __name__ == "__main__":
    paths = write_corpus()
    print(f"{len(paths)} files, {sum(p.stat().st_size for p in paths)} bytes → {FOLDER}")
