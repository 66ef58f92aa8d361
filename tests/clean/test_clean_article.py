"""clean_article on small texts written for these tests, and on the seed articles."""

from __future__ import annotations

import re
from pathlib import Path

from newsbrief.clean import clean_article, clean_lines
from newsbrief.records import Article

BODY = [
    "The city council approved the new budget on Tuesday after a long debate about transport.",
    "Officials said the plan would add three bus lines and repair two bridges by next spring.",
    "Critics argued that the spending was too high for a town of its size and called for a vote.",
    "We will keep our promises.",
    "The mayor said the first contracts would be signed within a month of the decision.",
]

PAGE = "\n".join(
    [
        "Council approves budget for new bus lines",
        "",
        "Home > Local > Politics",
        "Share on Facebook",
        "Facebook Twitter WhatsApp",
        "By Jane Doe and John Roe",
        "SPRINGFIELD (Reuters) - " + BODY[0],
        "Photo: Agency / Sam Lee",
        BODY[1],
        "",
        "Money matters",
        "",
        BODY[2],
        "",
        BODY[3],
        "",
        BODY[4],
        "Council approves budget for new bus lines",
        "Read more: Another story about the council",
        "Subscribe to our newsletter",
        "Support Springfield Herald",
        "2,500 $",
        "$100",
        "© 2024 Example Media. All rights reserved.",
        "We use cookies to improve your experience. By using this site you accept our cookie policy.",
        "Back to top",
        "",
        "3 Comments",
        "Notify of",
        "Newest Most Voted",
        "Alex Smith",
        "This is the worst decision the council has made in years.",
        "Reply",
        "Maria Gomez",
        "finally, good news",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    ]
)


def _article(text: str, title: str = "") -> Article:
    return Article(id="a1", source="test.txt", text=text, title=title)


def test_body_survives_and_boilerplate_goes_with_reasons() -> None:
    out = clean_article(_article(PAGE, "Council approves budget for new bus lines"))
    for sentence in BODY:
        assert sentence in out.text
    assert "Money matters" in out.text  # a subheading between paragraphs is content
    reasons = {r.text: r.reason for r in out.removed}
    assert reasons["Home > Local > Politics"] == "navigation"
    assert reasons["Share on Facebook"] == "share-widget"
    assert reasons["Facebook Twitter WhatsApp"] == "share-widget"
    assert reasons["Photo: Agency / Sam Lee"] == "photo-credit"
    assert reasons["Council approves budget for new bus lines"] == "repeated-title"
    assert reasons["Read more: Another story about the council"] == "related-link"
    assert reasons["Subscribe to our newsletter"] == "subscribe-widget"
    assert reasons["Support Springfield Herald"] == "support-appeal"
    assert reasons["2,500 $"] == "currency"
    assert reasons["$100"] == "currency"
    assert reasons["© 2024 Example Media. All rights reserved."] == "copyright"
    assert reasons["Back to top"] == "navigation"
    assert any(r.reason == "cookie-notice" for r in out.removed)
    for junk in ("Subscribe", "Back to top", "2,500", "Notify of", "Leave a Reply"):
        assert junk not in out.text


def test_byline_and_dateline_become_metadata() -> None:
    out = clean_article(_article(PAGE))
    assert out.authors == ["Jane Doe", "John Roe"]
    assert out.meta["dateline"] == "SPRINGFIELD"
    assert out.meta["wire"] == "Reuters"
    assert out.text.startswith(BODY[0])
    assert ("By Jane Doe and John Roe", "byline") in [(r.text, r.reason) for r in out.removed]
    assert any(r.reason == "dateline" and r.text.startswith("SPRINGFIELD") for r in out.removed)


def test_comment_section_moves_to_comments() -> None:
    out = clean_article(_article(PAGE))
    assert out.comments == [
        "This is the worst decision the council has made in years.",
        "finally, good news",
    ]
    assert "worst decision" not in out.text
    section = [r for r in out.removed if r.reason == "reader-comments"]
    assert section[0].text == "3 Comments"
    assert all(r.text for r in section)


def test_closing_credit_is_not_a_comment_section() -> None:
    text = "\n\n".join(BODY + ["Editor's note: An earlier version misstated the date of the vote."])
    text += "\n\nInterviewed by: Basil Stone"
    out = clean_article(_article(text))
    assert out.comments == []
    assert "Editor's note" in out.text
    assert out.meta["interviewers"] == ["Basil Stone"]
    assert "Interviewed by" not in out.text


def test_existing_authors_are_extended_not_replaced() -> None:
    art = Article(
        id="a", source="s", text="Written by Ann Lee\n" + "\n".join(BODY), authors=["Bo Li"]
    )
    assert clean_article(art).authors == ["Bo Li", "Ann Lee"]


def test_paragraph_breaks_kept_and_blank_runs_collapsed() -> None:
    text = BODY[0] + "\n\n\n\n" + BODY[1] + "\nBack to top\n\n" + BODY[2]
    out = clean_article(_article(text))
    assert out.text == f"{BODY[0]}\n\n{BODY[1]}\n\n{BODY[2]}"
    assert [r.line for r in out.removed] == [5]


def test_short_quote_paragraph_and_sentences_with_vocabulary_survive() -> None:
    lines = [
        BODY[0],
        "“No.”",
        "The donation was made in 2015 by the foundation, officials said in a statement on Monday.",
        "Experts said state-sponsored hacking and cookie theft remain serious threats to users.",
        BODY[1],
    ]
    assert [reason for _, reason in clean_lines(lines)] == [None] * len(lines)


def test_clean_lines_labels_navigation_runs() -> None:
    lines = ["Sports", "Business", "World News", "Opinion", "Video", ""] + BODY
    labelled = clean_lines(lines)
    assert [r for _, r in labelled[:5]] != [None] * 5
    assert all(r is None for _, r in labelled[5:])


# Shapes no cleaned seed text may still contain.
_LEFTOVER = [
    re.compile(r"^please (enter|leave|post) your (comment|name)", re.I),
    re.compile(r"^back to top", re.I),
    re.compile(r"^[$€£]?\s*[\d.,]+\s*[$€£]?$"),
    re.compile(r"^(notify of|newest most voted|view all comments|inline feedbacks?)$", re.I),
]


def test_seeds_lose_widgets_and_comments(seeds_dir: Path) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    assert files
    moved = 0
    for file in files:
        raw = file.read_text(encoding="utf-8")
        title = next(line for line in raw.splitlines() if line.strip())
        out = clean_article(Article(id=file.stem, source=str(file), text=raw, title=title))
        for line in out.text.splitlines():
            assert not any(p.search(line.strip()) for p in _LEFTOVER), (file.name, line)
        assert len(out.text.split()) > 150  # the body is still there
        moved += len(out.comments)
        if out.comments:
            assert all(c not in out.text for c in out.comments)
    assert moved >= 3


def test_a_section_label_or_widget_as_title_gives_way_to_the_headline():
    from newsbrief.records import Article

    text = (
        "10 $\n25 $\n\nCity council approves new budget for river defences\n\n"
        "The council approved the budget on Monday after a long debate, officials said.\n"
    )
    for junk in ("NewsLocal", "10 $"):
        cleaned = clean_article(Article(id="x", source="x.txt", title=junk, text=text))
        assert cleaned.title == "City council approves new budget for river defences"
        assert cleaned.meta["page_title"] == junk
        assert junk in [r.text for r in cleaned.removed]
        assert "approves new budget" not in cleaned.text


def test_a_short_real_title_followed_by_prose_is_kept():
    from newsbrief.records import Article

    text = "The river rose two metres overnight, flooding the lower town, officials said.\n"
    cleaned = clean_article(Article(id="x", source="x.txt", title="Floods", text=text))
    assert cleaned.title == "Floods"


def test_a_long_paragraph_that_mentions_copyright_is_prose():
    from newsbrief.records import Article

    paragraph = (
        "The study, published under a Creative Commons copyright licence, followed 4,000 "
        "children for ten years and found that those who slept less than eight hours a night "
        "were more likely to report problems at school, although the authors caution that the "
        "effect was small, that the sample came from a single region, and that sleep was "
        "measured by questionnaires filled in by parents rather than by instruments, which "
        "tends to overstate how long children actually sleep."
    )
    cleaned = clean_article(Article(id="x", source="x", title="Sleep study", text=paragraph))
    assert cleaned.text == paragraph


def _html_article(text: str, authors: list[str] | None = None) -> Article:
    meta = {"format": "html", "authors_from": "trafilatura"}
    return Article(
        id="h1", source="page.html", text=text, title="", authors=authors or [], meta=meta
    )


HTML_TEXT = "\n".join(["Share on Facebook", BODY[0], "By Jane Doe and John Roe", BODY[1]])


def test_html_text_only_loses_the_removals_it_is_allowed() -> None:
    everything = clean_article(_html_article(HTML_TEXT), html_reasons=None)
    assert "Share on Facebook" not in everything.text
    assert {r.reason for r in everything.removed} >= {"share-widget", "byline"}
    none = clean_article(_html_article(HTML_TEXT), html_reasons=frozenset())
    assert none.text == HTML_TEXT and none.removed == []
    share = clean_article(_html_article(HTML_TEXT), html_reasons=frozenset({"share-widget"}))
    assert "Share on Facebook" not in share.text
    assert "By Jane Doe and John Roe" in share.text
    assert [r.reason for r in share.removed] == ["share-widget"]


def test_plain_text_ignores_the_html_allowance() -> None:
    text = "\n".join(["Share on Facebook", BODY[0], BODY[1]])
    out = clean_article(_article(text), html_reasons=frozenset())
    assert "Share on Facebook" not in out.text


def test_html_byline_fills_authors_only_when_the_page_named_none() -> None:
    named = clean_article(_html_article(HTML_TEXT, ["Ines Moreau"]), html_reasons=None)
    assert named.authors == ["Ines Moreau"]
    unnamed = clean_article(_html_article(HTML_TEXT), html_reasons=None)
    assert unnamed.authors == ["Jane Doe", "John Roe"]


def test_a_byline_kept_in_html_text_still_names_the_authors() -> None:
    out = clean_article(_html_article(HTML_TEXT), html_reasons=frozenset())
    assert "By Jane Doe and John Roe" in out.text
    assert out.authors == ["Jane Doe", "John Roe"]


def test_wire_credit_residue_is_removed_with_a_reason() -> None:
    from newsbrief.clean import clean_article
    from newsbrief.records import Article

    text = "(Reuters) - The port reopened on Monday after a week of strikes.\n\nMore ships came."
    out = clean_article(Article(id="w", source="w", text=text, title="Port reopens"))
    assert out.text.startswith("The port reopened")
    assert out.meta["wire"] == "Reuters" and "dateline" not in out.meta
    assert [r.text for r in out.removed if r.reason == "dateline"] == ["(Reuters) -"]


def test_a_wire_dateline_after_a_teaser_still_opens_the_story() -> None:
    text = "\n\n".join(
        [
            "Are the county's water rules about to change again this year?",
            "The question came up at two meetings last spring and once in the autumn.",
            "Officials have not said when a decision will come, or who will make it.",
            "Readers asked us to look into it, and we did over several weeks of calls.",
            "HARLOW (AP) — The county board voted on Monday to keep the water rules as they are.",
            "MAPLE RIDGE — a later line in capitals is left alone in the middle of a report.",
        ]
    )
    out = clean_article(Article(id="w", source="t", text=text))
    assert out.meta["dateline"] == "HARLOW" and out.meta["wire"] == "AP"
    assert "The county board voted on Monday" in out.text and "HARLOW (AP)" not in out.text
    assert "MAPLE RIDGE — a later line" in out.text


def test_glued_page_labels_and_site_taglines_never_become_the_title():
    # an NYT page opens on its photo and advertisement labels glued to "Continue reading
    # the main story"; a Wikipedia page on its tagline. Neither is a headline or body text.
    body = "WASHINGTON — The senator said on Thursday that he would retire next year.\n"
    for junk, reason in (
        ("Photo Advertisement Continue reading the main story", "related-link"),
        ("Advertisement Continue reading the main story", "related-link"),
        ("From Wikipedia, the free encyclopedia", "navigation"),
    ):
        cleaned = clean_article(Article(id="x", source="x.txt", text=f"{junk}\n\n{body}"))
        assert cleaned.title != junk
        assert junk not in cleaned.text
        assert {r.text: r.reason for r in cleaned.removed}[junk] == reason


def test_a_video_players_close_button_is_cut_from_the_first_paragraph() -> None:
    text = (
        "CLOSE Police said two hikers were found safe near the old rail bridge on Tuesday.\n\n"
        "The search had gone on for three days in the valley, officials said on Wednesday.\n\n"
        "CLOSE friends of the family said they were glad to see the hikers back home again."
    )
    out = clean_article(_article(text))
    assert out.text.startswith("Police said two hikers were found safe")
    assert ("CLOSE", "navigation") in [(r.text, r.reason) for r in out.removed]
    assert "CLOSE friends of the family" in out.text  # no capital after it: no button


def test_a_video_caption_behind_the_close_button_is_not_promoted_to_the_title() -> None:
    text = (
        "CLOSE Four mountain towns reopen their ski lifts after the storm. Jane Doe\n\n"
        "The lifts in four mountain towns opened again on Friday after a week of snow.\n\n"
        "Operators said the slopes were busier than on any day last winter."
    )
    out = clean_article(Article(id="x", source="x.txt", text=text))
    assert "Jane Doe" not in out.title
    assert out.text.startswith("The lifts in four mountain towns")
