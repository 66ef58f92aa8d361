"""Coefficients of the two-stage body-line model of ``linemodel`` (no pickles: a constant table).

How they were fitted: scikit-learn ``LogisticRegression(C=0.01, fit_intercept=False)`` (the
"bias" feature is the intercept) on the candidate lines of all 117 pages of the dev file
``extraction/zyte-aeb/plaintext_lines.jsonl.gz``, body lines positive, boilerplate lines
negative, uncertain lines left out, each line weighted by sqrt(words + 1) because the score is
over word 4-grams. Stage two is fitted on stage one's in-sample scores. Lines scoring below
``THRESHOLD`` are dropped; the cut-off is chosen among 0.3-0.6 on the fitting pages.

Honest figure, leave-site-group-out (80 sites dealt into 10 groups by a hash of the registered
domain; each group scored with a model and cut-off fitted on the other nine): Zyte 4-gram F1
**0.914** (P 0.899, R 0.929), against 0.888 for the hand-written context rules alone, 0.835
for the C4 line rules and 0.638 for no filter on the same pages; 0.924 in-sample with these
all-page coefficients. The strong regularisation is what transfers: the same figure was
0.902 / 0.906 / 0.914 / 0.913 at C = 1 / 0.1 / 0.01 / 0.001 (C=1 was the previous table, whose
sha1 2-fold 0.920 mixed pages of one site across folds). C was picked among those four by this
figure, so it is slightly optimistic. Refit whenever a feature in ``linemodel`` changes:
``python benchmarks/fit_linemodel.py PATH/plaintext_lines.jsonl.gz --c 0.01`` prints the
held-out table and the all-page coefficients.
"""

from __future__ import annotations

THRESHOLD = 0.4

STAGE_1: tuple[tuple[str, float], ...] = (
    ("bias", -1.4804),
    ("log_words", 0.0964),
    ("stop", -0.286),
    ("terminal", 1.1052),
    ("title_case", -1.2083),
    ("good", -0.4084),
    ("headline", 0.0049),
    ("short", -1.1004),
    ("bad", 0.0235),
    ("heuristic_kept", 1.0535),
    ("digits", -0.093),
    ("upper", -0.5488),
    ("comma", 0.7687),
    ("repeated", 0.2809),
    ("prose_before", -0.7801),
    ("prose_after", -0.903),
    ("near_prose", 0.2192),
    ("prev_words", 0.3719),
    ("next_words", 0.346),
    ("prev_rule", -0.4042),
    ("next_rule", -0.1452),
    ("rel_pos", -0.4474),
    ("after_comments", 0.6588),
    ("timestamps_near", -0.6312),
    ("rule_density", -0.9765),
)

STAGE_2: tuple[tuple[str, float], ...] = (
    ("bias", -1.4285),
    ("log_words", -0.0746),
    ("stop", -0.3059),
    ("terminal", 0.8776),
    ("title_case", -1.0491),
    ("good", -0.4199),
    ("headline", 0.011),
    ("short", -1.0297),
    ("bad", 0.0101),
    ("heuristic_kept", -0.2064),
    ("digits", -0.0649),
    ("upper", -0.4851),
    ("comma", 0.766),
    ("repeated", 0.4347),
    ("prose_before", -0.7603),
    ("prose_after", -0.8872),
    ("near_prose", -0.0846),
    ("prev_words", 0.2384),
    ("next_words", 0.1505),
    ("prev_rule", -0.2596),
    ("next_rule", -0.1925),
    ("rel_pos", -0.0412),
    ("after_comments", 0.0347),
    ("timestamps_near", -0.2261),
    ("rule_density", -0.4852),
    ("p_prev", 0.4802),
    ("p_next", 0.8619),
    ("p_prev2", 0.4073),
    ("p_next2", 0.3173),
    ("p_prev3", 0.4326),
    ("p_next3", 0.1159),
    ("p_window", 0.3684),
    ("p_wide", 0.5388),
    ("p_block_loose", 0.5586),
    ("p_block", 1.1781),
    ("p_block_strict", 0.0725),
)
