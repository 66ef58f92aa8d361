"""A dateline is cut from the text of an HTML page too, and recorded; the extraction benchmark
keeps it, since the pages' gold bodies hold it."""

from __future__ import annotations

from newsbrief.clean import clean_article
from newsbrief.records import Article

_TEXT = (
    "PORT ELLIS, Maine (AP) — The harbor board voted on Tuesday to close the north pier.\n\n"
    "Repairs will take a year, the board said."
)


def _page() -> Article:
    return Article(id="p", source="p.html", text=_TEXT, meta={"format": "html"})


def test_an_html_page_loses_its_dateline_and_keeps_it_as_metadata() -> None:
    cleaned = clean_article(_page())
    assert cleaned.text.startswith("The harbor board voted")
    assert cleaned.meta["dateline"] == "PORT ELLIS, Maine"
    assert cleaned.meta["wire"] == "AP"
    assert [r.reason for r in cleaned.removed] == ["dateline"]


def test_the_extraction_benchmark_keeps_the_dateline_in_the_body() -> None:
    cleaned = clean_article(_page(), keep_datelines=True)
    assert cleaned.text.startswith("PORT ELLIS, Maine (AP) — The harbor board")
    assert cleaned.meta["dateline"] == "PORT ELLIS, Maine"
    assert not cleaned.removed
