"""Readers for the labelled clustering sets in ../shared/data (formats in their READMEs)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsbrief.errors import DataError
from newsbrief.records import Article, article_id


@dataclass(slots=True)
class LabelledItem:
    article: Article
    label: str
    time: float | None  # sort key for stream replay (crawl time or stream position)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    import gzip

    p = Path(path)
    opener = gzip.open if p.suffix == ".gz" else open
    rows = []
    try:
        with opener(p, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        rows.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise DataError(f"{p}:{n}: not JSON ({exc.msg})") from exc
    except OSError as exc:
        raise DataError(f"cannot read {p}: {exc}") from exc
    return rows


def load_cluster_items(path: str | Path, prepare: bool = True) -> list[LabelledItem]:
    """Items with story labels from a clustering set or a pooled multi-document summary set.

    Multi-document rows (``{"id", "articles": [...]}``) are pooled with the row id as the
    label; with ``prepare`` their texts go through clean and annotate as in the pipeline.
    """
    rows = read_jsonl(path)
    if not rows:
        raise DataError(f"{path}: no records")
    items: list[LabelledItem] = []
    if "articles" in rows[0]:
        from newsbrief.annotate import annotate
        from newsbrief.clean import clean_article

        for row in rows:
            for doc in row["articles"]:
                src = f"{path}#{doc.get('doc_id')}"
                text = doc.get("text") or ""
                art = Article(
                    id=article_id(src, text), source=src, text=text, title=doc.get("title") or ""
                )
                if prepare:
                    art = annotate(clean_article(art))
                items.append(LabelledItem(art, str(row["id"]), None))
        return items
    if "cluster_id" not in rows[0]:
        raise DataError(f"{path}: expected 'cluster_id' or 'articles' fields")
    for n, row in enumerate(rows):
        src = f"{path}#{n + 1}"
        title = row.get("title") or ""
        text = row.get("text") or ""
        art = Article(
            id=article_id(src, f"{title}\n{text}"),
            source=src,
            title=title,
            text=text,
            outlet=row.get("publisher"),
            url=row.get("url"),
            published=row.get("date"),
        )
        if row.get("timestamp_ms") is not None:
            when: float | None = float(row["timestamp_ms"])
        elif row.get("newsT_stream_pos") is not None:
            when = float(row["newsT_stream_pos"])
        else:
            when = None
        items.append(LabelledItem(art, str(row["cluster_id"]), when))
    return items
