"""A source that shares little with the rest of its story weighs less in the summary."""

from __future__ import annotations

from newsbrief.records import Article, Sentence
from newsbrief.summarize import Params, summarize
from newsbrief.summarize.select import Candidate, source_weights


def make(aid: str, sentences: list[str]) -> Article:
    text = ""
    sents: list[Sentence] = []
    for i, s in enumerate(sentences):
        start = len(text)
        text += s + " "
        sents.append(Sentence(i, s, start, start + len(s)))
    return Article(id=aid, source=aid, text=text.strip(), sentences=sents)


# Three reports of a bridge reopening, and one older piece about the repairs being planned:
# it names the same bridge and town, but the rest of its vocabulary is its own.
REOPENED_A = [
    "The Harbor Bridge in Eastport reopened to traffic on Monday after eight months of repairs.",
    "Commuters crossed the Harbor Bridge again as the mayor cut a ribbon at the east ramp.",
    "The repairs replaced rusted cables and the whole deck surface of the bridge.",
    "Traffic on the ferry route fell sharply within hours of the reopening.",
]
REOPENED_B = [
    "Eastport's Harbor Bridge reopened on Monday, and commuters welcomed the end of long detours.",
    "The mayor said the repairs finished two weeks ahead of schedule and under budget.",
    "New cables and a new deck surface should keep the bridge safe for decades, engineers said.",
    "Shop owners near the east ramp reported more customers on the first day of the reopening.",
]
REOPENED_C = [
    "Traffic returned to the Harbor Bridge in Eastport on Monday as the repaired bridge reopened.",
    "The mayor thanked commuters for their patience during eight months of detours and ferries.",
    "Engineers replaced the corroded cables and laid a new deck surface during the repairs.",
    "The reopening ceremony at the east ramp drew several hundred residents and commuters.",
]
PLANNED = [
    "Commuters in Eastport face months of detours as the Harbor Bridge awaits repairs.",
    "Opposition members want a cheaper patch instead of a full overhaul of the span.",
    "A consultancy estimated that a complete overhaul would need a loan from the province.",
    "Councillors postponed their vote until the provincial grant decision arrives in autumn.",
]


def cand(group: int, concepts: set[str]) -> Candidate:
    return Candidate(
        article=group,
        sentence=Sentence(0, "x", 0, 1),
        words=10,
        concepts=concepts,
        rank=0,
        row=group,
        group=group,
    )


def test_weights_shrink_only_the_outlying_source() -> None:
    shared = {"bridg", "reopen", "repair", "mayor"}
    cands = [
        cand(0, shared | {"ramp"}),
        cand(1, shared | {"cabl"}),
        cand(2, shared | {"deck"}),
        cand(3, {"bridg", "council", "loan", "vote"}),
    ]
    weights = source_weights(cands, 1.0)
    assert weights[0] == weights[1] == weights[2] == 1.0
    assert 0.0 < weights[3] < 0.8
    assert source_weights(cands, 0.0) == {}
    # with two sources both are equally central: nothing to weigh
    assert source_weights(cands[:2], 1.0) == {}


def test_outlying_source_leaves_the_summary() -> None:
    arts = [
        make("a", REOPENED_A),
        make("b", REOPENED_B),
        make("c", REOPENED_C),
        make("d", PLANNED),
    ]
    without = summarize(arts, words=80, params=Params(source_centrality=0.0))
    assert "d" in {s.citations[0].article for s in without}
    out = summarize(arts, words=80)
    assert "d" not in {s.citations[0].article for s in out}
    assert len(out) == len(without)  # another report's sentence takes the place
    # what stays is still cited to its own sentence first
    by_id = {a.id: a for a in arts}
    for s in out:
        first = s.citations[0]
        assert by_id[first.article].sentences[first.sentence].text == s.text
