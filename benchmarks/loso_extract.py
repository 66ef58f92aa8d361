"""Leave-site-group-out validation of newsbrief's extraction settings, against plain trafilatura.

    nice python benchmarks/loso_extract.py [FOLDER ...] [--cache FILE]

FOLDER defaults to the three dev sets in ../shared/data/extraction/ (zyte-aeb, wcxb-articles,
fundus-news), pooled. Pages are grouped by site (the registered ``domain`` of the answer key;
a site in two sets is one group). For every held-out group, each setting of
:class:`newsbrief.read.html.ExtractSettings` and the set of clean-stage removals that apply to
HTML text (``newsbrief.clean.HTML_REASONS``) are chosen on all the other groups, then the
held-out group is scored with that choice. The pooled held-out pages give the headline,
printed per set beside plain trafilatura (default ``bare_extraction``) in the same run, and
beside the settings chosen on all groups (what ships; "dev", in-sample).

Trafilatura's answer is the default everywhere: an option with our evidence replaces it only
when, over the training groups, it is better pooled **and no worse on any one of the sets**.
Choices, in order, each on the training groups only:

1. title, authors, date: ours (markup first) or trafilatura's first, by exact-match counts;
2. body: trafilatura's default run, favour-precision with a recall fallback, or "guarded"
   favour-precision (taken only when it keeps at least 0.5/0.7/0.8/0.9 of the default body's
   length); a first line repeating the title (as chosen in 1) dropped or not; every
   clean-stage removal on; the best pooled body F1 among the options that pass;
3. removals: starting from none, a removal reason is switched on when it alone passes.

Every run of trafilatura is cached per page, so the grid costs one run of each kind.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsbrief.clean import REASONS, clean_article
from newsbrief.eval.extract import (
    Extraction,
    Page,
    extraction_of,
    field_hits,
    load_pages,
    page_counts,
    scores_of,
    trafilatura_extract,
)
from newsbrief.read.html import ExtractSettings, article_from_html
from newsbrief.records import Article

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction"
DEFAULT = ["zyte-aeb", "wcxb-articles", "fundus-news"]
FIELDS = ("title", "authors", "date")
FIELD_KEYS = {"title": "title_exact", "authors": "author_exact", "date": "date_exact"}
BodyKey = tuple[str, bool, str]  # (body, drop_title_line, title); body "guarded:0.8" etc.
GUARDS = (0.5, 0.7, 0.8, 0.9)
BASE_GRID: list[BodyKey] = [
    (body, drop, title)
    for body in ("default", "precision")
    for drop in (True, False)
    for title in ("ours", "trafilatura")
]
BODY_GRID: list[BodyKey] = BASE_GRID + [
    (f"guarded:{guard}", drop, title)
    for guard in GUARDS
    for drop in (True, False)
    for title in ("ours", "trafilatura")
]


def body_settings(key: BodyKey, **more: Any) -> ExtractSettings:
    body, _, guard = key[0].partition(":")
    return ExtractSettings(
        body=body, drop_title_line=key[1], title=key[2], guard=float(guard or 0.8), **more
    )


# --------------------------------------------------------------------------- cached trafilatura

_CURRENT: list[str] = [""]
_MEMO: dict[tuple[str, tuple[tuple[str, Any], ...]], Any] = {}


def _install_memo() -> None:
    """Cache ``trafilatura.bare_extraction`` per page and keyword set (pure per page)."""
    import trafilatura

    real = trafilatura.bare_extraction

    def cached(filecontent: Any, **kwargs: Any) -> Any:
        key = (_CURRENT[0], tuple(sorted((k, v) for k, v in kwargs.items() if k != "url")))
        if key not in _MEMO:
            try:
                _MEMO[key] = real(filecontent, **kwargs)
            except Exception as exc:  # replayed below, as the uncached call would raise it
                _MEMO[key] = exc
        if isinstance(_MEMO[key], Exception):
            raise _MEMO[key]
        return _MEMO[key]

    trafilatura.bare_extraction = cached  # type: ignore[assignment]


# --------------------------------------------------------------------------- per-page outcomes


@dataclasses.dataclass(slots=True)
class Outcome:
    """Everything the selection needs about one page, under every candidate setting."""

    page: Page
    trafilatura: tuple[tuple[float, ...], dict[str, bool]]
    # body key -> (counts with every removal, counts with none, {reason: counts with it alone})
    body: dict[BodyKey, tuple[tuple[float, ...], tuple[float, ...], dict[str, tuple[float, ...]]]]
    # field -> option -> exact match (absent: the page has no answer for it)
    fields: dict[str, dict[str, bool]]


def _article(page: Page, settings: ExtractSettings) -> Article | None:
    record = article_from_html(page.html, f"page-{page.id}.html", url=page.url, settings=settings)
    return record if isinstance(record, Article) else None


def _text(article: Article | None, reasons: frozenset[str] | None) -> str:
    return "" if article is None else clean_article(article, reasons, keep_datelines=True).text


def _body_outcome(
    page: Page, settings: ExtractSettings
) -> tuple[tuple[float, ...], tuple[float, ...], dict[str, tuple[float, ...]]]:
    article = _article(page, settings)
    every = page_counts(page.body, _text(article, None))
    none = page_counts(page.body, _text(article, frozenset()))
    alone = {}
    if article is not None:
        fired = {
            r.reason for r in clean_article(article, None, keep_datelines=True).removed
        } & REASONS
        for reason in sorted(fired):
            alone[reason] = page_counts(page.body, _text(article, frozenset({reason})))
    return every, none, alone


def add_guarded(o: Outcome) -> None:
    """The "guarded" body options: each is the default or the pure favour-precision body,
    by the ratio of their lengths, so only those two bodies are scored."""
    from trafilatura.utils import load_html

    from newsbrief.read.html import _extract

    page = o.page
    _CURRENT[0] = page.id
    plain, _ = _extract(load_html(page.html), page.url, "default")
    old, old_from = _extract(load_html(page.html), page.url, "precision")
    if old_from == "favor_recall":  # the cached precision body is the recall fallback
        precise, _ = _extract(load_html(page.html), page.url, "guarded", 0.0)
        pure = {
            (drop, title): _body_outcome(page, body_settings(("guarded:0.0", drop, title)))
            for drop in (True, False)
            for title in ("ours", "trafilatura")
        }
    else:
        precise = old
        pure = {(k[1], k[2]): o.body[k] for k in BASE_GRID if k[0] == "precision"}
    short, long = len(str(precise.get("text") or "")), len(str(plain.get("text") or ""))
    for guard in GUARDS:
        for (drop, title), entry in pure.items():
            use = short > 0 and short >= guard * long
            o.body[(f"guarded:{guard}", drop, title)] = (
                entry if use else o.body[("default", drop, title)]
            )


def outcome(page: Page) -> Outcome:
    _CURRENT[0] = page.id
    plain = trafilatura_extract(page)
    base = (page_counts(page.body, plain.text), field_hits(page, plain))
    body = {}
    for key in BASE_GRID:
        body[key] = _body_outcome(page, body_settings(key))
    return Outcome(page, base, body, field_outcomes(page))


def field_outcomes(page: Page) -> dict[str, dict[str, bool]]:
    """Exact-match of title, authors and date with ours first and with trafilatura's first."""
    _CURRENT[0] = page.id
    fields: dict[str, dict[str, bool]] = defaultdict(dict)
    for ours, theirs in (("ours", "markup"), ("trafilatura", "trafilatura")):
        settings = ExtractSettings(title=ours, authors=theirs, date=theirs)
        article = _article(page, settings)
        got = (
            Extraction()
            if article is None
            else extraction_of(clean_article(article, keep_datelines=True))
        )
        for field, hit in field_hits(page, got).items():
            name = {"title_exact": "title", "author_exact": "authors", "date_exact": "date"}[field]
            fields[name][ours if name == "title" else theirs] = hit
    return dict(fields)


# --------------------------------------------------------------------------- selection


def _add(total: list[float], counts: tuple[float, ...]) -> None:
    for i, value in enumerate(counts):
        total[i] += value


def _f1(total: list[float]) -> float:
    return scores_of(*total)["f1"]


@dataclasses.dataclass(frozen=True, slots=True)
class Choice:
    body: BodyKey
    reasons: frozenset[str]
    fields: tuple[tuple[str, str], ...]

    def settings(self) -> ExtractSettings:
        opts = dict(self.fields)
        return body_settings(
            self.body, authors=opts.get("authors", "markup"), date=opts.get("date", "markup")
        )


def _per_set(train: list[Outcome], counts: Callable[[Outcome], tuple[float, ...]]) -> dict:
    totals: dict[str, list[float]] = defaultdict(lambda: [0.0] * 4)
    for o in train:
        _add(totals[o.page.dataset], counts(o))
        _add(totals["all"], counts(o))
    return {name: _f1(total) for name, total in totals.items()}


def _no_worse(mine: dict[str, float], theirs: dict[str, float]) -> bool:
    """Better pooled and no worse on any one set: how our evidence earns an override."""
    return mine["all"] > theirs["all"] + 1e-12 and all(
        mine[name] >= theirs[name] - 1e-12 for name in theirs
    )


def choose(train: list[Outcome]) -> Choice:
    """Every setting chosen on ``train`` only; trafilatura's answer is the default and ours
    replaces it only where that is better over the training pages and no worse on any of
    their sets."""
    fields = []
    for name in FIELDS:
        mine = "ours" if name == "title" else "markup"
        hits: dict[str, dict[str, float]] = {mine: defaultdict(float), "trafilatura": {}}
        hits["trafilatura"] = defaultdict(float)
        for o in train:
            for option, hit in o.fields.get(name, {}).items():
                hits[option][o.page.dataset] += hit
                hits[option]["all"] += hit
        keys = set(hits[mine]) | set(hits["trafilatura"])
        ours_ok = _no_worse(
            {k: hits[mine][k] for k in keys}, {k: hits["trafilatura"][k] for k in keys}
        )
        fields.append((name, mine if ours_ok else "trafilatura"))
    title = dict(fields)["title"]
    # the base: trafilatura's default body, the line that repeats the chosen title dropped
    base_key: BodyKey = ("default", True, title)
    start = _per_set(train, lambda o: o.body[base_key][0])
    best_key, best = base_key, start
    for key in BODY_GRID:
        if key[2] != title:  # the title decides which body line repeats it
            continue
        scores = _per_set(train, lambda o, key=key: o.body[key][0])  # type: ignore[misc]
        if scores["all"] > best["all"] and _no_worse(scores, start):
            best_key, best = key, scores
    base = _per_set(train, lambda o: o.body[best_key][1])
    reasons = set()
    for reason in sorted(REASONS):

        def alone(o: Outcome, reason: str = reason) -> tuple[float, ...]:
            return o.body[best_key][2].get(reason, o.body[best_key][1])

        if _no_worse(_per_set(train, alone), base):
            reasons.add(reason)
    return Choice(best_key, frozenset(reasons), tuple(fields))


def score_with(o: Outcome, choice: Choice) -> tuple[tuple[float, ...], dict[str, bool]]:
    """The page's body counts and field hits under ``choice`` (body recomputed exactly)."""
    every, nothing, alone = o.body[choice.body]
    fired = set(alone)
    used = choice.reasons & fired
    if not used:
        counts = nothing
    elif len(used) == 1:
        counts = alone[next(iter(used))]
    elif used == fired:
        counts = every
    else:
        _CURRENT[0] = o.page.id
        settings = body_settings(choice.body)
        counts = page_counts(o.page.body, _text(_article(o.page, settings), choice.reasons))
    hits = {}
    for name, option in choice.fields:
        if option in o.fields.get(name, {}):
            hits[FIELD_KEYS[name]] = o.fields[name][option]
    return counts, hits


def table(rows: Iterator[tuple[str, str, list[Outcome], Callable[[Outcome], Any]]]) -> None:
    print(
        f"{'set':<15}{'pages':>6}  {'system':<34}{'P':>7}{'R':>7}{'F1':>7}"
        f"{'title':>7}{'author':>7}{'date':>7}"
    )
    for dataset, label, pages, get in rows:
        total = [0.0] * 4
        hits: dict[str, list[bool]] = defaultdict(list)
        for o in pages:
            counts, field = get(o)
            _add(total, counts)
            for key, ok in field.items():
                hits[key].append(ok)
        s = scores_of(*total)
        rates = [
            f"{sum(hits[k]) / len(hits[k]):>7.3f}" if hits.get(k) else f"{'-':>7}"
            for k in ("title_exact", "author_exact", "date_exact")
        ]
        print(
            f"{dataset:<15}{len(pages):>6}  {label:<34}{s['precision']:>7.3f}{s['recall']:>7.3f}"
            f"{s['f1']:>7.3f}" + "".join(rates)
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(DATA / name) for name in DEFAULT])
    parser.add_argument("--cache", help="pickle of the per-page outcomes (reused if present)")
    parser.add_argument(
        "--refresh-fields", action="store_true", help="recompute title/author/date of a cache"
    )
    args = parser.parse_args()
    if args.cache and Path(args.cache).is_file():
        outcomes: list[Outcome] = pickle.loads(Path(args.cache).read_bytes())
        if not all(k in outcomes[0].body for k in BODY_GRID):  # a cache from before "guarded"
            _install_memo()
            for number, o in enumerate(outcomes):
                add_guarded(o)
                _MEMO.clear()
                if number % 50 == 0:
                    print(f"guarded options: {number} pages", flush=True)
            Path(args.cache).write_bytes(pickle.dumps(outcomes))
        if args.refresh_fields:
            _install_memo()
            for o in outcomes:
                o.fields = field_outcomes(o.page)
                _MEMO.clear()
            Path(args.cache).write_bytes(pickle.dumps(outcomes))
    else:
        _install_memo()
        outcomes = []
        for folder in args.folders:
            for page in load_pages(folder):
                outcomes.append(outcome(page))
                add_guarded(outcomes[-1])
                _MEMO.clear()
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(outcomes))
    _install_memo()
    groups: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        groups[o.page.domain or o.page.id].append(o)
    held: dict[str, tuple[tuple[float, ...], dict[str, bool]]] = {}
    chosen: dict[Choice, int] = defaultdict(int)
    for name, members in groups.items():
        train = [o for g, m in groups.items() if g != name for o in m]
        choice = choose(train)
        chosen[choice] += len(members)
        for o in members:
            held[o.page.id] = score_with(o, choice)
    shipped = choose(outcomes)
    sets = list(dict.fromkeys(o.page.dataset for o in outcomes))

    def rows() -> Iterator[tuple[str, str, list[Outcome], Callable[[Outcome], Any]]]:
        for dataset in sets + ["all"]:
            pages = [o for o in outcomes if dataset in ("all", o.page.dataset)]
            yield dataset, "trafilatura (default)", pages, lambda o: o.trafilatura
            yield dataset, "newsbrief, leave-site-group-out", pages, lambda o: held[o.page.id]
            yield dataset, "newsbrief, chosen on all (dev)", pages, lambda o: score_with(o, shipped)

    print(f"{len(outcomes)} pages, {len(groups)} site groups")
    table(rows())
    print("\nchosen on all groups (ships):", shipped.settings(), sorted(shipped.reasons))
    print("choices across the held-out folds (pages scored with each):")
    for choice, n in sorted(chosen.items(), key=lambda kv: -kv[1]):
        print(f"  {n:>4} pages: {choice.settings()} removals {sorted(choice.reasons)}")


if __name__ == "__main__":
    main()
