"""Context features of the line model: rule evidence around a line and wider neighbourhoods."""

from __future__ import annotations

from newsbrief.clean.linemodel import FEATURES_1, FEATURES_2, stage1_features, stage2_features
from newsbrief.clean.lines import line_info

PROSE = "The harbour master said the ferry would run again once the storm had passed the coast."


def _page(reasons: list[str | None], texts: list[str]) -> dict[int, list[float]]:
    infos = [line_info(t) if t and r is None else None for t, r in zip(texts, reasons, strict=True)]
    return stage1_features(reasons, infos, [r is None for r in reasons])


def test_lines_after_a_comment_widget_and_among_timestamps_are_marked() -> None:
    texts = [PROSE, PROSE, "3 Comments", "Robin Vale", "2 days ago", PROSE]
    reasons: list[str | None] = [None, None, "comment-widget", None, "timestamp", None]
    feats = _page(reasons, texts)
    after = FEATURES_1.index("after_comments")
    stamps = FEATURES_1.index("timestamps_near")
    density = FEATURES_1.index("rule_density")
    assert feats[0][after] == 0.0 and feats[5][after] == 1.0
    assert feats[3][stamps] > 0.0 and feats[0][stamps] == 0.0
    # two of the six non-blank lines within reach were removed by a rule
    assert abs(feats[3][density] - 2 / 6) < 1e-9
    assert all(len(f) == len(FEATURES_1) for f in feats.values())


def test_blank_lines_do_not_count_towards_rule_density() -> None:
    texts = [PROSE, "", "", "", PROSE]
    reasons: list[str | None] = [None, None, None, None, None]
    feats = _page(reasons, texts)
    assert feats[0][FEATURES_1.index("rule_density")] == 0.0


def test_stage_two_sees_neighbours_up_to_three_lines_and_the_best_block() -> None:
    feats = {i: [0.0] * len(FEATURES_1) for i in range(7)}
    probs = {0: 0.1, 1: 0.1, 2: 0.9, 3: 0.9, 4: 0.9, 5: 0.1, 6: 0.1}
    out = stage2_features(feats, probs)
    assert all(len(f) == len(FEATURES_2) for f in out.values())
    at = {name: FEATURES_2.index(name) for name in FEATURES_2}
    assert out[3][at["p_prev"]] == 0.9 and out[3][at["p_prev2"]] == 0.1
    assert out[0][at["p_prev"]] == 0.0  # nothing before the first line
    assert out[0][at["p_next3"]] == 0.9
    assert out[3][at["p_block"]] == 1.0 and out[0][at["p_block"]] == 0.0
    assert out[3][at["p_wide"]] < out[3][at["p_window"]] + 1e-9
