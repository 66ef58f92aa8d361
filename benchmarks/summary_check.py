"""Check and rescore the summaries and headlines of a pile of briefs.

    python benchmarks/summary_check.py BRIEFS_DIR [--judged benchmarks/judged/summary.tsv]
                                       [--sample N --seed S]

Counts over every brief (``*.json`` in BRIEFS_DIR, as `newsbrief run --out` writes them):
- summary sentences that open on an unresolved reference: a pronoun, demonstrative or
  connective opening ("He ...", "But they ...", "This ..."), or a quotation given to a
  pronoun ('"...," he said'), or a document never named that speaks ("The magazine claims
  ..."), whose preceding summary sentence is not the sentence before it
  in the same article (a pair taken together reads fine);
- summary sentences that still carry dateline or wire-credit residue ("TRIPOLI, Libya (AP) _",
  "(Reuters) -", "(CNN) --");
- headlines cut off ("…", "...") or page furniture ("Story highlights", "CLOSE", photo
  credits, "Tweet with a location", "... Continue reading the main story", "From Wikipedia").

This detector is written apart from the summarizer's own (``summarize.text``) and is broader
in its openers, so the count is not the filter grading itself.

With ``--judged``: verdicts read by a person, one line per summary sentence, ``id<TAB>label``
with id = ``ARTICLE_ID#SENTENCE`` (the sentence's first citation) and label one of
``ok reference repeat filler stale residue offtopic``. The run's summary sentences are
rescored against them: the share judged ok among those judged, and how many of the run's
sentences are not judged yet. ``--sample N`` prints N unjudged ids (seeded) with their
brief, to read next.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

LABELS = ("ok", "reference", "repeat", "filler", "stale", "residue", "offtopic")

_OPENER = re.compile(
    r"^[\"“‘'(]?\s*(?:he|she|they|it|this|that|these|those|his|her|their|its|him|them|but"
    r"|and|so|yet|however|also|still|instead|then|meanwhile|moreover|such|both|another"
    r"|the latter|the former|the same)\b(?!-)",
    re.IGNORECASE,
)
_NOT_REFERRING = re.compile(
    r"^[\"“‘'(]?\s*it(?:['’]s| is| was| remains| has been| will be)\s+(?:not\s+)?(?:yet\s+)?"
    r"(?:immediately\s+)?(?:clear|unclear|known|unknown|possible|likely|unlikely|expected"
    r"|believed|thought|understood|reported|estimated|important|hard|difficult|easy|too early"
    r"|the first|time)\b",
    re.IGNORECASE,
)
_PRONOUN_SPEAKER = re.compile(r"[,!?…][\"”’']?\s+(?:he|she|they)\s+(?:said|says|added|told)\b")
_PLURAL_SPEAKER = re.compile(r"^The (?:[a-z]+ )?[a-z]+[^s\W]s (?:said|say|says|told|added)\b")
# a document or outlet never named that speaks: "The magazine claims", "The page continued:"
_UNNAMED_SOURCE = re.compile(
    r"^[\"“‘'(]?\s*(?:The (?:magazine|page|paper|newspaper|letter|post|statement|site|website"
    r"|documents?|memo|tweet|email|message) (?:said|says|added|continued|claims|claimed|stated"
    r"|reads|noted|established)\b|Asked about (?:the|this|that|it|his|her|their)\b)"
)
RESIDUE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}\s*)?\((?:AP|Reuters|CNN|AFP|UPI"
    r"|Bloomberg|BBC|dpa|Xinhua)\)|^\s*[A-Z][A-Z.'’-]{2,}(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,4}\s+"
    r"(?:_|--|—|–)\s"
    # any outlet's credit with the wire dash: "(HealthDay News) -- ...", "^CLOSE " (a video label)
    r"|^\s*\([A-Z][\w ]{1,40}\)\s*(?:--|—|–)\s|^CLOSE\s"
    r"|^\s*[A-Z][A-Z.'’]{2,}(?:[ ,]+[A-Z][A-Z.'’]+){0,3}(?:--|—)[A-Z]"
)
_CUT = re.compile(r"(?:…|\.\.\.)[\"'”’)\]]*\s*$")
_FURNITURE = re.compile(
    r"(?i)^\s*(?:story highlights|highlights|close\b|image copyright|image caption|tweet with"
    r"|join us on|like us on|follow us|follow \S+: (?:facebook|twitter)|watch:|video:|photos?:"
    r"|advertisement|from wikipedia\b|updated?:?\s+(?:\d|[a-z]+\.? \d)"
    r"|(?-i:By (?:[A-Z][\w.'’-]* ){1,5}?[A-Z][\w.'’-]*)\s*(?:,|/|$))|continue reading the main story"
    r"|\b(?:reuters|ap|afp|epa)/[a-z]"
    r"|\((?:[A-Z][\w.'’-]*\s*)+/\s*[A-Z][\w .'’-]*\)|\b(?:Getty|AP|AFP|Reuters) Images?\b"
)


_LINK_MENU = re.compile(r"^\s*[^·|]{1,30}(?:\s[·|]\s[^·|]{1,30})+$")
_STAMP = re.compile(
    r"^(?=.*\b\d{1,2}:\d{2}\b)(?=.*\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun))(?:(?:[A-Z][\w.'’-]*|\d[\d,:]*|[AP]M)[,:.]?\s*)+$"
)


def bad_headline(head: str) -> bool:
    """Cut off, page furniture, a menu of links or a wire/update stamp."""
    return (
        not head.strip()
        or bool(_CUT.search(head) or _FURNITURE.search(head))
        or bool(_LINK_MENU.match(head) or _STAMP.match(head.strip()))
    )


def opens_on_reference(text: str) -> bool:
    if _NOT_REFERRING.match(text):
        return False
    return bool(
        _OPENER.match(text)
        or _PRONOUN_SPEAKER.search(text)
        or _PLURAL_SPEAKER.match(text)
        or _UNNAMED_SOURCE.match(text)
    )


def sentence_id(item: dict) -> str:
    first = item["citations"][0]
    return f"{first['article']}#{first['sentence']}"


def check_brief(brief: dict) -> dict[str, list[str]]:
    """The problems of one brief: ids of unresolved-reference and residue sentences, and
    the headline when it is cut or furniture."""
    out: dict[str, list[str]] = {"sentences": [], "reference": [], "residue": [], "headline": []}
    prev: dict | None = None
    for item in brief["summary"]:
        sid = sentence_id(item)
        out["sentences"].append(sid)
        if opens_on_reference(item["text"]):
            first = item["citations"][0]
            pair = prev is not None and (
                prev["citations"][0]["article"] == first["article"]
                and prev["citations"][0]["sentence"] == first["sentence"] - 1
            )
            if not pair:
                out["reference"].append(sid)
        if RESIDUE.search(item["text"]):
            out["residue"].append(sid)
        prev = item
    head = brief.get("headline", "")
    if bad_headline(head):
        out["headline"].append(head)
    return out


def check_dir(briefs: Path) -> dict[str, list[str]]:
    total: dict[str, list[str]] = {"sentences": [], "reference": [], "residue": [], "headline": []}
    for path in sorted(briefs.glob("*.json")):
        for key, ids in check_brief(json.loads(path.read_text(encoding="utf-8"))).items():
            total[key] += ids
    return total


def read_judged(path: Path) -> dict[str, str]:
    verdicts: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sid, label = line.split("\t")[:2]
        if label not in LABELS:
            raise SystemExit(f"{path}: unknown label {label!r} for {sid}")
        verdicts[sid] = label
    return verdicts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("briefs", type=Path)
    ap.add_argument("--judged", type=Path)
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    total = check_dir(args.briefs)
    n = len(total["sentences"])
    ref = len(total["reference"])
    print(f"{n} summary sentences; unresolved reference {ref} ({100 * ref / max(1, n):.1f}%)")
    print(f"dateline residue {len(total['residue'])}; bad headlines {len(total['headline'])}")
    for h in total["headline"]:
        print(f"  headline: {h[:100]}")
    if args.judged:
        verdicts = read_judged(args.judged)
        run = set(total["sentences"])
        judged = [verdicts[s] for s in run if s in verdicts]
        ok = sum(v == "ok" for v in judged)
        print(
            f"judged: {ok}/{len(judged)} ok ({100 * ok / max(1, len(judged)):.1f}%); "
            f"{len(run) - len(judged)} of {len(run)} sentences of this run not judged yet"
        )
        for label in LABELS[1:]:
            k = sum(v == label for v in judged)
            if k:
                print(f"  {label}: {k}")
        todo = sorted(run - set(verdicts))
        for sid in random.Random(args.seed).sample(todo, min(args.sample, len(todo))):
            print(f"  to judge: {sid}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
