"""DedupIndex keeps compact entries and forgets articles outside its retention."""

from __future__ import annotations

import math
import random
from collections import Counter

from newsbrief.annotate import split_sentences
from newsbrief.dedup import DedupIndex, find_derivations
from newsbrief.dedup.index import MIN_STEMS, PAIR_THRESHOLD, _align
from newsbrief.records import Article
from newsbrief.text import content_stems

# invented reports, long enough for shingles and salient stems
KILN = (
    "The pottery guild of Brenmoor fired its great kiln for the first time in forty years on "
    "Saturday. Guild members loaded three hundred glazed bowls into the chamber before dawn. "
    "The firing lasted eleven hours and used two tonnes of seasoned beech wood, the guild said. "
    "Visitors watched the flames through a narrow spy hole in the kiln's brick door. "
    "The restored kiln will be opened to school groups from the spring, organisers added."
)
GLIDER = (
    "A solar glider built by students at Quillan college stayed aloft for nine hours above "
    "the Harl plateau on Tuesday. The team launched the craft from a grass strip at sunrise. "
    "Its wings carry thin panels that charge a small battery for the motor at dusk. "
    "The students plan to attempt a full day and night flight before the summer holidays. "
    "Their tutor said the glider weighs less than a bicycle despite its long wings."
)
ORCHARD = (
    "Frost damaged most of the pear blossom in the Vellow orchards overnight on Thursday. "
    "Growers lit paraffin burners between the rows but temperatures fell below minus four. "
    "The regional growers' association expects the pear harvest to be less than half of "
    "last year's. Apple trees, which flower later, escaped the frost almost untouched. "
    "Several farms will ask the provincial fund for emergency help, the association said."
)


def art(aid: str, text: str, published: str | None = None) -> Article:
    a = Article(id=aid, source=aid, title=aid, text=text, published=published)
    a.sentences = split_sentences(text)
    return a


def kinds(derivations):  # type: ignore[no-untyped-def]
    return [(d.child, d.parent, d.kind) for d in derivations]


def test_entries_keep_no_article() -> None:
    index = DedupIndex()
    index.add(art("k", KILN, "2021-03-01"))
    (entry,) = index._entries.values()
    assert not any(isinstance(getattr(entry, f), Article) for f in entry.__slots__)
    assert entry.id == "k" and entry.text_length == len(KILN)


def test_a_copy_inside_the_retention_is_found_and_outside_it_is_not() -> None:
    index = DedupIndex(retain_days=30)
    assert index.add(art("k", KILN, "2021-03-01")) == []
    assert kinds(index.add(art("k2", KILN, "2021-03-20"))) == [("k2", "k", "exact")]
    # an unrelated article six weeks later moves the stream past the original's retention
    assert index.add(art("g", GLIDER, "2021-04-12")) == []
    assert len(index) == 1
    assert index.add(art("k3", KILN, "2021-04-13")) == []


def test_undated_articles_are_never_forgotten_by_time() -> None:
    index = DedupIndex(retain_days=1)
    index.add(art("k", KILN))
    index.add(art("g", GLIDER, "2021-01-01"))
    index.add(art("o", ORCHARD, "2022-01-01"))
    # the glider report is a year behind the stream, the undated kiln report stays
    assert kinds(index.add(art("k2", KILN, "2022-01-02"))) == [("k2", "k", "exact")]
    assert index.add(art("g2", GLIDER, "2022-01-02")) == []


def test_max_entries_keeps_the_most_recent() -> None:
    index = DedupIndex(max_entries=2)
    for aid, text in (("k", KILN), ("g", GLIDER), ("o", ORCHARD)):
        index.add(art(aid, text))
    assert len(index) == 2
    assert index.add(art("k2", KILN)) == []  # the earliest was forgotten
    assert kinds(index.add(art("o2", ORCHARD))) == [("o2", "o", "exact")]


def test_forgetting_clears_every_index() -> None:
    index = DedupIndex(retain_days=1)
    index.add(art("k", KILN, "2021-01-01"))
    index.add(art("g", GLIDER, "2021-01-01"))
    assert index._postings and index._df
    index.add(Article(id="late", source="late", title="late", text="x", published="2021-03-01"))
    kept = set(index._entries)
    assert len(kept) == 1  # only the late stub
    assert {o for posting in index._postings.values() for o in posting} <= kept
    assert len(index._lsh) == len(kept) and all(o in index._lsh for o in kept)
    assert set(index._by_hash.values()) == kept
    assert all(count > 0 for count in index._df.values())


def test_without_retention_results_are_those_of_a_batch() -> None:
    arts = [art("k", KILN, "2021-01-01"), art("g", GLIDER, "2021-06-01")]
    arts.append(art("k2", KILN, "2022-01-01"))
    assert kinds(find_derivations(arts)) == [("k2", "k", "exact")]
    index = DedupIndex(retain_days=3650, max_entries=100)
    assert [kinds(index.add(a)) for a in arts] == [[], [], [("k2", "k", "exact")]]


def _scalar_align(a_sents: list[str], b_sents: list[str]) -> list[tuple[int, int, float]]:
    """The alignment as the scalar loop computed it before the ids."""
    sa_all = [tuple(dict.fromkeys(content_stems(s))) for s in a_sents]
    sb_all = [tuple(dict.fromkeys(content_stems(s))) for s in b_sents]
    scored = []
    for i, sa in enumerate(sa_all):
        if len(sa) < MIN_STEMS:
            continue
        for j, sb in enumerate(sb_all):
            if len(sb) < MIN_STEMS:
                continue
            shared = len(set(sa) & set(sb))
            if shared < 3:
                continue
            la, lb = len(sa), len(sb)
            score = 0.5 * (shared / math.sqrt(la * lb) + shared / min(la, lb))
            if score >= PAIR_THRESHOLD:
                scored.append((score, i, j))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for score, i, j in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((i, j, score))
    return out


def test_align_matches_the_scalar_formula() -> None:
    sentences = [s.text for t in (KILN, GLIDER, ORCHARD) for s in art("x", t).sentences]
    rng = random.Random(3)
    index = DedupIndex()
    for n in range(40):
        # rewrites: sentences shuffled, some words dropped, across the three reports
        a = rng.sample(sentences, 6)
        b = [" ".join(w for w in s.split() if rng.random() > 0.2) for s in rng.sample(a, 4)]
        b += rng.sample(sentences, 3)
        ea = index._entry(art(f"a{n}", " ".join(a)))
        eb = index._entry(art(f"b{n}", " ".join(b)))
        got = _align(ea, eb)
        want = _scalar_align(ea.sentences, eb.sentences)
        assert got == want
        assert all(type(score) is float for _, _, score in got)


def test_search_false_indexes_as_a_searched_add() -> None:
    def run(search_first: bool) -> tuple[list, Counter[str]]:
        index = DedupIndex()
        index.add(art("k", KILN, "2021-03-01"), search=search_first)
        index.add(art("k-copy", KILN, "2021-03-01"), search=search_first)
        index.add(art("g", GLIDER, "2021-03-02"), search=search_first)
        found = index.add(art("k2", KILN.replace("Saturday", "Sunday"), "2021-03-03"))
        found += index.add(art("g2", GLIDER, "2021-03-04"))
        return kinds(found), Counter(index._df)

    assert run(True) == run(False)
    assert run(False)[0] == [("k2", "k", "near"), ("g2", "g", "exact")]
