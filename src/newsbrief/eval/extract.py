"""Task "extract": article body and metadata from raw HTML pages, against their ground truth.

Data: a folder of ``../shared/data/extraction/`` (``zyte-aeb``, ``wcxb-articles``,
``fundus-news``) or its ``ground_truth.jsonl``. The three share one record schema (``id``,
``url``, ``html_path``, ``body``, ``title``, ``author``/``authors``, ``date``); fields a set
does not annotate are null and are not scored.

Systems, in the same run on the same pages:

- "trafilatura": plain ``trafilatura.bare_extraction(html, url=url, with_metadata=True)`` with
  its default settings;
- "newsbrief": :func:`newsbrief.read.html.article_from_html` and then the clean stage
  (:func:`newsbrief.clean.clean_article`), as the pipeline runs them, with the shipped
  settings. Those settings are chosen on these same dev folders, so this figure is in-sample;
  the honest one is leave-site-group-out over the three folders together, printed beside
  plain trafilatura by ``benchmarks/loso_extract.py``.

Metrics (keys of ``--json``):

- ``precision``/``recall``/``f1``: the Zyte article-extraction benchmark's body metric. Text is
  tokenised with ``\\w+`` (case kept) into a multiset of word 4-gram shingles; per page TP/FP/FN
  are normalised by TP+FP+FN so every page weighs the same; the normalised counts are summed
  over pages (pages with an empty prediction count for recall only, an empty truth for
  precision only, both empty as a perfect page) and F1 is the harmonic mean of P and R.
- ``title_exact``: the lower-cased ``\\w+`` token sequences are equal (case, whitespace and
  punctuation ignored).
- ``author_exact``: equal sets of names, each side split on ``;`` ``,`` ``&`` and "and"/"und",
  each name folded like a title.
- ``date_exact``: the same calendar day (``YYYY-MM-DD`` as written, no time-zone shift).

Each rate is the fraction of pages whose ground truth has the field (a page where the system
gives nothing counts as a miss).
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsbrief.errors import DataError
from newsbrief.eval import EvalResult, SystemScore


@dataclass(slots=True)
class Extraction:
    """What one system read from one page; empty fields where it found nothing."""

    text: str = ""
    title: str = ""
    authors: tuple[str, ...] = ()
    date: str = ""


@dataclass(slots=True)
class Page:
    id: str
    url: str | None
    html: bytes
    body: str
    title: str | None
    authors: list[str] | None
    date: str | None
    domain: str = ""  # registered domain: pages of one site share it
    dataset: str = ""


Extractor = Callable[[Page], Extraction]

_TOKEN = re.compile(r"\w+")
_NAME_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bund\b)\s*", re.IGNORECASE)
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# Degrees and honorifics are not part of a name ("Jane Doe, Ph.D.", "Dr. Jane Doe").
_CREDENTIAL_PARTS = frozenset(
    [
        "phd",
        "ph",
        "d",
        "md",
        "ms",
        "rd",
        "mba",
        "cfp",
        "cpa",
        "rn",
        "jd",
        "msc",
        "ma",
        "ba",
        "bsc",
        "mph",
        "dds",
        "np",
        "lcsw",
    ]
) | {"ph d"}
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs)\s+")


# --------------------------------------------------------------------------- loading


def _truth_file(path: Path) -> Path:
    return path / "ground_truth.jsonl" if path.is_dir() else path


def load_pages(path: str | Path) -> list[Page]:
    """The pages of one extraction folder (or its ground_truth.jsonl) with their HTML."""
    truth = _truth_file(Path(path))
    if not truth.is_file():
        raise DataError(f"{path}: no ground_truth.jsonl")
    pages = []
    with truth.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            try:
                rec = json.loads(raw)
                html_file = truth.parent / rec["html_path"]
                body = rec.get("body") or ""
            except (ValueError, KeyError, TypeError) as exc:
                raise DataError(f"{truth}:{number}: not an extraction record ({exc})") from exc
            if not html_file.is_file():
                raise DataError(f"{truth}:{number}: missing page {html_file}")
            data = html_file.read_bytes()
            if html_file.suffix == ".gz":
                data = gzip.decompress(data)
            authors = rec.get("authors") or ([rec["author"]] if rec.get("author") else None)
            pages.append(
                Page(
                    id=str(rec.get("id", number)),
                    url=rec.get("url"),
                    html=data,
                    body=body,
                    title=rec.get("title") or None,
                    authors=authors,
                    date=rec.get("date") or None,
                    domain=str(rec.get("domain") or ""),
                    dataset=str(rec.get("dataset") or truth.parent.name),
                )
            )
    if not pages:
        raise DataError(f"{truth}: no pages")
    return pages


# --------------------------------------------------------------------------- metrics


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens)


def page_counts(truth: str, pred: str) -> tuple[float, float, float, float]:
    """One page's share of the body metric: normalised (TP, FP) for precision and (TP, FN) for
    recall; summing them over pages and calling :func:`scores_of` gives :func:`body_scores`."""
    t, p = _shingles(truth), _shingles(pred)
    if not t and not p:
        return 1.0, 0.0, 1.0, 0.0
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    tp_p, fp_p = (tp / total, fp / total) if p else (0.0, 0.0)
    tp_r, fn_r = (tp / total, fn / total) if t else (0.0, 0.0)
    return tp_p, fp_p, tp_r, fn_r


def body_scores(pairs: Iterable[tuple[str, str]]) -> dict[str, float]:
    """Zyte shingle precision, recall and F1 over (truth, prediction) pairs."""
    sums = [0.0, 0.0, 0.0, 0.0]
    for truth, pred in pairs:
        for i, value in enumerate(page_counts(truth, pred)):
            sums[i] += value
    return scores_of(*sums)


def scores_of(tp_p: float, fp_p: float, tp_r: float, fn_r: float) -> dict[str, float]:
    """Precision, recall and F1 from summed :func:`page_counts`."""
    precision = tp_p / (tp_p + fp_p) if tp_p + fp_p else 0.0
    recall = tp_r / (tp_r + fn_r) if tp_r + fn_r else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def fold(text: str | None) -> str:
    """Case, whitespace and punctuation folded away: how titles and names are compared."""
    return " ".join(_TOKEN.findall((text or "").lower()))


def author_key(names: Iterable[str]) -> frozenset[str]:
    """Folded names without degrees and honorifics, for comparing author lists as sets."""
    out = set()
    for name in names:
        for part in _NAME_SPLIT.split(name):
            key = _HONORIFIC.sub("", fold(part))
            if key and key not in _CREDENTIAL_PARTS:
                out.add(key)
    return frozenset(out)


def day_of(value: str | None) -> str:
    match = _DAY.search(value or "")
    return match.group(0) if match else ""


def field_hits(page: Page, got: Extraction) -> dict[str, bool]:
    """Which annotated fields of ``page`` the extraction got exactly right."""
    hits = {}
    if page.title:
        hits["title_exact"] = fold(page.title) == fold(got.title) != ""
    if page.authors:
        hits["author_exact"] = author_key(page.authors) == author_key(got.authors)
    if page.date:
        hits["date_exact"] = day_of(page.date) == day_of(got.date) != ""
    return hits


# --------------------------------------------------------------------------- systems


def trafilatura_extract(page: Page) -> Extraction:
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(page.html, url=page.url, with_metadata=True)
    except Exception:  # a crash on one page is that page's empty output, as for any tool
        return Extraction()
    if doc is None:
        return Extraction()
    data: dict[str, Any] = doc if isinstance(doc, dict) else doc.as_dict()
    # trafilatura joins several authors with "; "
    authors = tuple(a.strip() for a in str(data.get("author") or "").split(";") if a.strip())
    return Extraction(
        text=str(data.get("text") or ""),
        title=str(data.get("title") or ""),
        authors=authors,
        date=str(data.get("date") or ""),
    )


def newsbrief_extract(page: Page) -> Extraction:
    from newsbrief.clean import clean_article
    from newsbrief.read.html import article_from_html
    from newsbrief.records import Article

    record = article_from_html(page.html, f"page-{page.id}.html", url=page.url)
    if not isinstance(record, Article):
        return Extraction()
    # the gold bodies keep the dateline the pipeline cuts for analysis
    return extraction_of(clean_article(record, keep_datelines=True))


def extraction_of(article: Any) -> Extraction:
    """What the pipeline's cleaned Article says about its page."""
    return Extraction(
        text=article.text,
        title=article.title,
        authors=tuple(article.authors),
        date=article.published or "",
    )


SYSTEMS: dict[str, Extractor] = {"trafilatura": trafilatura_extract, "newsbrief": newsbrief_extract}


def score_system(pages: list[Page], system: Extractor) -> tuple[dict[str, float], float]:
    """Metrics of one system over ``pages`` and the seconds it spent extracting."""
    outputs = []
    started = time.perf_counter()
    for page in pages:
        outputs.append(system(page))
    seconds = time.perf_counter() - started
    metrics = body_scores((page.body, got.text) for page, got in zip(pages, outputs, strict=True))
    hits: dict[str, list[bool]] = {}
    for page, got in zip(pages, outputs, strict=True):
        for key, ok in field_hits(page, got).items():
            hits.setdefault(key, []).append(ok)
    for key in ("title_exact", "author_exact", "date_exact"):
        if hits.get(key):
            metrics[key] = sum(hits[key]) / len(hits[key])
    return {k: round(v, 4) for k, v in metrics.items()}, seconds


def evaluate_extract(path: str) -> EvalResult:
    """Score plain trafilatura and newsbrief's reader + cleaner on one extraction folder."""
    pages = load_pages(path)
    result = EvalResult(task="extract", data=str(path), n=len(pages))
    for name, system in SYSTEMS.items():
        metrics, seconds = score_system(pages, system)
        result.systems.append(SystemScore(name, metrics, seconds))
    counts = {
        "title": sum(1 for p in pages if p.title),
        "author": sum(1 for p in pages if p.authors),
        "date": sum(1 for p in pages if p.date),
    }
    result.notes.append(
        "precision/recall/f1: Zyte word 4-gram shingle metric on the body; *_exact: share of "
        "pages with that field annotated ("
        + ", ".join(f"{k} {v}" for k, v in counts.items())
        + ") where the system matches: title as lower-cased \\w+ tokens, authors as a set of "
        "folded names (split on ; , & and), date at day precision"
    )
    return result
