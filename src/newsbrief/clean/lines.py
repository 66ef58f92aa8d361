"""Line labelling: rules first, then a reader-comment section, then context for what is left.

Lines no rule recognises are judged by how much they read like prose (length, stop-word
density, terminal punctuation, title case). Short lines take the verdict of their nearest prose
neighbours, so a subheading or a one-line quote between paragraphs stays while a run of menu
items does not. Finally the densest run of prose (a maximum-sum segment) is the article body:
teaser sentences stranded among navigation far from it are dropped.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from newsbrief.clean.meta import parse_byline
from newsbrief.clean.rules import COMMENT_HEADER, comment_prompt, rule_reason
from newsbrief.text import STOP_WORDS, words

GOOD, SHORT, BAD, HEADLINE = "good", "short", "bad", "headline"
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ":", ")", "…")


@dataclass(slots=True)
class LineInfo:
    text: str
    n: int
    stop: float
    terminal: bool
    title_case: float
    kind: str = SHORT


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def line_info(text: str, english: bool = True, tokens: list[str] | None = None) -> LineInfo:
    """``tokens``: ``words(text)`` when the caller has them already."""
    ws = words(text) if tokens is None else tokens
    n = len(ws)
    cjk = len(_CJK.findall(text))
    if cjk:
        n = max(n, cjk // 2)  # scripts without spaces: about two characters a word
    stop = sum(w.lower() in STOP_WORDS for w in ws) / n if n else 0.0
    content = [w for w in ws if w.lower() not in STOP_WORDS]
    title = (
        sum(w[0].isupper() or w[0].isdigit() for w in content) / len(content) if content else 0.0
    )
    if not english:
        stop = 0.25  # no stop-word list for this language: judge by length and punctuation
    info = LineInfo(text, n, stop, text.rstrip().endswith(_TERMINAL + ("。", "！", "？")), title)
    info.kind = _kind(info)
    return info


def is_english(lines: list[str], tokens: list[list[str]] | None = None) -> bool:
    """Whether the long lines of a text carry English stop words (else stop-word tests are off).

    ``tokens``: ``words(line)`` of each line when the caller has them already."""
    long = [ws for ws in (tokens or (words(line) for line in lines)) if len(ws) >= 7]
    if not long:
        return True
    ratio = sum(sum(w.lower() in STOP_WORDS for w in ws) / len(ws) for ws in long) / len(long)
    return ratio >= 0.12


def _kind(info: LineInfo) -> str:
    pipes = info.text.count("|") + info.text.count("•") + info.text.count("»")
    if pipes >= 2:
        return BAD
    if info.n >= 7 and info.stop >= 0.2 and (info.terminal or info.n >= 20):
        return GOOD
    if info.n >= 5 and not info.terminal and info.title_case >= 0.8:
        return HEADLINE  # a subheading between paragraphs, or one of a list of teaser links
    if info.n >= 8 and info.stop < 0.1:
        return BAD  # keyword lists, tag clouds
    return SHORT


def _sentence_like(info: LineInfo) -> bool:
    return info.n >= 2 and info.text.rstrip().endswith((".", "!", "?", '"', "”")) and info.stop > 0


def _comment_start(reasons: list[str | None], infos: list[LineInfo | None]) -> int | None:
    """Index of the comment-widget line that opens a trailing reader-comment section."""
    total = sum(i.n for i in infos if i is not None and i.kind == GOOD)
    before = 0
    for idx, (reason, info) in enumerate(zip(reasons, infos, strict=True)):
        if info is not None and info.kind == GOOD:
            before += info.n
        if reason in ("comment-widget", "comment-prompt") and before >= max(30, 0.3 * total):
            return idx
    return None


def _is_comment_text(text: str) -> bool:
    if rule_reason(text) is not None or COMMENT_HEADER.match(text) or comment_prompt(text):
        return False
    ws = words(text)
    # User-name lines are short, capitalised and unpunctuated; "Reply", "2 years ago" are rules.
    name_like = len(ws) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in ws)
    return bool(ws) and not (name_like and not text.endswith((".", "!", "?", ",")))


def comment_paragraphs(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip() and _is_comment_text(line.strip())]


def clean_lines(
    lines: list[str], title: str = "", structured: bool = False
) -> list[tuple[str, str | None]]:
    """Each line with the reason it is not article text, or None for kept (and blank) lines.

    ``structured`` is for text an HTML extractor already cut out of the page by its markup:
    menus and teaser lists are gone, and the lines left are headings, list items and
    paragraphs, whose shape says little (measured on the extraction dev sets, the shape and
    main-block judgements dropped more body lines than boilerplate there). Only the rules,
    bylines and the reader-comment section apply then.
    """
    reasons: list[str | None] = []
    infos: list[LineInfo | None] = []
    # each line's words once for the three tests that count them (a word never holds
    # whitespace, so a line's words are those of the stripped line)
    tokens = [words(line) for line in lines]
    english = is_english(lines, tokens)
    for line, ws in zip(lines, tokens, strict=True):
        text = line.strip()
        reason = rule_reason(text, title, len(ws)) if text else None
        if reason is None and text and parse_byline(text) is not None:
            reason = "byline"
        reasons.append(reason)
        infos.append(line_info(text, english, ws) if text and reason is None else None)

    start = _comment_start(reasons, infos)
    if start is not None and comment_paragraphs(lines[start:]):
        for idx in range(start, len(lines)):
            reasons[idx] = "reader-comments"
            infos[idx] = None

    if not structured:
        short_text = len([line for line in lines if line.strip()]) < MODEL_MIN_LINES
        if short_text:
            _resolve_short(reasons, infos)
            _main_block(reasons, infos)
        else:
            _fitted_model(reasons, infos)
    return list(zip(lines, reasons, strict=True))


# The model was fitted on full-page text dumps (22 to 900 non-empty lines, median 175). On a
# short, mostly clean article it reads the lack of surrounding prose as a teaser and drops
# body lines (measured on the tests' and examples' articles), so shorter texts keep the
# hand-written context rules.
MODEL_MIN_LINES = 40


def _fitted_model(reasons: list[str | None], infos: list[LineInfo | None]) -> None:
    """Drop candidate lines the fitted two-stage model (``linemodel``) scores as boilerplate.

    The hand-written context judgement (short-line resolution and the main block) is one of
    the model's features rather than the verdict: on its own it keeps teaser lists and
    comment threads that read like prose.
    """
    from newsbrief.clean.linecoef import STAGE_1, STAGE_2, THRESHOLD
    from newsbrief.clean.linemodel import logistic, stage1_features, stage2_features

    heuristic = list(reasons)
    shadow = [copy.copy(info) for info in infos]  # _resolve_short rewrites kinds
    _resolve_short(heuristic, shadow)
    _main_block(heuristic, shadow)
    kept = [reason is None for reason in heuristic]
    feats = stage1_features(reasons, infos, kept)
    w1 = [w for _, w in STAGE_1]
    w2 = [w for _, w in STAGE_2]
    probs = {i: logistic(w1, f) for i, f in feats.items()}
    for i, f in stage2_features(feats, probs).items():
        if logistic(w2, f) < THRESHOLD:
            reasons[i] = "boilerplate"


def _resolve_short(reasons: list[str | None], infos: list[LineInfo | None]) -> None:
    """Short lines keep the verdict of their nearest non-short neighbours (rule lines are skipped)."""
    idx = [i for i, info in enumerate(infos) if info is not None]
    kinds = [infos[i].kind for i in idx]  # type: ignore[union-attr]
    for pos, i in enumerate(idx):
        info = infos[i]
        assert info is not None
        if info.kind not in (SHORT, HEADLINE):
            continue
        prev = _neighbour(kinds, pos, -1)
        nxt = _neighbour(kinds, pos, 1)
        if prev == GOOD and nxt == GOOD:
            info.kind = SHORT
            continue
        if info.kind == HEADLINE:
            info.kind = BAD
            continue
        if GOOD in (prev, nxt) and _sentence_like(info):
            continue
        info.kind = BAD
    for i in idx:
        info = infos[i]
        if info is not None and info.kind == BAD:
            reasons[i] = "boilerplate"


def _neighbour(kinds: list[str], pos: int, step: int, reach: int = 4) -> str | None:
    """Kind of the nearest non-short line within ``reach`` lines; None at the text's edge."""
    j = pos + step
    seen = 0
    while 0 <= j < len(kinds):
        if kinds[j] not in (SHORT, HEADLINE):
            return kinds[j]
        seen += 1
        if seen >= reach:
            return BAD
        j += step
    return None


def _main_block(reasons: list[str | None], infos: list[LineInfo | None], gap: float = 10.0) -> None:
    """Keep the maximum-sum run of kept prose; each dropped line inside it costs ``gap``."""
    scores: list[float] = []
    for reason, info in zip(reasons, infos, strict=True):
        if info is None and reason is None:
            scores.append(0.0)  # blank line
        elif reason is not None:
            scores.append(-gap)
        else:
            assert info is not None
            scores.append(float(info.n) if info.kind == GOOD else 1.0)
    best, best_span = 0.0, (0, -1)
    run, run_start = 0.0, 0
    for i, score in enumerate(scores):
        if run <= 0:
            run, run_start = 0.0, i
        run += score
        if run > best:
            best, best_span = run, (run_start, i)
    lo, hi = best_span
    for i, (reason, info) in enumerate(zip(reasons, infos, strict=True)):
        if reason is None and info is not None and not lo <= i <= hi:
            reasons[i] = "boilerplate"
