"""Every exception khabar raises, with stable message codes.

    KhabarError                     base of everything below
    ├── ConfigError                 a config file or option is invalid            (E1xx)
    ├── PipelineError               the pipeline cannot be built or run           (E2xx)
    │   ├── OrderError              a stage's requirement is not met before it
    │   └── StageError              a stage crashed or returned something odd
    ├── InputError                  the input cannot be read                      (E3xx)
    ├── StoreError                  the SQLite store failed                       (E5xx)
    ├── RequestError                an HTTP request cannot be served              (E6xx)
    │   └── AccessError             a write without the right token
    └── Rejected                    a page is not processed, for a coded reason   (R1xx)
        ├── EmptyInputRejected      no bytes, or only whitespace
        ├── BinaryInputRejected     bytes that are not text in any known encoding
        ├── TooLargeRejected        over the configured size limit
        ├── NotAnArticleRejected    no article text could be extracted
        ├── TooShortRejected        too little text to be an article
        ├── NotArabicRejected       the text is not Arabic
        ├── MalformedRecordRejected a JSON-lines record that is not valid
        ├── EncodingRejected        the bytes are not valid in the encoding asked for
        ├── UnreadableRejected      a file or archive that cannot be read to its end
        └── OverBudgetRejected      the analysis ran past its CPU budget

Codes are listed in MESSAGES (one catalogue; docs/errors.md is generated from it) and never
reused for another meaning.
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
    """Base class: carries a message code and context attributes (stage, doc_id, url, ...)."""

    code = "E000"

    def __init__(self, code: str | None = None, /, **context: Any) -> None:
        self.code = code or type(self).code
        self.context = context
        template = MESSAGES.get(self.code, "{detail}")
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


class ConfigError(KhabarError):
    """A config file or option is invalid."""

    code = "E103"


class PipelineError(KhabarError):
    """The pipeline cannot be built or run."""

    code = "E203"


class OrderError(PipelineError):
    """A stage needs something that no earlier stage produces."""

    code = "E201"


class StageError(PipelineError):
    """A stage raised an unexpected exception or returned something that is not a Document."""

    code = "E203"


class InputError(KhabarError):
    """An input file, encoding or format cannot be read."""

    code = "E301"


class StoreError(KhabarError):
    """The SQLite store failed."""

    code = "E501"


class RequestError(KhabarError):
    """An HTTP request cannot be served: an unknown path, a bad parameter, a body too large."""

    code = "E602"


class AccessError(RequestError):
    """A write request without a token, with a wrong one, or while writing is disabled."""

    code = "E604"


class Rejected(KhabarError):
    """A page was not processed, for a reason that is data: `reason` is the machine code."""

    code = "R100"
    reason = "rejected"


class EmptyInputRejected(Rejected):
    """The input has no bytes or only whitespace."""

    code, reason = "R101", "empty"


class BinaryInputRejected(Rejected):
    """The input is binary data, not text."""

    code, reason = "R102", "binary"


class TooLargeRejected(Rejected):
    """The input is over the size limit."""

    code, reason = "R103", "too_large"


class NotAnArticleRejected(Rejected):
    """No article text could be extracted from the page."""

    code, reason = "R104", "not_an_article"


class TooShortRejected(Rejected):
    """The extracted text is too short to be an article."""

    code, reason = "R105", "too_short"


class NotArabicRejected(Rejected):
    """The text is not in Arabic."""

    code, reason = "R106", "not_arabic"


class MalformedRecordRejected(Rejected):
    """A JSON-lines record is not valid JSON or lacks text and html."""

    code, reason = "R107", "malformed_record"


class EncodingRejected(Rejected):
    """The bytes are not valid in the encoding that was asked for."""

    code, reason = "R108", "bad_encoding"


class UnreadableRejected(Rejected):
    """A file, device or archive record that cannot be read (an OS error, a compression bomb)."""

    code, reason = "R109", "unreadable"


class OverBudgetRejected(Rejected):
    """The stages used more CPU time on one document than its budget allows."""

    code, reason = "R110", "over_budget"


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
