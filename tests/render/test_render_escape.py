"""Property: whatever an article says, escaped it renders as plain text and nothing else."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsbrief.render.escape import escape

markdown_it = pytest.importorskip("markdown_it")
MD = markdown_it.MarkdownIt("commonmark")

# Markdown's special characters, plus whole tokens attackers use, mixed with plain text.
PIECES = st.sampled_from(
    [*"ab1 _*#-+=>|<&;![]()`~\\\n\t.:/)xy", "javascript:", "&amp;", "&#60;", "http://x.y", "<b>"]
)
TEXTS = st.lists(PIECES, max_size=30).map("".join)


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_escaped_text_is_one_plain_paragraph(text: str) -> None:
    out = MD.render(escape(text)).strip()
    if not _folded(text):
        assert out == ""
        return
    assert out.startswith("<p>") and out.endswith("</p>")
    inner = out[len("<p>") : -len("</p>")]
    assert "<" not in inner  # no tag of any kind: no link, emphasis, code or HTML
    assert html.unescape(inner) == _folded(text)  # and the words survive intact


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_escaped_text_stays_inside_its_list_item(text: str) -> None:
    out = MD.render(f"- {escape(text)} [1]\n").strip()
    inner = out.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>")
    assert "<" not in inner
    assert html.unescape(inner) == _folded(f"{_folded(text)} [1]")
