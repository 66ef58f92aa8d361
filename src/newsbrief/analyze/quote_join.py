"""One statement quoted in two parts around its cue is shown as one quote.

"“The best part,” Lee said, “is that the team is learning.”" is one sentence of Lee's: annotate
finds two direct quotes (PolNeAR scores them as one attribution with a discontinuous content,
see ``eval.quotes._merge_split``), and a brief that lists "The best part" on its own shows a
fragment nobody can check. The brief joins them as "The best part … is that the team is
learning." with the offsets of the whole stretch, which ``annotate.quotes.shown_from`` accepts.
"""

from __future__ import annotations

from newsbrief.annotate.quote_split import split_between
from newsbrief.records import Quote


def split_gap(text: str, first: Quote, second: Quote) -> bool:
    """Whether ``second`` goes on with the sentence ``first`` left open: the first part ends
    on a comma inside its marks, only a cue clause stands between, and the second part opens
    in lower case (a capital opens a new sentence of the speaker: “A,” she said. “B.”)."""
    if first.end > second.start or second.start - first.end > 100:
        return False
    if not second.text[:1].islower():
        return False
    return split_between(text, first.end, second.start)


def join_split_quotes(text: str, quotes: list[Quote]) -> list[Quote]:
    """``quotes`` (one article's, in any order) with each direct quote split around its cue
    joined to its second part; other quotes unchanged."""
    out: list[Quote] = []
    for q in sorted(quotes, key=lambda q: q.start):
        prev = out[-1] if out else None
        if (
            prev is not None
            and q.kind == prev.kind == "direct"
            and q.speaker == prev.speaker
            and split_gap(text, prev, q)
        ):
            head = prev.text.rstrip(" ,")
            out[-1] = Quote(
                f"{head} … {q.text}",
                prev.kind,
                prev.sentence,
                prev.start,
                q.end,
                prev.speaker,
                prev.speaker_text,
                prev.cue,
            )
            continue
        out.append(q)
    return out
