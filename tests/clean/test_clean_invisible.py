"""Characters that print as nothing leave the text in clean, so later stages see the words."""

from __future__ import annotations

from newsbrief.annotate import annotate
from newsbrief.clean import clean_article
from newsbrief.records import Article


def _article(text: str, title: str = "") -> Article:
    return Article(id="a", source="test", text=text, title=title)


def test_zero_width_space_and_soft_hyphen_are_removed() -> None:
    text = (
        "\u200bThe mayor of Calderwick opened the bridge on Tuesday.\n\nIt cost four mil\u00adlion."
    )
    cleaned = clean_article(_article(text, title="\ufeffBridge opens"))
    assert cleaned.text == (
        "The mayor of Calderwick opened the bridge on Tuesday.\n\nIt cost four million."
    )
    assert cleaned.title == "Bridge opens"


def test_joiners_stay() -> None:
    # U+200D joins emoji and shapes letters in some scripts: not ours to drop
    text = (
        "The council posted a family emoji, \U0001f468\u200d\U0001f469\u200d\U0001f467, on Tuesday."
    )
    assert "\u200d" in clean_article(_article(text)).text


def test_a_sentence_behind_a_zero_width_space_opens_on_its_word() -> None:
    text = (
        "The council met on Monday.\n\n"
        "\u200bCouncillor Ann Briggs said the bridge would reopen in June."
    )
    sentences = annotate(clean_article(_article(text))).sentences
    assert sentences[-1].text.startswith("Councillor Ann Briggs")
