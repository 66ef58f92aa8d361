"""Fit the cue lexicon of the general attribution rule on PolNeAR train (never on dev).

``python benchmarks/fit_cues.py TRAIN.jsonl`` prints the ``CUES`` table of
``newsbrief/annotate/cue_lexicon.py``. A fitting script, kept out of the runtime stages: it
scores with ``newsbrief.eval``, which no stage imports. Candidates are the cue heads of the train annotations: a cue's last word,
or its last two words when it ends in a preposition ("called for"), seen at least
``min_count`` times. The general rule runs with every candidate; a candidate is kept when the
attributions it alone adds match a gold attribution (the scorer of ``newsbrief eval quotes``)
at least ``min_precision`` of the time, over at least ``min_tp`` matches.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from newsbrief.annotate import attributed
from newsbrief.annotate import lexicon as lx

_PREPS = frozenset(
    [
        "about",
        "for",
        "to",
        "on",
        "of",
        "against",
        "with",
        "as",
        "in",
        "at",
        "by",
        "over",
        "from",
        "out",
        "into",
        "up",
        "down",
        "off",
        "behind",
    ]
)
# Words that are annotated as (the end of) a cue only because a real cue sits next to them
# ("said this week that", "told the Times that", "has repeatedly argued"): never cues.
_NEVER = lx.words(
    """
    week weeks times year years day days month months today yesterday tonight morning
    repeatedly reportedly recently also whether statement interview monday tuesday wednesday
    thursday friday saturday sunday january february march april june july august september
    october november december
    """
)
_FUNCTION = lx.words(
    """
    the a an and or but if of in on at to for from by with as is are was were be been this
    that these those he she it they we i you his her its their not no
    """
)
_W = re.compile(r"[\w’'\-]+")


def candidates(recs: list[dict[str, Any]], min_count: int = 3) -> Counter[str]:
    """Cue heads of the gold attributions with their counts."""
    out: Counter[str] = Counter()
    for rec in recs:
        for att in rec["attributions"]:
            ws = [w.lower() for c in att["cue"] for w in _W.findall(c["text"])]
            if not ws or not ws[-1][:1].isalpha():
                continue
            key = " ".join(ws[-2:]) if ws[-1] in _PREPS and len(ws) > 1 else ws[-1]
            if key.split()[0] in _NEVER or key.split()[0] in _FUNCTION:
                continue
            if key.split()[-1] not in _PREPS or " " in key:
                out[key] += 1
    return Counter({k: v for k, v in out.items() if v >= min_count})


def _use(keys: list[str]) -> None:
    attributed.set_cues(keys)


def fit(
    recs: list[dict[str, Any]],
    min_count: int = 3,
    min_tp: int = 3,
    min_precision: float = 0.4,
) -> dict[str, tuple[int, int]]:
    """Kept cue -> (matches, predictions) on ``recs``."""
    from newsbrief.annotate import annotate
    from newsbrief.eval.quotes import _match, _merge_split, _tokens
    from newsbrief.records import Article

    keys = sorted(candidates(recs, min_count))
    tp: Counter[str] = Counter()
    n: Counter[str] = Counter()
    saved = attributed.CUES_IN_USE
    try:
        for rec in recs:
            text = rec["text"]
            _use([])
            art = Article(id="fit", source="fit", text=text)
            base = {(q.start, q.end) for q in annotate(art).quotes}
            _use(keys)
            quotes = annotate(Article(id="fit", source="fit", text=text)).quotes
            joined = _merge_split(text, quotes)
            pred = [frozenset().union(*(_tokens(text, a, b) for a, b in p)) for _, p in joined]
            gold = [
                frozenset().union(*(_tokens(text, s["start"], s["end"]) for s in att["content"]))
                for att in rec["attributions"]
                if att.get("content")
            ]
            hits = {i for i, _ in _match(pred, gold)}
            for i, (q, _) in enumerate(joined):
                if (q.start, q.end) in base or q.cue is None:
                    continue
                key = q.cue.lower()
                n[key] += 1
                tp[key] += i in hits
    finally:
        _use(sorted(saved))
    return {k: (tp[k], n[k]) for k in n if tp[k] >= min_tp and tp[k] >= min_precision * n[k]}


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    recs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    kept = fit(recs)
    words = sorted(kept)
    print("CUES: frozenset[str] = frozenset(")  # noqa: T201 - a command-line tool
    print("    " + repr(words))  # noqa: T201
    print(")")  # noqa: T201
    for k in sorted(kept, key=lambda k: -kept[k][1]):
        print(f"# {k}: {kept[k][0]}/{kept[k][1]}", file=sys.stderr)  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
