"""clean: Article -> Article without page furniture, reader comments, bylines or datelines.

Works on extracted plain text (lines separated by "\\n", paragraphs by blank lines). Every
piece taken out is kept in ``Article.removed`` as ``Removed(text, reason, line)`` with ``line``
the 0-based line number in the text as read. Reasons:

===================  ====================================================================
comment-prompt       comment-form prompts ("Leave a reply", "Your email ... not published")
comment-widget       comment-widget headers with no comments after them ("3 Comments")
reader-comments      a trailing reader-comment section; its paragraphs also go to ``comments``
share-widget         share buttons, lists of social networks
subscribe-widget     newsletter / subscription / app-download prompts
donate-widget        donation widgets
support-appeal       "Support <Site>" and support-our-journalism appeals
navigation           menus, breadcrumbs, tags and category labels, "Back to top"
related-link         "Read more" / "Related:" / "Up next" teasers
photo-credit         photo and image credits and captions ("Photo: Agency / Name")
currency             lone amounts and numbers ("2,500 $", "$100")
copyright            copyright and trademark lines
cookie-notice        cookie, privacy and terms notices
social-handle        lines of social-media handles
timestamp            publication / update time lines
repeated-title       the title line repeated inside the body
byline               credit lines; people go to ``authors`` / ``meta["interviewers"]`` /
                     ``meta["editors"]``
dateline             a dateline or wire-credit prefix cut from a paragraph ("TRIPOLI, Libya
                     (AP) _", "(Reuters) -"; ``meta["dateline"]``, wire credits in
                     ``meta["wire"]``)
boilerplate          anything else judged not prose by shape and context
===================  ====================================================================
"""

from __future__ import annotations

import dataclasses
import re

from newsbrief.clean.lines import clean_lines, comment_paragraphs
from newsbrief.clean.masthead import published_line, read_masthead
from newsbrief.clean.meta import parse_byline, parse_dateline
from newsbrief.clean.rules import rule_reason
from newsbrief.records import Article, Removed

__all__ = ["HTML_REASONS", "REASONS", "clean_article", "clean_lines"]

_REASON_TEXT = """
    comment-prompt comment-widget reader-comments share-widget subscribe-widget donate-widget
    support-appeal navigation related-link photo-credit currency copyright cookie-notice
    social-handle timestamp repeated-title byline dateline boilerplate
"""
REASONS = frozenset(_REASON_TEXT.split())
# On text an HTML extractor cut out of a page, only these removals apply: the others are taken
# out of plain-text dumps but on trafilatura's output removed more body than furniture on sites
# they were not chosen on (leave-site-group-out over the three extraction dev sets,
# ``benchmarks/loso_extract.py``: a removal is on when it alone raised body F1 over the other
# sites' pages and lowered it on none of the three sets). None would apply them all.
HTML_REASONS: frozenset[str] | None = frozenset(
    [
        "comment-prompt",
        "copyright",
        "navigation",
        "photo-credit",
        "reader-comments",
        "related-link",
        "share-widget",
        "timestamp",
    ]
)

_BLANKS = re.compile(r"\n{3,}")
# Characters that print as nothing: a zero-width space before "The" makes the word unknown to
# every later stage (tokens, sentence starts, names). Joiners (U+200C, U+200D) are left alone:
# they shape letters in some scripts and emoji.
_INVISIBLE = re.compile("[\u00ad\u200b\u200e\u200f\u2060\ufeff]")
_PLAYER_LABEL = re.compile(r"^\s*(CLOSE)\s+(?=[A-Z\"“‘'])")
_DATELINE_WINDOW = 3  # any dateline form opens the story here; later only "PLACE (WIRE) —"


def clean_article(
    article: Article,
    html_reasons: frozenset[str] | None = HTML_REASONS,
    keep_datelines: bool = False,
) -> Article:
    """A copy of ``article`` with boilerplate and comments moved out of ``text``.

    On an HTML page's text only the removals named in ``html_reasons`` apply (None: all); a
    dateline ("HANOI, Vietnam (AP) —") is cut from every text, since every later stage
    would read it as the first words of the story (summaries opened on it), and kept with
    ``keep_datelines``: the extraction benchmark scores the page's body, which holds it.
    """
    lines = _INVISIBLE.sub("", article.text).split("\n")
    title = _INVISIBLE.sub("", article.title) if article.title else article.title
    # Text cut out of a page by its markup is judged by the rules only (see clean_lines).
    structured = article.meta.get("format") == "html"
    allowed = html_reasons if structured else None

    bylines: set[int] = set()  # credit lines, kept in the text or not

    def label(title: str) -> list[tuple[str, str | None]]:
        out = clean_lines(lines, title, structured)
        bylines.clear()
        bylines.update(i for i, (_, reason) in enumerate(out) if reason == "byline")
        if allowed is None:
            return out
        return [(line, reason if reason in allowed else None) for line, reason in out]

    labelled = label(title)
    headline_line = None
    junk_reason = _junk_title_reason(title)
    if junk_reason is not None:
        headline_line = _first_headline(labelled)
        if headline_line is not None:
            title = lines[headline_line].strip()
            labelled = label(title)
    authors = list(article.authors)
    meta = dict(article.meta)
    # Authors the publisher's markup names beat a byline-shaped line of the body, which on
    # HTML pages is as often a photo credit or a related-article teaser.
    from_markup = bool(authors) and str(meta.get("authors_from", "")).startswith(
        ("jsonld", "meta", "byline")
    )
    removed = list(article.removed)
    comments = list(article.comments)
    kept: list[str] = []
    section: list[str] = []
    seen_paragraphs = 0
    dated = "dateline" in meta  # one dateline per article
    for number, (line, reason) in enumerate(labelled):
        if number == headline_line:
            continue  # promoted to the title
        if reason == "reader-comments":
            section.append(line)
            if line.strip():
                removed.append(Removed(line.strip(), reason, number))
            continue
        # on an HTML page a byline line only fills authors when the page gave none, and it
        # does so whether or not the line leaves the text
        if number in bylines and not from_markup and not (structured and article.authors):
            _add_people(parse_byline(line), authors, meta)
        if reason is not None:
            removed.append(Removed(line.strip(), reason, number))
            continue
        # a video player's button glued to an opening paragraph ("CLOSE Police said ...")
        button = _PLAYER_LABEL.match(line) if seen_paragraphs < _DATELINE_WINDOW else None
        if button is not None and (allowed is None or "navigation" in allowed):
            removed.append(Removed(button.group(1), "navigation", number))
            line = line[button.end() :]
        if line.strip() and not dated:
            early = seen_paragraphs < _DATELINE_WINDOW
            seen_paragraphs += 1
            dateline = parse_dateline(line.strip())
            # past the first paragraphs only a full wire dateline ("LAS VEGAS (AP) —") counts:
            # the story proper starts there, after a teaser or another story's lines
            if dateline is not None and (early or (dateline.place and dateline.wire)):
                dated = True
                if dateline.place:
                    meta["dateline"] = dateline.place
                if dateline.wire:
                    meta["wire"] = dateline.wire
                # the place and wire are read either way
                if not keep_datelines:
                    removed.append(Removed(dateline.prefix.strip(), "dateline", number))
                    line = line.strip()[len(dateline.prefix) :]
        kept.append(line.rstrip())
    comments += comment_paragraphs(section)
    masthead = read_masthead(labelled)
    outlet, published = article.outlet, article.published
    if outlet is None and masthead.outlet is not None:
        outlet, meta["outlet_from"] = masthead.outlet, "masthead"
    if published is None and masthead.published is not None:
        published, meta["published_from"] = masthead.published, "masthead"
    if published is None:
        stated = published_line(labelled)
        if stated is not None:
            published, meta["published_from"] = stated, "published-line"
    if headline_line is not None and junk_reason is not None:
        removed.insert(0, Removed(article.title, junk_reason, -1))
        meta["page_title"] = article.title
    text = _BLANKS.sub("\n\n", "\n".join(kept)).strip("\n")
    return dataclasses.replace(
        article,
        title=title,
        outlet=outlet,
        published=published,
        text=text,
        authors=authors,
        meta=meta,
        removed=removed,
        comments=comments,
    )


def _junk_title_reason(title: str) -> str | None:
    """Why a title line is page furniture rather than a headline (None if it looks fine).

    Plain-text dumps of web pages often start with a section label or a widget instead of
    the headline; a title of at most three words without a lowercase word is taken as such
    a label only when a proper headline follows (see ``_first_headline``).
    """
    stripped = title.strip()
    if not stripped:
        return "navigation"
    reason = rule_reason(stripped)
    if reason is not None:
        return reason
    tokens = stripped.split()
    if len(tokens) <= 3 and not any(t[:1].islower() for t in tokens):
        return "navigation"
    return None


def _first_headline(labelled: list[tuple[str, str | None]]) -> int | None:
    """Line number of a headline-shaped line (4-25 words, no final period) that comes before
    any prose, skipping widget lines; None when the text opens with prose."""
    for number, (line, reason) in enumerate(labelled):
        stripped = line.strip()
        if not stripped or reason not in (None, "boilerplate"):
            continue
        words = stripped.split()
        # a video's caption behind the player's button ("CLOSE Four shops open ... Jane
        # Doe") is shaped like a headline but names the video and its maker
        if _PLAYER_LABEL.match(stripped):
            return None
        if 4 <= len(words) <= 25 and stripped[-1] not in ".!?\"'”’:" and stripped[0].isupper():
            return number
        return None
    return None


def _add_people(byline: object, authors: list[str], meta: dict[str, object]) -> None:
    from newsbrief.clean.meta import Byline

    if not isinstance(byline, Byline):
        return
    known = {a.lower() for a in authors}
    for name in byline.authors:
        if name.lower() not in known:
            authors.append(name)
            known.add(name.lower())
    for key, people in (("interviewers", byline.interviewers), ("editors", byline.editors)):
        if people:
            existing = list(meta.get(key) or [])  # type: ignore[call-overload]
            meta[key] = existing + [p for p in people if p not in existing]
