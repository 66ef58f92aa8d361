"""The rewrite diff pairs sentences before marking words: a sentence the dedup stage did not
keep as evidence (it is the same on both sides) is still shown beside its original, not as
one sentence dropped and another added."""

from __future__ import annotations

from newsbrief.records import AlignedPair, Article, Sentence
from newsbrief.web.diff import diff_rows, pair_sentences

ORIGINAL = [
    "The minister arrived in Lahore on Monday for two days of talks.",
    "We share the same enemy.",
    "The talks will cover trade and security.",
]
REWRITE = [
    "We share the same enemy.",
    "The minister reached Lahore on Monday for three days of talks.",
    "Trade is on the agenda.",
]
# what the dedup stage stores: only the pair that differs is evidence
STORED = [AlignedPair(1, 0, 0.8, ["reached", "three"], ["arrived", "two"])]


def article(aid: str, sentences: list[str]) -> Article:
    spans, pos = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(index=i, text=s, start=pos, end=pos + len(s)))
        pos += len(s) + 1
    return Article(id=aid, source=f"{aid}.txt", text=" ".join(sentences), sentences=spans)


def test_stored_pairs_come_first_and_unpaired_sentences_are_matched_after() -> None:
    assert pair_sentences(ORIGINAL, REWRITE, STORED) == {1: 0, 0: 1}


def test_a_sentence_the_stored_pairs_leave_out_is_shown_beside_its_original() -> None:
    rows = diff_rows(article("p", ORIGINAL), article("c", REWRITE), STORED)
    same = [r for r in rows if "".join(s.text for s in r.child) == REWRITE[0]]
    assert len(same) == 1
    assert "".join(s.text for s in same[0].parent) == ORIGINAL[1]
    assert not any(s.changed for s in same[0].parent + same[0].child)
    # the reworded sentence still shows its changed words
    reworded = next(r for r in rows if r.child_sentence == 1)
    assert [s.text.strip() for s in reworded.child if s.changed] == ["reached", "three"]
    # an unrelated sentence stays unpaired on each side
    assert any(r.child_sentence == 2 and not r.parent for r in rows)
    assert any(r.parent_sentence == 2 and not r.child for r in rows)
