"""An ampersand between capitalised words is part of one name (a firm, a paper, a utility)."""

from __future__ import annotations

import pytest
from annotate_rule_helpers import annotated, quote_with


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        (
            "Crews cut power to 20,000 homes. Winds could drop branches on lines, "
            "KT&L officials said.",
            "Winds could drop",
            "KT&L",
        ),
        (
            "The bridge closed at noon on Friday, the Harbor Journal & Courier reported.",
            "The bridge closed",
            "Harbor Journal & Courier",
        ),
        (
            "The recall covers 40,000 bottles of syrup, Fenwick & Dale said on Monday.",
            "The recall covers",
            "Fenwick & Dale",
        ),
    ],
)
def test_an_ampersand_joins_one_organisation(text: str, words: str, speaker: str) -> None:
    art = annotated(text)
    assert quote_with(art.quotes, words).speaker == speaker
    assert any(m.text == speaker and m.kind == "org" for m in art.mentions)


def test_initials_keep_their_periods_and_written_together_stays_together() -> None:
    art = annotated("The vote was close, said Oliver J. T. Quarry of the Tillman & Roe firm.")
    assert quote_with(art.quotes, "The vote was close").speaker == "Oliver J. T. Quarry"
