from __future__ import annotations

import re

import pytest
from render_sample_brief import HOSTILE_TITLE, make_brief

from newsbrief.records import ArticleRef, Brief, Claim, SentenceRef, StoryQuote, SummarySentence
from newsbrief.render import render_markdown
from newsbrief.render.escape import escape

SECTIONS = [
    "## Summary",
    "## Corroborated claims",
    "## Disputed",
    "## Who said what",
    "## Timeline",
    "## Copies and rewrites",
    "## Removed from the sources",
    "## Sources",
]


def _section(md: str, title: str) -> str:
    body = md.split(f"## {title}\n", 1)[1]
    return body.split("\n## ", 1)[0]


def test_sections_in_order_and_header() -> None:
    brief = make_brief()
    md = render_markdown(brief)
    assert md.startswith("# Footbridge collapses into the Ashwen\n")
    positions = [md.index(f"\n{s}\n") for s in SECTIONS]
    assert positions == sorted(positions)
    header = md.splitlines()[2]
    assert "2024-05-14 – 2024-05-16" in header
    assert "4 articles from 3 outlets" in header


def test_citation_numbers_refer_to_the_sources_list() -> None:
    brief = make_brief()
    md = render_markdown(brief)
    sources = _section(md, "Sources").strip().splitlines()
    assert len(sources) == 4
    for n, ref in enumerate(brief.articles, start=1):
        assert sources[n - 1].startswith(f"{n}. ")
        assert escape(ref.source) in sources[n - 1]
    assert "Calderwick Courier" in sources[0] and "by Jo Marsh" in sources[0]
    assert "(date inferred)" in sources[3] and "Unknown outlet" in sources[3]
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", md.split("## Sources")[0])}
    assert cited == {1, 2, 3, 4}
    summary = _section(md, "Summary").strip().splitlines()
    assert summary[0].endswith("on Tuesday. [1][3]")


def test_claims_corroborated_first_with_counts() -> None:
    brief = make_brief()
    claims = _section(render_markdown(brief), "Corroborated claims")
    first, second = claims.index("Eleven people"), claims.index("built in 1968")
    assert first < second
    assert "2 outlets (3 articles)" in claims
    assert "1 outlet (2 articles)*" in claims


def test_disputed_values_name_their_sources() -> None:
    brief = make_brief()
    disputed = _section(render_markdown(brief), "Disputed")
    assert "**Number**: How many people were injured" in disputed
    assert "“11” in [1][2][3]" in disputed and "“14” in [4]" in disputed
    # Without a description the conflict is explained by its claim.
    assert "**Number**: The bridge was built in 1968." in disputed


def test_quotes_grouped_by_entity_with_roles() -> None:
    brief = make_brief()
    quotes = _section(render_markdown(brief), "Who said what")
    assert quotes.count("### Miriam Tollander — council spokesperson") == 1
    assert "Ms Tollander" not in quotes  # the alias is merged into the entity
    # Same words in two articles: one line citing both.
    assert "“We will not reopen it until it is safe.” [1][2]" in quotes
    assert "the council had acted on every report *(reported)* [3]" in quotes
    assert "### Pieter Vance — station commander" in quotes


def test_timeline_sorted_and_marks_inferred() -> None:
    brief = make_brief()
    lines = _section(render_markdown(brief), "Timeline").strip().splitlines()
    assert lines[0].startswith("- **2023-03** *(inferred)* — Inspectors")
    assert (
        lines[1]
        == "- **2024-05-14** — The footbridge collapses during the morning commute. [1][2][3]"
    )


def test_copies_show_kind_similarity_and_changed_words() -> None:
    brief = make_brief()
    copies = _section(render_markdown(brief), "Copies and rewrites")
    assert (
        "[2] Daily Roundup Wire is a rewrite of [1] Calderwick Courier (similarity 0.81)" in copies
    )
    assert "“1986” where the original has “1968”" in copies


def test_removed_counts_by_reason_not_text() -> None:
    brief = make_brief()
    removed = _section(render_markdown(brief), "Removed from the sources")
    assert "- reader-comments: 2 [4]" in removed
    assert "Great piece" not in removed and "Share this article" not in removed


def test_untrusted_text_cannot_inject_markup() -> None:
    brief = make_brief()
    md = render_markdown(brief)
    assert "<script" not in md
    assert "](javascript:" not in md
    assert not any(line.startswith("# ") for line in md.splitlines()[1:])
    assert HOSTILE_TITLE not in md


def test_injection_is_inert_when_rendered_to_html() -> None:
    brief = make_brief()
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").render(render_markdown(brief))
    assert "<script" not in html
    assert "href=" not in html
    assert "<a " not in html
    assert html.count("<h1>") == 1
    assert "&lt;script&gt;alert(1)" in html  # still readable as text


def test_escape_keeps_ordinary_text_readable() -> None:
    assert escape("The mayor's plan, costing $4.2m (2024), was approved.") == (
        "The mayor's plan, costing $4.2m (2024), was approved."
    )
    assert escape("snake_case stays") == "snake_case stays"
    assert escape("1. Not a list") == "1\\. Not a list"
    assert escape("line one\n\n# two") == "line one # two"
    assert escape(None) == ""


def test_empty_sections_are_left_out() -> None:
    ref = SentenceRef("x", 0, "Only one thing happened.")
    brief = Brief(
        story="s3",
        headline="",
        articles=[ArticleRef("x", "a.txt", "Outlet", "T", None)],
        summary=[SummarySentence(ref.text, [ref])],
        claims=[Claim(ref.text, [ref], ["x"], 1)],
    )
    md = render_markdown(brief)
    assert md.startswith("# Untitled story\n")
    assert "## Summary" in md and "## Sources" in md and "## Corroborated claims" in md
    for absent in ("Disputed", "Who said what", "Timeline", "Copies", "Removed"):
        assert f"## {absent}" not in md
    assert "*1 article from 1 outlet*" in md


def test_cited_article_missing_from_list_is_still_numbered() -> None:
    ref = SentenceRef("ghost", 2, "A sentence.")
    md = render_markdown(
        Brief(story="s4", headline="H", summary=[SummarySentence(ref.text, [ref])])
    )
    assert "A sentence. [1]" in md
    assert "1. Unknown outlet — (untitled) — article ghost" in md
    assert make_brief().headline  # the shared builder stays importable


def test_unattributed_quotes_are_shown_under_unknown_speaker() -> None:
    quotes = [
        StoryQuote("", "Nobody claimed this.", "x", 0),
        StoryQuote(None, "Nor this.", "x", 1),  # type: ignore[arg-type]
    ]
    md = render_markdown(Brief(story="s5", headline="H", quotes=quotes))
    section = _section(md, "Who said what")
    assert section.count("### Unknown speaker") == 1
    assert "“Nobody claimed this.” [1]" in section and "“Nor this.” [1]" in section


def test_a_sentence_with_two_dates_is_one_timeline_line() -> None:
    from newsbrief.records import TimelineEvent

    brief = make_brief()
    text = "The crossing was shut from March 2019 to June 2020 for repairs."
    brief.timeline = [
        TimelineEvent("2020-06", text, ["a1"], [SentenceRef("a1", 7)]),
        TimelineEvent("2019-03", text, ["a1"], [SentenceRef("a1", 7)]),
    ]
    lines = _section(render_markdown(brief), "Timeline").strip().splitlines()
    assert lines == [f"- **2019-03**, **2020-06** — {text} [1]"]


def test_statements_only_a_copy_repeats_are_one_line() -> None:
    brief = make_brief()
    shared = [f"The span had {n} rusted bolts." for n in range(3, 7)]
    brief.claims += [
        Claim(t, [SentenceRef("a1", 10 + k), SentenceRef("b2", 10 + k)], ["a1", "b2"], 1)
        for k, t in enumerate(shared)
    ]
    claims = _section(render_markdown(brief), "Corroborated claims")
    assert "- 4 further statements appear only in [1][2], which count as one" in claims
    assert not any(t in claims for t in shared)
    # a disputed single-source claim is still shown line by line
    assert "The bridge was built in 1968." in claims


def test_a_rewrites_rewording_of_a_quote_is_the_original_quote() -> None:
    brief = make_brief()
    # b2 is a rewrite of a1 whose sentence 3 was aligned to a1's sentence 2
    brief.quotes += [
        StoryQuote("Miriam Tollander", "the span had passed its checks", "a1", 2, "reported"),
        StoryQuote("Miriam Tollander", "the bridge passed every check", "b2", 3, "reported"),
        StoryQuote("Miriam Tollander", "repairs would start soon", "b2", 9, "reported"),
    ]
    quotes = _section(render_markdown(brief), "Who said what")
    assert "the span had passed its checks *(reported)* [1][2]" in quotes
    assert "the bridge passed every check" not in quotes
    assert "repairs would start soon *(reported)* [2]" in quotes  # not aligned: its own line


def test_an_interrupting_cue_is_elided_from_reported_speech() -> None:
    brief = make_brief()
    brief.quotes = [
        StoryQuote(
            "Miriam Tollander",
            "the bridge, the spokeswoman said, had passed its last inspection",
            "a1",
            8,
            "reported",
            "said",
        ),
        StoryQuote("Miriam Tollander", "repairs, she said nothing of", "a1", 9, "reported", "told"),
    ]
    quotes = _section(render_markdown(brief), "Who said what")
    assert "- the bridge … had passed its last inspection *(reported)* [1]" in quotes
    assert "repairs, she said nothing of" in quotes  # not its cue: left as written


def test_the_header_span_uses_stated_dates_only() -> None:
    brief = make_brief()
    brief.start = brief.end = None
    for ref in brief.articles:
        ref.published, ref.published_inferred = "1974-08-05", True
    brief.articles[0].published, brief.articles[0].published_inferred = "2024-05-14", False
    header = render_markdown(brief).splitlines()[2]
    assert "1974" not in header and header.startswith("*2024-05-14 · ")


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
    copies = _section(render_markdown(brief), "Copies and rewrites")
    assert (
        "  - sentence 1 (original 3): “… Karim, Ambassador of **Iran** says the talks …” "
        "where [2] has “… well, Ambassador of **Iraq** Ali Karim said …”"
    ) in copies


def test_changed_words_without_an_anchor_fall_back_to_the_word_diff() -> None:
    brief = _rewrite_brief(
        "Crews reached the river within minutes.",
        "Crews had reached the river within minutes.",
    )
    copies = _section(render_markdown(brief), "Copies and rewrites")
    assert "“Crews reached the river …” where [2] has “Crews **had** reached the river …”" in copies


def test_a_brief_without_sentence_texts_still_lists_the_words() -> None:
    brief = _rewrite_brief("", "")
    copies = _section(render_markdown(brief), "Copies and rewrites")
    assert "“Iran” where the original has “Iraq”" in copies


def test_the_seeds_brief_shows_the_iraq_iran_change_in_context(seeds_dir) -> None:
    from newsbrief.engines.local import run_paths

    briefs = run_paths([seeds_dir]).briefs
    lines = [
        line
        for brief in briefs
        for line in _section(render_markdown(brief), "Copies and rewrites").splitlines()
        if "**Iran**" in line
    ]
    assert len(lines) == 1, lines
    assert re.search(
        r"“… .*Ambassador of \*\*Iran\*\* .*…” where \[\d\] has “… .*Ambassador of \*\*Iraq\*\* .*…”",
        lines[0],
    ), lines[0]
