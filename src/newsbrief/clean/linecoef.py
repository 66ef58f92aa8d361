"""Coefficients of the two-stage body-line model of ``linemodel`` (no pickles: a constant table).

How they were fitted: scikit-learn ``LogisticRegression(C=1.0, fit_intercept=False)`` (the
"bias" feature is the intercept) on the candidate lines of all 117 pages of the dev file
``extraction/zyte-aeb/plaintext_lines.jsonl.gz``, body lines positive, boilerplate lines
negative, uncertain lines left out, each line weighted by sqrt(words + 1) because the score is
over word 4-grams. Stage two is fitted on stage one's in-sample scores. Lines scoring below
``THRESHOLD`` are dropped. Held-out check (pages split in two by sha1 of the page id, fit on
one half, score the other, both ways): Zyte 4-gram F1 0.920 / 0.921 (mean 0.920; 0.909 with
the previous, smaller feature set) against 0.871 / 0.902 for the hand-written context rules
alone; 0.921 with these all-page coefficients on the whole dev file. The feature set was
chosen among about fifteen variants by this same 2-fold figure, so it is a little
optimistic. Refit whenever a feature in ``linemodel`` changes:
``python benchmarks/fit_linemodel.py PATH/plaintext_lines.jsonl.gz`` prints both folds and
the all-page coefficients.
"""

from __future__ import annotations

THRESHOLD = 0.4

STAGE_1: tuple[tuple[str, float], ...] = (
    ("bias", -0.1168),
    ("log_words", 0.2347),
    ("stop", -0.5761),
    ("terminal", 1.8245),
    ("title_case", -1.1816),
    ("good", -0.7907),
    ("headline", 0.9447),
    ("short", -0.4317),
    ("bad", 0.1609),
    ("heuristic_kept", 1.5875),
    ("digits", -0.4663),
    ("upper", -1.8163),
    ("comma", 1.1059),
    ("repeated", 0.7948),
    ("prose_before", -4.2927),
    ("prose_after", -4.065),
    ("near_prose", 0.1215),
    ("prev_words", 0.5282),
    ("next_words", 0.4802),
    ("prev_rule", 0.5773),
    ("next_rule", 0.8936),
    ("rel_pos", 0.135),
    ("after_comments", 1.0144),
    ("timestamps_near", -2.7746),
    ("rule_density", -4.2942),
)

STAGE_2: tuple[tuple[str, float], ...] = (
    ("bias", 1.777),
    ("log_words", 0.0079),
    ("stop", -0.2982),
    ("terminal", 1.6969),
    ("title_case", -0.8094),
    ("good", 0.0624),
    ("headline", 1.3617),
    ("short", 0.1967),
    ("bad", 0.1562),
    ("heuristic_kept", -0.8518),
    ("digits", -0.6129),
    ("upper", -1.4036),
    ("comma", 0.9327),
    ("repeated", 0.8431),
    ("prose_before", -7.3227),
    ("prose_after", -6.9143),
    ("near_prose", -0.176),
    ("prev_words", 0.4285),
    ("next_words", 0.1604),
    ("prev_rule", 0.2848),
    ("next_rule", 0.0885),
    ("rel_pos", 0.8151),
    ("after_comments", -0.0738),
    ("timestamps_near", -0.0972),
    ("rule_density", -1.5327),
    ("p_prev", 0.88),
    ("p_next", 2.1757),
    ("p_prev2", 0.8884),
    ("p_next2", 0.4094),
    ("p_prev3", 0.5483),
    ("p_next3", -0.0858),
    ("p_window", -1.5164),
    ("p_wide", 3.7625),
    ("p_block_loose", 0.4586),
    ("p_block", 1.1152),
    ("p_block_strict", -0.9106),
)
