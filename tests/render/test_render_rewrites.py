"""The "Copies and rewrites" section: kind, similarity and the changed words in context."""

from __future__ import annotations

import re

from render_sample_brief import make_brief, md_section

from newsbrief.records import ArticleRef, Brief
from newsbrief.render import render_markdown


def test_copies_show_kind_similarity_and_changed_words() -> None:
    brief = make_brief()
    copies = md_section(render_markdown(brief), "Copies and rewrites")
    assert (
        "[2] Daily Roundup Wire is a rewrite of [1] Calderwick Courier (similarity 0.81)" in copies
    )
    assert "“1986” where the original has “1968”" in copies


def _rewrite_brief(child_text: str, parent_text: str) -> Brief:
    from newsbrief.records import AlignedPair, Derivation

    pair = AlignedPair(0, 2, 0.7, ["Iran"], ["Iraq"], child_text, parent_text)
    return Brief(
        story="s1",
        headline="Talks",
        articles=[ArticleRef(id="c", source="c.txt"), ArticleRef(id="p", source="p.txt")],
        derivations=[Derivation("c", "p", "rewrite", 0.6, [pair])],
    )


def test_a_swapped_word_is_shown_in_its_sentence_beside_the_original() -> None:
    # reordered clauses: a plain word diff would mark whole clauses; the swap is anchored by
    # the words around it, which both sentences share
    brief = _rewrite_brief(
        "Ali Karim, Ambassador of Iran says the talks in Lahore went well.",
        "The talks went well, Ambassador of Iraq Ali Karim said in Lahore.",
    )
    copies = md_section(render_markdown(brief), "Copies and rewrites")
    assert (
        "  - sentence 1 (original 3): “… Karim, Ambassador of **Iran** says the talks …” "
        "where [2] has “… well, Ambassador of **Iraq** Ali Karim said …”"
    ) in copies


def test_changed_words_without_an_anchor_fall_back_to_the_word_diff() -> None:
    brief = _rewrite_brief(
        "Crews reached the river within minutes.",
        "Crews had reached the river within minutes.",
    )
    copies = md_section(render_markdown(brief), "Copies and rewrites")
    assert "“Crews reached the river …” where [2] has “Crews **had** reached the river …”" in copies


def test_a_brief_without_sentence_texts_still_lists_the_words() -> None:
    brief = _rewrite_brief("", "")
    copies = md_section(render_markdown(brief), "Copies and rewrites")
    assert "“Iran” where the original has “Iraq”" in copies


def test_the_seeds_brief_shows_the_iraq_iran_change_in_context(seeds_dir) -> None:
    from newsbrief.engines.local import run_paths

    briefs = run_paths([seeds_dir]).briefs
    lines = [
        line
        for brief in briefs
        for line in md_section(render_markdown(brief), "Copies and rewrites").splitlines()
        if "**Iran**" in line
    ]
    assert len(lines) == 1, lines
    assert re.search(
        r"“… .*Ambassador of \*\*Iran\*\* .*…” where \[\d\] has “… .*Ambassador of \*\*Iraq\*\* .*…”",
        lines[0],
    ), lines[0]
