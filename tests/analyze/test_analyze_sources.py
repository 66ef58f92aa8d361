from __future__ import annotations

from newsbrief.analyze.sources import count_independent, independent_sources
from newsbrief.records import Article, Derivation, Sentence


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
