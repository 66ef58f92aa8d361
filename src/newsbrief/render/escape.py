"""Markdown escaping for untrusted text (titles, sentences, quotes, names, paths).

Article text comes from arbitrary web pages, so a title must not be able to open a
heading, a link, an image, raw HTML or a code span in the brief. Escaping is kept
minimal so the raw Markdown stays readable to a person.
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")
# Characters that start inline constructs anywhere in a line.
_INLINE = re.compile(r"([\\`*\[\]~])")
# Underscores only emphasize at word boundaries; intraword ones (snake_case) are inert.
_UNDERSCORE = re.compile(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])")
# An existing entity would be decoded by the Markdown renderer; keep it literal.
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Block constructs that only matter at the start of a line.
_LINE_START = re.compile(r"^(#|>|-|\+|=|\|)")
_ORDERED = re.compile(r"^(\d+)([.)])")


def escape(text: str | None) -> str:
    """One-line, inert Markdown for ``text``: whitespace (newlines too) folded to one space."""
    if not text:
        return ""
    out = _SPACE.sub(" ", text).strip()
    out = _INLINE.sub(r"\\\1", out)
    out = _UNDERSCORE.sub(r"\\_", out)
    out = _ENTITY.sub("&amp;", out)
    # HTML: an entity rather than a backslash so no raw tag text survives at all.
    out = out.replace("<", "&lt;")
    # "](" is the link-destination opener; the "]" is already escaped, this keeps
    # naive scanners (and lenient renderers) from seeing a link either.
    out = out.replace("](", "]\\(")
    out = _LINE_START.sub(r"\\\1", out)
    return _ORDERED.sub(r"\1\\\2", out)
