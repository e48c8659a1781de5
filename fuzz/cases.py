"""Generated bad inputs: every kind of mess news work meets, made from a seed, reproducibly.

`make_case(seed)` returns one `Case`: a file name (its suffix picks the reader), its bytes, and
what must come out of it: for JSON lines, the ids of the good records among the bad ones (none
may be lost); for intact archives, how many pages they hold. The articles are our own fictional
Arabic text; the mutations are the ones real crawls produce (cut downloads, flipped bytes, wrong
encodings, broken markup, hostile metadata, deep nesting, no line breaks) plus attackers' ones.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import uuid
from dataclasses import dataclass, field

ARTICLES = (
    "افتتاح جسر الوادي الجديد\n\nالوادي - افتتح وزير النقل سامي النجار صباح اليوم الثلاثاء جسر "
    "الوادي الجديد بطول 2.4 كيلومتر، بحضور محافظ المدينة وعدد من المسؤولين.\n\nوقال النجار في "
    "كلمته إن «الجسر سيختصر زمن الرحلة إلى النصف»، مضيفا أن الحكومة خصصت 300 مليون دينار لمشاريع "
    "الطرق هذا العام.\n\nمن جهته، أكد رئيس بلدية الوادي أن الأعمال استمرت ثلاث سنوات.",
    "مجلس الأمن يناقش الأزمة في الشمال\n\nنيويورك (وكالة الأنباء) - عقد مجلس الأمن الدولي جلسة "
    "طارئة مساء الأحد لمناقشة تصاعد المواجهات في الإقليم الشمالي، حيث قتل 12 شخصا وأصيب العشرات."
    "\n\nودعت المندوبة الدائمة لجمهورية الساحل ليلى العمري إلى «وقف فوري لإطلاق النار»، فيما "
    "أدانت منظمة العفو الدولية استهداف المدنيين.\n\nوأضافت العمري أن بلادها مستعدة للوساطة.",
    "ارتفاع أسعار الذهب\n\nسجلت أسعار الذهب ارتفاعا بنسبة ٣٪ في تعاملات الأسبوع الماضي، بحسب "
    "بيانات البنك المركزي الصادرة يوم 5 مارس 2024.\n\nوقال الخبير الاقتصادي خالد الحسيني لصحيفة "
    "الأفق إن الطلب على المعدن النفيس زاد مع تراجع العملات.",
)
HOSTILE = ("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "'; DROP TABLE documents;--",
           "\u202e\u200f\u200e\ufeff", "\ud800", "%00%ff", "../../../../etc/passwd", "{{7*7}}",
           "javascript:alert(1)", "\x00\x01\x1b[31m")
BAD_URLS = ("http://[::1", "http://[x", "://", "http://a b.com/x", "http://" + "a" * 5000 + ".com",
            "http://xn--ls8h.la/\u0661", "file:///etc/passwd", "", "http://%zz")


@dataclass
class Case:
    """One generated input and what must come out of it."""

    name: str
    data: bytes
    kind: str
    good_ids: tuple[str, ...] = ()  # JSON-lines records that must come out `ok`, in this order
    pages: int | None = None  # the exact number of pages, where it is known
    notes: list[str] = field(default_factory=list)


def make_case(seed: int) -> Case:
    """The case for `seed`: the same seed always gives the same bytes."""
    rng = random.Random(seed)
    maker = rng.choice(_MAKERS)
    return maker(rng, seed)


def _article(rng: random.Random) -> str:
    text = rng.choice(ARTICLES)
    if rng.random() < 0.3:
        text = "\n\n".join(rng.sample(text.split("\n\n"), k=len(text.split("\n\n"))))
    if rng.random() < 0.2:
        text = text.replace(" ", rng.choice(["  ", "\u00a0", "\u200f ", "ـ ", " \u064b"]))
    return text


def _mutate(rng: random.Random, data: bytes) -> bytes:
    if not data:
        return data
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        operation = rng.random()
        position = rng.randrange(len(data))
        if operation < 0.3:
            data[position] = rng.randrange(256)
        elif operation < 0.5:
            del data[position:position + rng.randint(1, 50)]
        elif operation < 0.7:
            data[position:position] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
        elif operation < 0.85:
            data = data[:position]
        else:
            data[position:position] = rng.choice(HOSTILE).encode("utf-8", "surrogatepass")
    return bytes(data)


def _text_case(rng: random.Random, seed: int) -> Case:
    text = _article(rng)
    choice = rng.randrange(12)
    if choice == 0:
        data = text.encode("windows-1256", "replace")
    elif choice == 1:
        data = text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"]))
    elif choice == 2:
        data = _mutate(rng, text.encode("utf-8"))
    elif choice == 3:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 4000)))
    elif choice == 4:
        data = rng.choice([b"", b"   \n\n\t ", b"\x00" * 100, b"\xef\xbb\xbf", b"\n" * 5000])
    elif choice == 5:  # one giant word, or one giant line (bench/scaling.py goes to megabytes)
        unit = rng.choice(["ا", "كلمة ", "«", "» ", ".", "قال إن ", "\u200f"])
        data = (unit * rng.randint(500, 8000)).encode("utf-8")
    elif choice == 6:
        data = "\n".join(rng.choice(HOSTILE) + line for line in text.splitlines()).encode("utf-8", "surrogatepass")
    elif choice == 7:  # nested quotes and cues with no end
        data = (text + " وقال " + "«" * rng.randint(1, 300) + "قال " * rng.randint(1, 300)).encode("utf-8")
    elif choice == 8:
        data = text.encode("utf-8")[: rng.randrange(1, len(text.encode("utf-8")))]
    elif choice == 9:  # Latin text, or Persian/Urdu letters
        data = rng.choice(["Le ministre a annoncé une réforme. " * 20, "این یک خبر است. " * 30]).encode(
            rng.choice(["utf-8", "latin-1", "utf-16"]), "replace")
    elif choice == 10:
        data = ("\n".join([text] * rng.randint(2, 40))).encode("utf-8")
    else:
        data = text.encode("utf-8")
    return Case(f"case-{seed}.txt", data, "text", pages=1)


def _html_case(rng: random.Random, seed: int) -> Case:
    text = _article(rng)
    title, *paragraphs = text.split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    choice = rng.randrange(8)
    if choice == 0:
        depth = rng.choice([100, 255, 300, 3000, 20000])
        tag = rng.choice(["div", "span", "p", "b", "table", "li"])
        body = f"<{tag}>" * depth + body + f"</{tag}>" * rng.choice([0, depth])
    elif choice == 1:
        body = body.replace("</p>", "") + "<p><div><span" * rng.randint(1, 500)
    elif choice == 2:
        title = rng.choice(HOSTILE) + title
        body = f"<script>var s='{rng.choice(HOSTILE)}';</script>" + body + "<!-- unterminated"
    elif choice == 3:
        body = body + "&#xFFFFFFFF;&#0;&#55296;&bogus;&amp" * rng.randint(1, 100)
    elif choice == 4:
        body = "<![CDATA[" + body + "<style>" + "a{}" * 1000
    charset = rng.choice(["utf-8", "windows-1256", "x-bogus", "utf-16"])
    page = (f'<!doctype html><html><head><meta charset="{charset}"><title>{title}</title>'
            f'<meta property="og:url" content="{rng.choice(BAD_URLS)}"></head>'
            f"<body><article><h1>{title}</h1>{body}</article></body></html>")
    data = page.encode("utf-8", "surrogatepass")
    if choice == 5:
        data = _mutate(rng, data)
    elif choice == 6:
        data = page.encode("windows-1256", "replace")
    return Case(f"case-{seed}.html", data, "html", pages=1)


def _record(rng: random.Random, number: int) -> tuple[dict, bool]:
    """A JSON-lines record, and whether it is a good one."""
    record: dict = {"id": f"r{number}", "text": _article(rng), "url": f"https://alufuq.example/{number}",
                    "source": "الأفق", "title": "عنوان", "published": "2024-03-05T10:00:00Z"}
    if rng.random() < 0.5:
        return record, True
    key = rng.choice(["id", "text", "url", "source", "title", "published", "html"])
    value = rng.choice([[1, 2], {"name": 5}, {"name": ["x"]}, True, 7, 3.5, None, "", rng.choice(BAD_URLS),
                        rng.choice(HOSTILE), "x" * 20000, {"url": "http://[::1"}])
    record[key] = value
    if key == "html" and isinstance(value, str):
        record[key] = "<p>" + _article(rng) + "</p>" + value
    return record, False


def _jsonl_case(rng: random.Random, seed: int) -> Case:
    lines: list[bytes] = []
    good: list[str] = []
    for number in range(rng.randint(1, 12)):
        kind = rng.random()
        if kind < 0.75:
            record, is_good = _record(rng, number)
            lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass"))
            if is_good:
                good.append(record["id"])
        elif kind < 0.85:
            depth = rng.choice([50, 2000, 100000])
            lines.append(b'{"text": ' + b"[" * depth + b"]" * depth + b"}")
        elif kind < 0.95:
            lines.append(rng.choice([b"{not json", b"[]", b"null", b'"text"', b"\xff\xfe\x00{",
                                     b'{"text": "\xd9"}', b'{"text": "\\ud800 \xd8\xa7"}']))
        else:
            lines.append(b"")
    separator = rng.choice([b"\n", b"\r\n"])
    data = separator.join(lines)
    if rng.random() < 0.2:
        data = gzip.compress(data, mtime=0)
        return Case(f"case-{seed}.jsonl.gz", data, "jsonl", good_ids=tuple(good),
                    pages=sum(1 for line in lines if line.strip()))
    return Case(f"case-{seed}.jsonl", data, "jsonl", good_ids=tuple(good),
                pages=sum(1 for line in lines if line.strip()))


def _warc_case(rng: random.Random, seed: int) -> Case:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    compressed = rng.random() < 0.6
    writer = WARCWriter(buffer, gzip=compressed)
    count = rng.randint(1, 4)
    for number in range(count):
        # Bad but HTTP: warcio reads a record whose URI has no http scheme as no HTTP response.
        url = rng.choice([u for u in BAD_URLS if u.startswith("http")]) if rng.random() < 0.3 \
            else f"https://alwadi.example/{number}"
        page = f"<html><body><article><p>{_article(rng)}</p></article></body></html>"
        kind = rng.choice(["text/html; charset=utf-8", "text/html; charset=x-bogus", "text/html", "text/plain"])
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        fixed = {"WARC-Date": "2024-03-05T10:00:00Z",
                 "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=rng.getrandbits(128))}>"}
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(page.encode("utf-8")),
                                           http_headers=headers, warc_headers_dict=fixed)
        writer.write_record(record)
    data = buffer.getvalue()
    intact = rng.random() < 0.5
    if not intact:
        data = _mutate(rng, data)
    return Case(f"case-{seed}.warc" + (".gz" if compressed else ""), data, "warc",
                pages=count if intact else None)


def _feed_case(rng: random.Random, seed: int) -> Case:
    items = "".join(
        f"<item><title>{rng.choice(HOSTILE) if rng.random() < 0.3 else 'عنوان'}</title>"
        f"<link>{rng.choice(BAD_URLS)}</link><description><![CDATA[<p>{_article(rng)}</p>]]></description>"
        f"<pubDate>{rng.choice(['Tue, 05 Mar 2024 10:00:00 GMT', 'أمس', '', '99/99/9999'])}</pubDate></item>"
        for _ in range(rng.randint(1, 4)))
    data = f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>الوادي</title>{items}</channel></rss>'
    raw = data.encode("utf-8", "surrogatepass")
    if rng.random() < 0.4:
        raw = _mutate(rng, raw)
    return Case(f"case-{seed}.rss", raw, "feed")


_MAKERS = (_text_case, _text_case, _html_case, _html_case, _jsonl_case, _jsonl_case, _warc_case, _feed_case)
