"""Judged quote sample of the dev pile: rescore a run against committed verdicts.

nice python benchmarks/judge_quotes.py PILE_DIR [--verdicts benchmarks/judged/quotes.tsv ...]
                                       [--sample 60] [--offset 0] [--show] [--show-wrong]
                                       [--cost]

PILE_DIR is what ``benchmarks/dev_pile.py`` wrote (``briefs/*.json``, ``newsbrief.db``). Every
quote of every brief gets an id from its pile row id (the Multi-News doc id) and its text (a hash: the verdict file holds
no article text); the sample is the ``--sample`` quotes whose ids hash lowest, so it depends
only on the quotes themselves and stays put between runs unless the quotes change.
``--offset K`` skips the K lowest first: a second sample disjoint from the first, for a
held-out check after rules were changed by reading the first.

The verdict file is TSV: ``quote_id  speaker_hash  speaker_label  span_label`` with labels
``ok`` or ``wrong`` (the speaker hash ties a speaker verdict to the speaker that was judged; a
quote may have a line for each speaker it was given, so older runs still rescore).
A sampled quote with no verdict, or whose speaker changed since it was judged, is flagged
UNJUDGED and left out of the score; ``--show`` prints those with their context from the
store for a reader to judge (to the terminal only).

``--cost`` annotates every pile article twice in one process, with and without the parse, and
prints the words parsed per article and the time ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VERDICTS = ROOT / "benchmarks" / "judged" / "quotes.tsv"


def _h(text: str, n: int = 12) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:n]


def quote_id(article: str, text: str) -> str:
    return _h(article + "\0" + text)


def pile_ids(pile: Path) -> dict[str, str]:
    """Store article id -> the pile row id (``meta["id"]``, the Multi-News doc id). Quote ids
    are keyed by the row id: the store id hashes the cleaned text, so it moves whenever
    cleaning changes, and every verdict would go stale with it."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsbrief.store import Store

    with Store(pile / "newsbrief.db") as store:
        return {a.id: str((a.meta or {}).get("id") or a.id) for a in store.articles()}


def pile_quotes(pile: Path) -> dict[str, dict]:
    """Every brief quote of the pile by id (one entry per article and text)."""
    rows = pile_ids(pile)
    out: dict[str, dict] = {}
    for path in sorted((pile / "briefs").glob("*.json")):
        brief = json.loads(path.read_text(encoding="utf-8"))
        for q in brief.get("quotes", []):
            out.setdefault(quote_id(rows.get(q["article"], q["article"]), q["text"]), q)
    return out


def sample_ids(ids: list[str], n: int, offset: int = 0) -> list[str]:
    return sorted(ids, key=lambda i: _h("sample:" + i, 40))[offset : offset + n]


def load_verdicts(path: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """quote id -> speaker hash -> (speaker label, span label). A quote keeps a verdict for
    every speaker it was judged with, so a run before a rule change and one after it both
    rescore from the same file."""
    verdicts: dict[str, dict[str, tuple[str, str]]] = {}
    if not path.exists():
        return verdicts
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        qid, speaker_hash, speaker, span = line.split("\t")[:4]
        verdicts.setdefault(qid, {})[speaker_hash] = (speaker, span)
    return verdicts


def rescore(
    pile: Path, verdicts: dict[str, dict[str, tuple[str, str]]], n: int, offset: int = 0
) -> dict:
    quotes = pile_quotes(pile)
    sample = sample_ids(list(quotes), n, offset)
    judged, unjudged, wrong = [], [], []
    for qid in sample:
        v = verdicts.get(qid, {}).get(_h(quotes[qid]["speaker"], 8))
        if v is None:
            unjudged.append(qid)
        else:
            judged.append(v)
            if "wrong" in v:
                wrong.append(qid)
    k = len(judged)
    sp = sum(v[0] == "ok" for v in judged)
    span = sum(v[1] == "ok" for v in judged)
    both = sum(v[0] == "ok" and v[1] == "ok" for v in judged)
    return {
        "quotes": len(quotes),
        "sample": len(sample),
        "judged": k,
        "speaker_ok": round(sp / k, 3) if k else None,
        "span_ok": round(span / k, 3) if k else None,
        "both_ok": round(both / k, 3) if k else None,
        "unjudged": unjudged,
        "wrong": wrong,
    }


def show(
    pile: Path, ids: list[str], verdicts: dict[str, dict[str, tuple[str, str]]] | None = None
) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from newsbrief.store import Store

    quotes = pile_quotes(pile)
    wanted = {quotes[i]["article"] for i in ids}
    with Store(pile / "newsbrief.db") as store:
        arts = {a.id: a for a in store.articles(sorted(wanted))}
    for qid in ids:
        q = quotes[qid]
        art = arts.get(q["article"])
        ctx = ""
        if art is not None:
            at = art.text.find(q["text"])
            ctx = art.text[max(0, at - 300) : at + len(q["text"]) + 120] if at >= 0 else ""
        v = (verdicts or {}).get(qid, {}).get(_h(q["speaker"], 8))
        label = f" speaker {v[0]}, span {v[1]}" if v else ""
        print(
            f"== {qid}\t{_h(q['speaker'], 8)}\t{q['speaker']!r} [{q['kind']}, {q.get('cue')}]{label}"
        )
        print(f"   QUOTE: {q['text']!r}")
        print(f"   CONTEXT: {ctx!r}\n")


def cost(pile: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from newsbrief import parse
    from newsbrief.annotate import annotate, speakers
    from newsbrief.records import Article

    rows = [json.loads(x) for x in (pile / "pile.jsonl").read_text().splitlines() if x.strip()]
    parse.nlp()  # the model load is a once-per-process cost, not a per-article one

    def run(on: bool) -> float:
        speakers.PARSED["on"] = on
        t = time.process_time()
        for r in rows:
            annotate(Article(id=str(r["id"]), source="pile", text=r["text"]))
        return time.process_time() - t

    off = run(False)
    parse.clear_cache()
    before = parse.parsed_words()
    on = run(True)
    words = sum(len(r["text"].split()) for r in rows)
    print(
        json.dumps(
            {
                "articles": len(rows),
                "words_per_article": round(words / len(rows), 1),
                "parsed_tokens_per_article": round((parse.parsed_words() - before) / len(rows), 1),
                "annotate_cpu_s_without_parse": round(off, 2),
                "annotate_cpu_s_with_parse": round(on, 2),
                "ratio": round(on / off, 2) if off else None,
            }
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("pile", type=Path)
    ap.add_argument(
        "--verdicts",
        type=Path,
        nargs="+",
        default=[VERDICTS],
        help="one or more verdict files; a quote and speaker judged in several keeps the first"
        " file's verdict (a sample's window shifts when quotes change, so quotes judged for"
        " another sample's file slide into it: pass every quotes_big*.tsv to score them all)",
    )
    ap.add_argument("--sample", type=int, default=60)
    ap.add_argument("--offset", type=int, default=0, help="skip this many sampled quotes first")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--cost", action="store_true")
    ap.add_argument(
        "--show-wrong", action="store_true", help="print the judged quotes with a wrong label"
    )
    args = ap.parse_args()
    if args.cost:
        cost(args.pile)
        return 0
    verdicts: dict[str, dict[str, tuple[str, str]]] = {}
    for path in args.verdicts:
        for qid, by_speaker in load_verdicts(path).items():
            for speaker, verdict in by_speaker.items():
                verdicts.setdefault(qid, {}).setdefault(speaker, verdict)
    result = rescore(args.pile, verdicts, args.sample, args.offset)
    print(json.dumps({k: v for k, v in result.items() if k not in ("unjudged", "wrong")}))
    for qid in result["unjudged"]:
        print("UNJUDGED", qid)
    if args.show and result["unjudged"]:
        show(args.pile, result["unjudged"])
    if args.show_wrong and result["wrong"]:
        show(args.pile, result["wrong"], verdicts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
