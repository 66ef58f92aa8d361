"""Opposite words said of the same thing: "profits rose" / "profits fell", "likely" / "unlikely".

``conflict_checks`` has a first antonym list that needs nothing around the two words. The pairs
here are more common words, so a swap counts only when the two words describe the same thing:
a content word within WINDOW words of the opposite word on one side also stands within WINDOW
words of its opposite on the other ("*profit* rose" / "*profit* fell"). A negator just before
either word turns the opposite back ("did not rise" / "fell"), so the pair is then left alone.
Besides the list, a word and the same word with the prefix "un" ("likely" / "unlikely").
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsbrief.text import STOP_WORDS, stem

# General English contraries that news text states of one thing (not classifiers such as
# "public" / "private" or "male" / "female", which an article uses to set two groups side by side); inflections are listed
# because the words are matched as written (a stem would join "fell" the verb and the noun).
_PAIRS = """
buy sell | bought sold | buying selling | buyer seller | buyers sellers
import export | imports exports | imported exported
praised criticized | praised criticised | praise criticism | praised condemned
welcomed condemned | welcomed criticized | welcomed criticised | welcomes condemns
upheld overturned | uphold overturn | upholds overturns
surplus deficit | inflation deflation | expansion contraction | expanding contracting
expand shrink | expanded contracted | expanded shrank | grew shrank | growing shrinking
grow shrink | grows shrinks | rising falling | rises falls | increasing decreasing
increases decreases | improve worsen | improved worsened | improving worsening
improvement deterioration | better worse | optimistic pessimistic | optimism pessimism
positive negative | rich poor | richest poorest | wealthy poor | youngest oldest
temporary permanent | include exclude
included excluded | includes excludes | winner loser | winners losers | winning losing
succeeded failed | successful unsuccessful | mandatory voluntary | lawful unlawful
legally illegally | constitutional unconstitutional | fastest slowest | faster slower
stronger weaker | strongest weakest | hotter colder | warmer colder | hottest coldest
wettest driest | cheapest costliest | gains losses | gained lost | profits losses
profitable unprofitable | surge plunge | surged plunged | soared plunged | soared slumped
jumped fell | jumped dropped | climbed fell | climbed dropped | boosted hurt | upgrade downgrade
upgraded downgraded | bullish bearish | strengthen weaken | tighten loosen | tightened loosened
tightening easing | raise lower | hike cut | hiked cut | attack defend | attacked defended
offensive defensive | rise decline | rises declines | rising declining | ally rival
allies rivals | friend enemy | friends enemies | friendly hostile | love hate | loved hated
praise blame | innocent guilty | prosecution defense | prosecutors defense | guilty acquitted
entered exited | enter exit | entering leaving | inside outside | inbound outbound
before after | above below | maximum minimum | senior junior | urban rural | beginning end
beat missed | beats misses | topped missed | exceeded missed | surpassed missed | beat lost
declined rose | declined climbed | declined increased | declined gained | decreased rose
fell climbed | fell gained | fell increased | fell grew | dropped climbed | dropped gained
dropped increased | slipped rose | slipped climbed | slid rose | slumped rose | tumbled rose
plunged rose | plunged jumped | surged fell | surged dropped | soared fell | soared dropped
troubled thriving | troubled healthy | struggling booming | boom bust | high low | highs lows
majority minority | most least | many few | always never | all none | everyone nobody
""".strip()
_OPPOSITE: dict[str, set[str]] = {}
for _pair in _PAIRS.replace("\n", "|").split("|"):
    if _pair.strip():
        _x, _y = _pair.split()
        _OPPOSITE.setdefault(_x, set()).add(_y)
        _OPPOSITE.setdefault(_y, set()).add(_x)

# "un" words whose rest is another word, not the opposite ("unrest" / "rest", "untold")
_NOT_UN = frozenset({"unrest", "untold", "until", "unless", "under", "united", "union", "unit"})
# a negator, or a hedge that says "almost not" ("little changed" is "unchanged")
_NEGATORS = frozenset(
    {"not", "no", "never", "without", "nor", "cannot", "little", "barely", "hardly", "scarcely"}
)
_WORD = re.compile(r"[a-z]+(?:'t)?")
WINDOW = 3


@lru_cache(maxsize=8_192)  # one side of a pair, compared with several others
def _view(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def _negated(toks: list[str], i: int) -> bool:
    return any(t in _NEGATORS or t.endswith("n't") for t in toks[max(0, i - 3) : i])


def _context(toks: list[str], i: int) -> set[str]:
    around = toks[max(0, i - WINDOW) : i] + toks[i + 1 : i + 1 + WINDOW]
    return {stem(w) for w in around if len(w) > 2 and w not in STOP_WORDS and w not in _OPPOSITE}


def _opposite(x: str, y: str) -> bool:
    if y in _OPPOSITE.get(x, ()):
        return True
    for short, long in ((x, y), (y, x)):
        if long == "un" + short and len(short) >= 4 and long not in _NOT_UN:
            return True
    return False


def opposite_swaps(a: str, b: str) -> list[tuple[str, str]]:
    """(word of ``a``, word of ``b``): opposites said of one thing, each side lacking the
    other's word."""
    ta, tb = _view(a), _view(b)
    set_a, set_b = set(ta), set(tb)
    cands_a = [
        i
        for i, w in enumerate(ta)
        if w not in set_b and (w in _OPPOSITE or w.startswith("un") or "un" + w in set_b)
    ]
    if not cands_a:
        return []
    out: list[tuple[str, str]] = []
    for i in cands_a:
        x = ta[i]
        for j, y in enumerate(tb):
            if y in set_a or not _opposite(x, y):
                continue
            if _negated(ta, i) or _negated(tb, j):
                continue  # "did not rise" says "fell"
            if _context(ta, i) & _context(tb, j):
                out.append((x, y))
                break
    return out
