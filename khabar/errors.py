"""Every exception khabar raises: one tree, each class owning its message codes and HTTP status.

KhabarError                      E0xx                      500  The base class, and any unexpected error.
├── ConfigError                  E1xx                      400  A config file or option is invalid.
├── PipelineError                E2xx                      500  The pipeline cannot be built or run (raise a subclass).
│   ├── OrderError               E201                      500  A stage needs something that no earlier stage produces.
│   ├── StageError               E202 E203                 500  A stage crashed or returned something not a Document.
│   └── RegistryError            E204 E205                 500  A stage name is taken, or a declared field does not exist.
├── InputError                   E3xx                      400  An input file, encoding or format cannot be read.
├── StoreError                   E5xx                      500  The SQLite store failed or cannot be opened.
│   ├── SearchQueryError         E502                      400  A search query with nothing to search, or too many words.
│   └── NotInStoreError          E503 E504 E505 E507 E510  404  No document, raw input, story or entity with this id.
├── RequestError                 E6xx                      400  An HTTP request has an invalid parameter or body.
│   ├── PathNotFoundError        E601                      404  Nothing is served at the requested path.
│   ├── BodyTooLargeError        E603                      413  The request body is over the limit.
│   ├── AccessError              E605 E606                 403  A write with a wrong token, or while writing is disabled.
│   │   └── TokenMissingError    E604                      401  A write without a bearer token (with `WWW-Authenticate`).
│   ├── MethodNotAllowedError    E607                      405  The path exists but not for this HTTP method.
│   ├── TooManyRequestsError     E608                      429  A client is over the rate limit (with `Retry-After`).
│   └── AnalysisFailedError      E609                      422  The pipeline failed on a posted article.
└── Rejected                     R1xx                      422  A page is not processed, for a coded `reason` (a subclass).
    ├── EmptyInputRejected       R101                      422  The input has no bytes or only whitespace.
    ├── BinaryInputRejected      R102                      422  The input is binary data, not text.
    ├── TooLargeRejected         R103                      413  The input is over the size limit.
    ├── NotAnArticleRejected     R104                      422  No article text could be extracted.
    ├── TooShortRejected         R105                      422  The extracted text is too short for an article.
    ├── NotArabicRejected        R106                      422  The text is not in Arabic.
    ├── MalformedRecordRejected  R107                      422  A JSON-lines record is not valid, or lacks text and html.
    ├── EncodingRejected         R108                      422  The bytes are not valid in the encoding asked for.
    ├── UnreadableRejected       R109                      422  A file or archive record cannot be read to its end.
    └── OverBudgetRejected       R110                      422  The stages ran past the CPU budget of one document.

Each class declares its `family` (code prefixes; the longest matching prefix owns a code) and
its `http_status`, which the web's one error handler answers with. Making an error with a code
its class does not own is refused (TypeError), so a code always reaches the user under the same
class name and status. Codes are listed in MESSAGES (one catalogue; docs/errors.md is generated
from it and from `draw_tree`) and never reused for another meaning.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, str] = {
    "E000": "internal error: {detail}",
    "E101": "unknown stage {name!r}; known stages: {known}",
    "E102": "cannot read config {path}: {detail}",
    "E103": "invalid config option {option!r}: {detail}",
    "E201": "stage {stage!r} requires {missing} but no earlier stage produces it; order: {order}",
    "E202": "stage {stage!r} returned {got} instead of a Document",
    "E203": "stage {stage!r} failed: {detail}",
    "E204": "stage name {name!r} is already registered by {holder}; give the new stage its own name (area.method.vN)",
    "E205": "stage {stage!r} declares {field!r}, which is not a field of Document; fields: {fields}",
    "E301": "cannot read {path}: {detail}",
    "E303": "unknown input format {format!r}; valid formats: {valid}",
    "E304": "unknown encoding {encoding!r}; for example: utf-8, windows-1256, utf-16",
    "E305": "{path} is not a regular file or directory ({kind}); give files, directories or - for stdin",
    "E501": "store error: {detail}",
    "E502": "malformed search query {query!r}: {detail}; search takes words and \"quoted phrases\"",
    "E503": "no document {doc_id!r} in the store; `khabar search` finds documents by their words",
    "E504": "no raw input with SHA-256 {sha256} in the store",
    "E505": "no story {story_id!r} in the store; `khabar stories` lists them",
    "E506": "the store {path} has schema version {found}, newer than this khabar ({known}); upgrade khabar",
    "E507": "no entity {entity_id!r} in the store; /entities lists them",
    "E510": "no place with GeoNames id {geonames} in the store; /places lists them",
    "E508": "no store at {path}; `khabar ingest ... --db {path}` creates one",
    "E601": "nothing at {path}; the API is described at /docs",
    "E602": "invalid parameter {name!r}: {detail}",
    "E603": "the request body is over the limit of {limit} bytes",
    "E604": "writing needs a token: send `Authorization: Bearer <token>`",
    "E605": "the token is not valid for writing",
    "E606": "writing is disabled: start `khabar serve` with a token in the variable named by --token-env",
    "E607": "method {method} is not allowed at {path}",
    "E608": "too many requests from this address: at most {rate} a minute; try again in {retry_after} s",
    "E609": "the article could not be analyzed: stage {stage!r} failed on it ({reason}); the server log says why",
    "R101": "the input is empty",
    "R102": "the input is binary, not text ({detail})",
    "R103": "the input is too large: {detail} (see --max-bytes)",
    "R104": "no article text found in the page",
    "R105": "the article text is too short ({chars} characters, minimum {minimum})",
    "R106": "the text is not Arabic ({share:.0%} Arabic letters, minimum {minimum:.0%})",
    "R107": "not a valid JSON-lines article record ({detail})",
    "R108": "input is not valid {encoding}; try --encoding windows-1256, the usual one for Arabic pages",
    "R109": "the input cannot be read: {detail}",
    "R110": "the analysis used {seconds:.1f} s of CPU, over the budget of {budget:.1f} s per document",
}


class KhabarError(Exception):
    """The base class, and any unexpected error.

    Every instance carries a message code from MESSAGES (its class must own the code) and
    context attributes (`stage`, `doc_id`, `url`, ...).
    """

    family: tuple[str, ...] = ("E0",)
    http_status = 500
    code: str | None = "E000"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "family" in cls.__dict__:
            _claim(cls)
        default = cls.__dict__.get("code")
        if default is not None and not default.startswith(cls.family):
            raise TypeError(f"{cls.__name__}.code {default} is outside its family {_codes(cls.family)}")

    def __init__(self, code: str | None = None, /, **context: Any) -> None:
        self.code = code or type(self).code or ""
        _check_family(type(self), self.code)
        self.context = context
        template = MESSAGES[self.code]
        try:
            message = template.format(**context)
        except (KeyError, IndexError, ValueError):
            message = f"{template} {context}"
        self.message = message
        super().__init__(f"{self.code} {message}")

    def __getattr__(self, name: str) -> Any:
        # Context travels as attributes: err.stage, err.doc_id, err.url.
        context = self.__dict__.get("context", {})
        if name in context:
            return context[name]
        raise AttributeError(name)

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (ingest workers, Spark); rebuild from the code and
        # context, not from the formatted message that Exception would pass back.
        return _rebuild, (type(self), self.code, self.context, dict(self.__dict__))


def _rebuild(cls: type[KhabarError], code: str, context: dict[str, Any], state: dict[str, Any]) -> KhabarError:
    error = cls(code, **context)
    error.__dict__.update(state)
    error.args = (f"{error.code} {error.message}",)
    return error


# Code prefix -> the class that owns the codes starting with it; the longest prefix wins.
_OWNERS: dict[str, type[KhabarError]] = {"E0": KhabarError}


def _claim(cls: type[KhabarError]) -> None:
    taken = [prefix for prefix in cls.family if prefix in _OWNERS]
    if taken:
        raise TypeError(f"{cls.__name__} claims {taken[0]}, already owned by {_OWNERS[taken[0]].__name__}")
    _OWNERS.update(dict.fromkeys(cls.family, cls))


def owner_of(code: str) -> type[KhabarError] | None:
    """The class that owns a message code: the one whose family has the longest matching prefix."""
    prefixes = [prefix for prefix in _OWNERS if code.startswith(prefix)]
    return _OWNERS[max(prefixes, key=len)] if prefixes else None


def _check_family(cls: type[KhabarError], code: str) -> None:
    # A code raised on the wrong class would get the wrong HTTP status and the wrong name in
    # the CLI, so it is refused where it is made.
    if code not in MESSAGES:
        raise TypeError(f"{cls.__name__}: {code!r} is not in the catalogue (errors.MESSAGES)")
    owner = owner_of(code)
    if owner is None or family_class(cls) is not owner:
        raise TypeError(f"{code} belongs to {getattr(owner, '__name__', 'no class')}, not {cls.__name__}")


def family_class(cls: type[KhabarError]) -> type[KhabarError]:
    """The class whose family `cls` raises: itself, or the nearest ancestor that declares one."""
    return next(base for base in cls.__mro__ if "family" in vars(base))


def _codes(family: tuple[str, ...]) -> str:
    return " ".join(prefix.ljust(4, "x") for prefix in family)


class ConfigError(KhabarError):
    """A config file or option is invalid."""

    # 400: in a request it is always an option the client sent (the app's own config is read
    # before it serves anything).
    family, http_status, code = ("E1",), 400, "E103"


class PipelineError(KhabarError):
    """The pipeline cannot be built or run (raise a subclass)."""

    family, http_status, code = ("E2",), 500, None


class OrderError(PipelineError):
    """A stage needs something that no earlier stage produces."""

    family, code = ("E201",), "E201"


class StageError(PipelineError):
    """A stage crashed or returned something not a Document."""

    family, code = ("E202", "E203"), "E203"


class RegistryError(PipelineError):
    """A stage name is taken, or a declared field does not exist."""

    family, code = ("E204", "E205"), "E204"


class InputError(KhabarError):
    """An input file, encoding or format cannot be read."""

    family, http_status, code = ("E3",), 400, "E301"


class StoreError(KhabarError):
    """The SQLite store failed or cannot be opened."""

    family, http_status, code = ("E5",), 500, "E501"


class SearchQueryError(StoreError):
    """A search query with nothing to search, or too many words."""

    family, http_status, code = ("E502",), 400, "E502"


class NotInStoreError(StoreError):
    """No document, raw input, story or entity with this id."""

    family, http_status, code = ("E503", "E504", "E505", "E507", "E510"), 404, "E503"


class RequestError(KhabarError):
    """An HTTP request has an invalid parameter or body."""

    family, http_status, code = ("E6",), 400, "E602"


class PathNotFoundError(RequestError):
    """Nothing is served at the requested path."""

    family, http_status, code = ("E601",), 404, "E601"


class BodyTooLargeError(RequestError):
    """The request body is over the limit."""

    family, http_status, code = ("E603",), 413, "E603"


class AccessError(RequestError):
    """A write with a wrong token, or while writing is disabled."""

    family, http_status, code = ("E605", "E606"), 403, "E605"


class TokenMissingError(AccessError):
    """A write without a bearer token (with `WWW-Authenticate`)."""

    family, http_status, code = ("E604",), 401, "E604"


class MethodNotAllowedError(RequestError):
    """The path exists but not for this HTTP method."""

    family, http_status, code = ("E607",), 405, "E607"


class TooManyRequestsError(RequestError):
    """A client is over the rate limit (with `Retry-After`)."""

    family, http_status, code = ("E608",), 429, "E608"


class AnalysisFailedError(RequestError):
    """The pipeline failed on a posted article."""

    family, http_status, code = ("E609",), 422, "E609"


class Rejected(KhabarError):
    """A page is not processed, for a coded `reason` (a subclass)."""

    family, http_status, code = ("R1",), 422, None
    reason = "rejected"


class EmptyInputRejected(Rejected):
    """The input has no bytes or only whitespace."""

    family, code, reason = ("R101",), "R101", "empty"


class BinaryInputRejected(Rejected):
    """The input is binary data, not text."""

    family, code, reason = ("R102",), "R102", "binary"


class TooLargeRejected(Rejected):
    """The input is over the size limit."""

    family, http_status, code, reason = ("R103",), 413, "R103", "too_large"


class NotAnArticleRejected(Rejected):
    """No article text could be extracted."""

    family, code, reason = ("R104",), "R104", "not_an_article"


class TooShortRejected(Rejected):
    """The extracted text is too short for an article."""

    family, code, reason = ("R105",), "R105", "too_short"


class NotArabicRejected(Rejected):
    """The text is not in Arabic."""

    family, code, reason = ("R106",), "R106", "not_arabic"


class MalformedRecordRejected(Rejected):
    """A JSON-lines record is not valid, or lacks text and html."""

    family, code, reason = ("R107",), "R107", "malformed_record"


class EncodingRejected(Rejected):
    """The bytes are not valid in the encoding asked for."""

    family, code, reason = ("R108",), "R108", "bad_encoding"


class UnreadableRejected(Rejected):
    """A file or archive record cannot be read to its end."""

    family, code, reason = ("R109",), "R109", "unreadable"


class OverBudgetRejected(Rejected):
    """The stages ran past the CPU budget of one document."""

    family, code, reason = ("R110",), "R110", "over_budget"


REJECTIONS: tuple[type[Rejected], ...] = (
    EmptyInputRejected,
    BinaryInputRejected,
    TooLargeRejected,
    NotAnArticleRejected,
    TooShortRejected,
    NotArabicRejected,
    MalformedRecordRejected,
    EncodingRejected,
    UnreadableRejected,
    OverBudgetRejected,
)


def error_classes() -> list[type[KhabarError]]:
    """Every class of the tree, parents before their children, in the order they are defined."""
    found: list[type[KhabarError]] = []

    def walk(cls: type[KhabarError]) -> None:
        found.append(cls)
        for child in cls.__subclasses__():
            if child.__module__ == __name__:
                walk(child)

    walk(KhabarError)
    return found


def draw_tree() -> str:
    """The exception tree as text: class, the codes it owns, HTTP status, one-line summary."""
    rows: list[tuple[str, str, int, str]] = []

    def walk(cls: type[KhabarError], lead: str, branch: str) -> None:
        summary = (cls.__doc__ or "").strip().split("\n")[0]
        rows.append((f"{lead}{branch}{cls.__name__}", _codes(cls.family), cls.http_status, summary))
        children = [c for c in cls.__subclasses__() if c.__module__ == __name__]
        inner = lead + ("" if not branch else "│   " if branch == "├── " else "    ")
        for i, child in enumerate(children):
            walk(child, inner, "└── " if i == len(children) - 1 else "├── ")

    walk(KhabarError, "", "")
    names, codes = (max(len(row[i]) for row in rows) + 2 for i in (0, 1))
    return "\n".join(f"{name:<{names}}{family:<{codes}}{status}  {summary}" for name, family, status, summary in rows)
