"""Side-by-side word diff of a rewrite against its original, for the diff page.

Pure functions over Articles: rows of (original sentence, rewrite sentence), each split into
segments flagged as changed or not. Sentences are paired with the dedup stage's aligned pairs
when there are some, else by a best-match search of our own, so a diff can be shown for any
two articles, not only for a stored derivation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from newsbrief.records import AlignedPair, Article

# A token keeps its trailing whitespace so the segments join back into the exact sentence.
_TOKEN = re.compile(r"\S+\s*")
_MIN_PAIR_RATIO = 0.5


@dataclass(slots=True)
class Segment:
    text: str
    changed: bool


@dataclass(slots=True)
class DiffRow:
    parent: list[Segment] = field(default_factory=list)  # empty: the rewrite added a sentence
    child: list[Segment] = field(default_factory=list)  # empty: the rewrite dropped it
    parent_sentence: int | None = None
    child_sentence: int | None = None


def _key(token: str) -> str:
    return token.strip().strip(".,;:!?\"'()“”‘’").lower()


def word_diff(parent: str, child: str) -> tuple[list[Segment], list[Segment]]:
    """Segments of each side, consecutive tokens merged; punctuation and case are ignored."""
    a, b = _TOKEN.findall(parent), _TOKEN.findall(child)
    matcher = difflib.SequenceMatcher(None, [_key(t) for t in a], [_key(t) for t in b], False)
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        changed = tag != "equal"
        _push(left, "".join(a[i1:i2]), changed)
        _push(right, "".join(b[j1:j2]), changed)
    return left, right


def _push(segments: list[Segment], text: str, changed: bool) -> None:
    if not text:
        return
    if segments and segments[-1].changed == changed:
        segments[-1].text += text
    else:
        segments.append(Segment(text, changed))


def _sentences(article: Article) -> list[str]:
    if article.sentences:
        return [s.text for s in article.sentences]
    return [p.strip() for p in article.text.split("\n") if p.strip()]


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower().split(), b.lower().split(), False).ratio()


def align(parent: list[str], child: list[str]) -> dict[int, int]:
    """child sentence -> parent sentence, greedy best match above a floor, each parent once."""
    scored = sorted(
        ((_ratio(p, c), ci, pi) for ci, c in enumerate(child) for pi, p in enumerate(parent)),
        reverse=True,
    )
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for ratio, ci, pi in scored:
        if ratio < _MIN_PAIR_RATIO:
            break
        if ci not in pairs and pi not in used:
            pairs[ci] = pi
            used.add(pi)
    return pairs


def pair_sentences(
    left: list[str], right: list[str], pairs: list[AlignedPair] | None = None
) -> dict[int, int]:
    """child sentence -> parent sentence: the dedup stage's aligned pairs first, then, among
    the sentences they leave unpaired, the best matches of our own. The dedup stage keeps
    only the pairs it needs as evidence, so a sentence it did not pair may still be the same
    sentence reworded; pairing it before marking words shows one changed sentence instead
    of one dropped and one added."""
    mapping: dict[int, int] = {}
    for p in pairs or []:
        inside = 0 <= p.child_sentence < len(right) and 0 <= p.parent_sentence < len(left)
        if inside and p.child_sentence not in mapping and p.parent_sentence not in mapping.values():
            mapping[p.child_sentence] = p.parent_sentence
    taken = set(mapping.values())
    free_left = [i for i in range(len(left)) if i not in taken]
    free_right = [i for i in range(len(right)) if i not in mapping]
    extra = align([left[i] for i in free_left], [right[i] for i in free_right])
    for ci, pi in extra.items():
        mapping[free_right[ci]] = free_left[pi]
    return mapping


def diff_rows(
    parent: Article, child: Article, pairs: list[AlignedPair] | None = None
) -> list[DiffRow]:
    """Rows in the rewrite's order; an original sentence the rewrite dropped is shown after
    the row of the nearest earlier original sentence it kept."""
    left, right = _sentences(parent), _sentences(child)
    mapping = pair_sentences(left, right, pairs)
    kept = set(mapping.values())
    dropped_after: dict[int, list[int]] = {}  # last kept parent index (-1: before all) -> dropped
    last = -1
    for pi in range(len(left)):
        if pi in kept:
            last = pi
        else:
            dropped_after.setdefault(last, []).append(pi)

    rows: list[DiffRow] = [_dropped(left, pi) for pi in dropped_after.pop(-1, [])]
    for ci, text in enumerate(right):
        match = mapping.get(ci)
        if match is None:
            rows.append(DiffRow(child=[Segment(text, True)], child_sentence=ci))
            continue
        a, b = word_diff(left[match], text)
        rows.append(DiffRow(parent=a, child=b, parent_sentence=match, child_sentence=ci))
        rows.extend(_dropped(left, d) for d in dropped_after.pop(match, []))
    for rest in dropped_after.values():  # kept parents aligned out of order
        rows.extend(_dropped(left, d) for d in rest)
    return rows


def _dropped(left: list[str], pi: int) -> DiffRow:
    return DiffRow(parent=[Segment(left[pi], True)], parent_sentence=pi)
