"""Put a folder or file through the run's own ingest and story assignment (no briefs)."""

from __future__ import annotations

import html
from pathlib import Path

from newsbrief.engines import SilentReporter
from newsbrief.engines.base import RunResult, assign_pending
from newsbrief.engines.local import ingest
from newsbrief.records import Article
from newsbrief.store import Store


def write_pages(folder: Path, pages: dict[str, list[tuple[str, list[str]]]]) -> dict[str, str]:
    """One HTML page per article; returns file name -> subject key."""
    folder.mkdir(parents=True, exist_ok=True)
    subject_of = {}
    for subject, items in pages.items():
        lang = subject.split("-")[0]
        for n, (title, paragraphs) in enumerate(items):
            name = f"{subject}-{n}.html"
            body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
            page = (
                f'<!doctype html><html lang="{lang}"><head><title>{html.escape(title)}'
                f"</title></head><body><article><h1>{html.escape(title)}</h1>\n{body}"
                "</article></body></html>\n"
            )
            (folder / name).write_text(page, encoding="utf-8")
            subject_of[name] = subject
    return subject_of


def group(inputs: list[Path], db: Path) -> tuple[list[list[Article]], Store]:
    """Ingest ``inputs`` (one call each, like successive `newsbrief add` runs) and return the
    stored stories as lists of their articles."""
    store = Store(str(db))
    for path in inputs:
        ingest([str(path)], store, SilentReporter(), RunResult())
        assign_pending(store, SilentReporter())
    articles = {a.id: a for a in store.articles()}
    return [[articles[i] for i in s.article_ids] for s in store.stories()], store
