"""Coefficients of the two-stage body-line model of ``linemodel`` (no pickles: a constant table).

How they were fitted: scikit-learn ``LogisticRegression(C=1.0, fit_intercept=False)`` (the
"bias" feature is the intercept) on the candidate lines of all 117 pages of the dev file
``extraction/zyte-aeb/plaintext_lines.jsonl.gz``, body lines positive, boilerplate lines
negative, uncertain lines left out, each line weighted by sqrt(words + 1) because the score is
over word 4-grams. Stage two is fitted on stage one's in-sample scores. Lines scoring below
``THRESHOLD`` are dropped. Held-out check (pages split in two by sha1 of the page id, fit on
one half, score the other, both ways): Zyte 4-gram F1 0.912 / 0.906 (mean 0.909) against
0.871 / 0.902 for the hand-written context rules alone; 0.926 with these all-page
coefficients on the whole dev file. Refit whenever a feature in ``linemodel`` changes:
``python benchmarks/fit_linemodel.py PATH/plaintext_lines.jsonl.gz`` prints both folds and
the all-page coefficients.
"""

from __future__ import annotations

THRESHOLD = 0.4

STAGE_1: tuple[tuple[str, float], ...] = (
    ("bias", -0.0254),
    ("log_words", 0.1682),
    ("stop", -0.3895),
    ("terminal", 1.8535),
    ("title_case", -1.2556),
    ("good", -0.8223),
    ("headline", 0.9114),
    ("short", -0.5172),
    ("bad", 0.4027),
    ("heuristic_kept", 1.5583),
    ("digits", -0.4906),
    ("upper", -1.5179),
    ("comma", 0.9558),
    ("repeated", 0.6527),
    ("prose_before", -3.6522),
    ("prose_after", -3.8629),
    ("near_prose", 0.1052),
    ("prev_words", 0.5142),
    ("next_words", 0.5488),
    ("prev_rule", -0.7872),
    ("next_rule", -0.1353),
    ("rel_pos", -0.5797),
)

STAGE_2: tuple[tuple[str, float], ...] = (
    ("bias", 0.2456),
    ("log_words", -0.0291),
    ("stop", -0.3631),
    ("terminal", 1.6110),
    ("title_case", -1.0066),
    ("good", -0.5879),
    ("headline", 0.9958),
    ("short", -0.3286),
    ("bad", 0.1663),
    ("heuristic_kept", -0.3284),
    ("digits", -0.5496),
    ("upper", -1.2376),
    ("comma", 0.8625),
    ("repeated", 0.7811),
    ("prose_before", -3.7836),
    ("prose_after", -4.0130),
    ("near_prose", -0.1835),
    ("prev_words", 0.3273),
    ("next_words", 0.1132),
    ("prev_rule", -0.4003),
    ("next_rule", -0.3478),
    ("rel_pos", 0.2993),
    ("p_prev", 0.5967),
    ("p_next", 1.3941),
    ("p_window", 3.1569),
    ("p_block", 1.3864),
)
