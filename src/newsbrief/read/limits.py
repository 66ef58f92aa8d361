"""The size limits every reader applies, so that no single input can take all memory or time.

One policy for every format. Each limit is far above what real news needs: the longest of
Multi-News's 690 dev articles is 48 K characters, a long-read magazine piece 150 K; a raw news
page is rarely over 3 MB of HTML. An input over a limit is reported once (file, line or
record, and which limit) and skipped; the rest of its file is still read.

The defaults can be changed per call (``iter_inputs(paths, limits=Limits(...))``) or, for the
command line and the web server, through environment variables: ``NEWSBRIEF_MAX_LINE``,
``NEWSBRIEF_MAX_DOCUMENT``, ``NEWSBRIEF_MAX_TEXT``, ``NEWSBRIEF_MAX_DECOMPRESSED`` and
``NEWSBRIEF_MAX_RATIO``, each a number with an optional K, M or G suffix (powers of 1024).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

from newsbrief.errors import ConfigError

_MB = 1 << 20


@dataclass(frozen=True, slots=True)
class Limits:
    """Size limits of the read stage; every one in bytes except ``text`` (characters)."""

    # one JSONL line, one WARC page: a record with its raw HTML fits many times over
    line: int = 16 * _MB
    # one whole .txt, .html or .json file, parsed in one piece
    document: int = 64 * _MB
    # an article's text after extraction: 2 million characters is a 300,000-word article
    text: int = 2_000_000
    # what one gzipped file may expand to: gzipped news JSONL of this size holds some 200,000
    # articles, and a bigger dump can raise it or be split
    decompressed: int = 1024 * _MB
    # ... and never more than this many times its own size (but always one line's worth):
    # gzipped news JSONL compresses 2.9-5.2 times (Multi-News, Fundus, WCXB, UCI, Google News
    # files in ../shared/data), a zip bomb hundreds of times
    ratio: int = 20

    def expansion(self, compressed: int) -> tuple[int, str]:
        """How far a gzipped file of ``compressed`` bytes may expand, and that limit in words."""
        by_ratio = max(self.ratio * compressed, self.line)
        if by_ratio < self.decompressed:
            return by_ratio, f"{self.ratio} times the compressed size ({human(by_ratio)})"
        return self.decompressed, human(self.decompressed)

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, overridden by the NEWSBRIEF_MAX_* environment variables."""
        values: dict[str, int] = {}
        for field in ("line", "document", "text", "decompressed", "ratio"):
            raw = os.environ.get(f"NEWSBRIEF_MAX_{field.upper()}")
            if raw is not None and raw.strip():
                values[field] = parse_size(raw, f"NEWSBRIEF_MAX_{field.upper()}")
        return cls(**values)


_SIZE = re.compile(r"^\s*(\d+)\s*([kKmMgG]?)[bB]?\s*$")
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30}


def parse_size(text: str, name: str = "size") -> int:
    """Bytes (or characters) from "16M", "2000000", "1G"; ConfigError when unreadable."""
    m = _SIZE.match(text)
    if not m or int(m.group(1)) <= 0:
        raise ConfigError(f"{name}={text!r} is not a size (a positive number, optional K/M/G)")
    return int(m.group(1)) * _UNITS[m.group(2).lower()]


def human(size: int) -> str:
    """A size as people write it: "16 MB", "1 GB", "1.4 MB", "900 bytes"."""
    for unit, name in ((1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")):
        if size >= unit:
            value = size / unit
            return (
                f"{value:.0f} {name}" if size % unit == 0 or value >= 10 else f"{value:.1f} {name}"
            )
    return f"{size:,} bytes"


def text_over_limit(text: str, limits: Limits) -> str | None:
    """The reason an article's text is too long to keep, or None."""
    if len(text) > limits.text:
        return f"article text of {len(text):,} characters is over the limit of {limits.text:,}"
    return None
