"""The fitted line model: feature/coefficient agreement and behaviour on a page dump."""

from __future__ import annotations

from newsbrief.clean import clean_lines
from newsbrief.clean.linecoef import STAGE_1, STAGE_2
from newsbrief.clean.linemodel import FEATURES_1, FEATURES_2, logistic
from newsbrief.clean.lines import MODEL_MIN_LINES

BODY = [
    "The regional water board said on Monday that reservoir levels had fallen to a ten-year low.",
    "Engineers blamed a dry spring and a leaking main that lost millions of litres a week.",
    "Farmers in the valley were asked to cut their use by a fifth until the autumn rains arrive.",
    "A spokesperson for the board said repairs to the main would be finished within a month.",
    "Residents can check the daily levels on a public dashboard that is updated each morning.",
]


def _page() -> list[str]:
    menu = ["Home", "World", "Business", "Sport", "Weather", "Culture", "Travel", "Video"]
    teasers = []
    for n in range(10):
        teasers += [f"Another Headline About Something Else Number {n}", "Pat Writer", ""]
    return menu + [""] + [x for line in BODY for x in (line, "")] + teasers + menu


def test_coefficient_tables_match_the_features() -> None:
    assert tuple(name for name, _ in STAGE_1) == FEATURES_1
    assert tuple(name for name, _ in STAGE_2) == FEATURES_2
    assert 0.0 < logistic([w for _, w in STAGE_1], [0.0] * len(FEATURES_1)) < 1.0


def test_page_dump_keeps_body_and_drops_menus_and_teasers() -> None:
    lines = _page()
    assert sum(1 for line in lines if line.strip()) >= MODEL_MIN_LINES
    kept = [line for line, reason in clean_lines(lines) if reason is None and line.strip()]
    assert kept == BODY
