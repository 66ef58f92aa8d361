from __future__ import annotations

import random

from newsbrief.analyze import analyze_story
from newsbrief.analyze.sources import count_independent, family, independent_sources
from newsbrief.records import Article, Derivation, Sentence, Story


def _art(aid: str, wire: str | None = None) -> Article:
    art = Article(id=aid, source=aid, text=f"text of {aid}")
    if wire:
        art.meta["wire"] = wire
    return art


def test_copy_and_rewrite_collapse_into_their_original() -> None:
    arts = [_art("orig"), _art("copy"), _art("rewrite_of_copy"), _art("other")]
    derivs = [
        Derivation("copy", "orig", "exact", 1.0),
        Derivation("rewrite_of_copy", "copy", "rewrite", 0.6),
    ]
    roots = independent_sources(arts, derivs)
    assert roots == {
        "orig": "orig",
        "copy": "orig",
        "rewrite_of_copy": "orig",
        "other": "other",
    }
    assert count_independent(["orig", "copy", "rewrite_of_copy", "other"], roots) == 2


def test_shared_wire_credit_is_one_source_whatever_the_spelling() -> None:
    arts = [_art("a", "AP"), _art("b", "A.P."), _art("c", "Associated Press"), _art("d", "Reuters")]
    roots = independent_sources(arts, [])
    assert roots["a"] == roots["b"] == roots["c"] == "a"
    assert roots["d"] == "d"


def test_derivations_outside_the_story_and_cycles_are_harmless() -> None:
    arts = [_art("x"), _art("y")]
    derivs = [
        Derivation("x", "elsewhere", "near", 0.9),
        Derivation("x", "y", "near", 0.9),
        Derivation("y", "x", "near", 0.8),
    ]
    roots = independent_sources(arts, derivs)
    assert roots["x"] == roots["y"] == "y"


def test_the_same_page_scraped_twice_is_one_source_without_a_derivation() -> None:
    def page(aid: str, sentences: list[str]) -> Article:
        art = Article(id=aid, source=aid, text=" ".join(sentences))
        art.sentences = [Sentence(i, s, 0, len(s)) for i, s in enumerate(sentences)]
        return art

    body = ["The dam held.", "Water rose all night.", "Crews worked until dawn."]
    other = [body[0], "Ferries stopped.", "Schools closed early."]
    arts = [page("a", body), page("b", [*body, "Share this story."]), page("c", other)]
    roots = independent_sources(arts, [])
    assert roots["a"] == roots["b"] != roots["c"]  # one shared sentence of three is not a copy


# ---- issue 16: independent sources are outlet families


def _outlet_art(
    aid: str, outlet: str | None = None, url: str | None = None, text: str = ""
) -> Article:
    return Article(id=aid, source=aid, text=text or f"text of {aid}", outlet=outlet, url=url)


def test_articles_of_one_outlet_count_once_whatever_the_spelling() -> None:
    arts = [
        _outlet_art("a", "The Guardian"),
        _outlet_art("b", "guardian.co.uk"),
        _outlet_art("c", None, "https://www.theguardian.com/world/x"),
        _outlet_art("d", "BBC News"),
    ]
    roots = independent_sources(arts, [])
    assert roots["a"] == roots["b"] == roots["c"] == "a"
    assert count_independent(["a", "b", "c", "d"], roots) == 2


def test_a_wire_story_carried_by_another_outlet_counts_as_the_wire() -> None:
    arts = [
        _outlet_art("ap", "Associated Press", text="WASHINGTON (AP) — The vote passed."),
        _outlet_art(
            "local", "Springfield Post", text="WASHINGTON (AP) — The vote passed on Monday."
        ),
        _outlet_art("own", "Springfield Post", text="Our reporter saw the vote."),
    ]
    roots = independent_sources(arts, [])
    assert family(arts[1]) == "wire:ap" and roots["local"] == roots["ap"]
    assert roots["own"] != roots["ap"]


def _random_story(rng: random.Random) -> list[Article]:
    statements = [
        "The council approved the new budget of 4 million dollars on Monday.",
        "The council approved a new budget worth 4 million dollars on Monday.",
        "Eleven people were injured when the bridge collapsed on Tuesday.",
        "The bridge collapse injured eleven people on Tuesday morning.",
        "The mayor said the inquiry would report within three months.",
        "An inquiry will report within three months, the mayor said.",
    ]
    outlets = ["The Post", "post.com", "Daily Star", "The Daily Star", "Ledger", None]
    arts = []
    for n in range(rng.randint(2, 7)):
        chosen = rng.sample(statements, rng.randint(1, 4))
        text = " ".join(chosen)
        if rng.random() < 0.3:
            text = "LONDON (Reuters) - " + text
        art = _outlet_art(f"a{n}", rng.choice(outlets), text=text)
        start = 0
        for i, s in enumerate(chosen):
            art.sentences.append(Sentence(i, s, start, start + len(s)))
            start += len(s) + 1
        arts.append(art)
    return arts


def test_independent_sources_never_exceed_distinct_outlet_families() -> None:
    rng = random.Random(16)
    checked = 0
    for _ in range(40):
        arts = _random_story(rng)
        derivs = []
        if len(arts) > 2 and rng.random() < 0.5:
            derivs.append(Derivation(arts[1].id, arts[0].id, "rewrite", 0.6))
        analysis = analyze_story(Story("s", [a.id for a in arts]), arts, derivs)
        by_id = {a.id: a for a in arts}
        for claim in analysis.claims:
            families = {family(by_id[a]) or a for a in claim.articles}
            assert 1 <= claim.independent_sources <= len(families)
            checked += 1
    assert checked > 20  # the stories did produce multi-article claims to check
