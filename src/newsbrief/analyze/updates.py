"""A later report raising a count is an update, not a dispute (issue 16).

"11 injured" on Tuesday and "14 injured" on Wednesday disagree only if both describe the same
moment. When every article holding each figure is dated, the figures rise strictly with the
day they were reported, and the count is cumulative (injured, dead, arrested: numbers that
only grow as news comes in), the brief shows "rose from 11 to 14 by 2024-05-15" instead of a
dispute. A later article still saying 11 keeps it a dispute: the story did not move on.
"""

from __future__ import annotations

from newsbrief.analyze.text import content_stems
from newsbrief.records import Article, ConflictValue, Update
from newsbrief.text import stem, words

# Counts that only grow as a story develops; a stem in every side's sentence (or the counted
# noun itself) marks the slot as cumulative. Prices, ages and scores are not in it.
_CUMULATIVE_WORDS = """injured injuries hurt wounded dead deaths died killed fatalities casualties
    victims toll missing arrested arrests detained charged evacuated displaced rescued
    hospitalised hospitalized infected infections cases confirmed affected homeless"""
CUMULATIVE = frozenset(stem(w) for w in _CUMULATIVE_WORDS.split())


def _day(article: Article | None) -> str | None:
    if article is None or not article.published or article.published_inferred:
        return None  # a date guessed from the text cannot order two reports
    return article.published[:10]


def _counted(unit: str, value: ConflictValue) -> str:
    """How the text names what is counted: "people injured" rather than "people"."""
    for ref in value.sentences:
        for word in words(ref.text, fold=True):
            if stem(word) in CUMULATIVE and word != unit.lower():
                return f"{unit} {word}"
    return unit


def _cumulative(unit: str, value: ConflictValue) -> bool:
    if stem(unit.lower()) in CUMULATIVE:
        return True
    return any(CUMULATIVE & set(content_stems(ref.text)) for ref in value.sentences)


def as_update(
    unit: str, vals: dict[str, ConflictValue], by_id: dict[str, Article]
) -> Update | None:
    """An Update when the figures of one number slot rise with their report dates, else None.

    ``vals`` maps each figure's normalised value ("11") to the articles and sentences holding
    it, as ``find_conflicts`` gathers them.
    """
    if len(vals) < 2:
        return None
    sides: list[tuple[str, str, float, ConflictValue]] = []
    for norm, value in vals.items():
        days = [_day(by_id.get(a)) for a in value.articles]
        if not days or None in days or not _cumulative(unit, value):
            return None
        try:
            amount = float(norm)
        except ValueError:
            return None
        known = [d for d in days if d is not None]
        sides.append((min(known), max(known), amount, value))
    sides.sort(key=lambda s: (s[0], s[2]))
    for (_, last, amount, _), (first, _, later, _) in zip(sides, sides[1:], strict=False):
        if not (last < first and amount < later):
            return None  # same day, a later report with the old figure, or a fall
    shown = " to ".join(s[3].value for s in sides)
    description = f"{_counted(unit, sides[-1][3])}: rose from {shown} by {sides[-1][0]}"
    return Update(
        unit=unit,
        values=[s[3] for s in sides],
        dates=[s[0] for s in sides],
        description=description,
    )
