"""The brief's "Copies and rewrites" section: which article copies or rewrites which, and
the words a rewrite changed, shown in their sentence beside the original's."""

from __future__ import annotations

import difflib

from newsbrief.records import AlignedPair, Derivation
from newsbrief.render.citations import Sources
from newsbrief.render.escape import escape

# changed sentence pairs shown per copy, the most telling first; the JSON brief has all
MAX_PAIRS = 3

_KIND_PHRASE = {"exact": "an exact copy of", "near": "a near copy of", "rewrite": "a rewrite of"}


def _words(words: list[str]) -> str:
    return "“" + escape(" ".join(words)) + "”"


def _facts(words: list[str]) -> int:
    return sum(1 for w in words if w[:1].isupper() or any(c.isdigit() for c in w))


def _telling_first(pair: AlignedPair) -> tuple[int, int, int]:
    """Changed facts first: a swap of names or numbers on both sides, then small edits.

    Rewording changes many common words; a changed fact shows as a short swap of a name or
    a number, which is what a reader checking a rewrite needs to see.
    """
    swap = bool(_facts(pair.child_only) and _facts(pair.parent_only))
    size = len(pair.child_only) + len(pair.parent_only)
    return (0 if swap else 1, size, pair.child_sentence)


def derivation_lines(derivation: Derivation, src: Sources) -> list[str]:
    phrase = _KIND_PHRASE.get(derivation.kind, f"derived ({escape(derivation.kind)}) from")
    lines = [
        f"- {src.label(derivation.child)} is {phrase} {src.label(derivation.parent)}"
        f" (similarity {derivation.similarity:.2f})"
    ]
    differing = sorted(
        (p for p in derivation.pairs if p.child_only or p.parent_only), key=_telling_first
    )
    parent_mark = f"[{src.number(derivation.parent)}]"
    for pair in sorted(differing[:MAX_PAIRS], key=lambda p: p.child_sentence):
        where = f"sentence {pair.child_sentence + 1} (original {pair.parent_sentence + 1})"
        in_context = _in_context(pair.child_text, pair.parent_text)
        if in_context is not None:
            child_side, parent_side = in_context
            change = f"{child_side} where {parent_mark} has {parent_side}"
        elif pair.child_only and pair.parent_only:
            change = f"{_words(pair.child_only)} where the original has {_words(pair.parent_only)}"
        elif pair.child_only:
            change = f"adds {_words(pair.child_only)}"
        else:
            change = f"drops {_words(pair.parent_only)}"
        lines.append(f"  - {where}: {change}")
    if derivation.pairs and not differing:
        lines.append("  - aligned sentences are word-for-word the same")
    return lines


_CONTEXT_WORDS = 3  # words shown on each side of a change
_MAX_CHANGES = 2  # changed spans shown per sentence, the most telling first


def _token_key(token: str) -> str:
    return token.strip(".,;:!?\"'()“”‘’").lower()


def _in_context(child: str, parent: str) -> tuple[str, str] | None:
    """The changed words of each sentence in bold, with a few words around them:
    ``“… Ambassador of **Iran** …”``. None when the texts are not in the brief (briefs
    written before they were) or do not differ word for word.

    A rewrite often reorders a sentence, and a plain word diff then marks whole clauses;
    a swapped word shows best where the words around it are the same on both sides, so
    those anchored swaps are looked for first, and the word diff is the fallback.
    """
    if not child or not parent:
        return None
    a, b = child.split(), parent.split()
    ka, kb = [_token_key(t) for t in a], [_token_key(t) for t in b]
    spans = _anchored_swaps(ka, kb)
    if not spans:
        matcher = difflib.SequenceMatcher(None, ka, kb, False)
        spans = [op[1:] for op in matcher.get_opcodes() if op[0] != "equal"]
    if not spans:
        return None

    def telling(span: tuple[int, int, int, int]) -> tuple[int, int]:
        i1, i2, j1, j2 = span
        swap = _facts(a[i1:i2]) and _facts(b[j1:j2])
        return (0 if swap else 1, (i2 - i1) + (j2 - j1))

    ranked = sorted(spans, key=telling)
    if telling(ranked[0])[0] == 0:  # a swapped name or number says it all: rewording aside
        ranked = [span for span in ranked if telling(span)[0] == 0]
    shown = sorted(ranked[:_MAX_CHANGES])
    child_side = _excerpt(a, [(i1, i2) for i1, i2, _, _ in shown])
    parent_side = _excerpt(b, [(j1, j2) for _, _, j1, j2 in shown])
    return child_side, parent_side


def _anchored_swaps(ka: list[str], kb: list[str]) -> list[tuple[int, int, int, int]]:
    """Spans (child start, end, parent start, end) of one to three words that differ between
    the sentences while the two words before them, or after them, are the same on both."""
    in_b = set(kb)
    found: list[tuple[int, int, int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for i, key in enumerate(ka):
        if not key or key in in_b or i in used_a:
            continue
        for j in _anchor_matches(ka, kb, i):
            if kb[j] == key or j in used_b:
                continue
            end_a, end_b = _swap_end(ka, kb, i, j)
            found.append((i, end_a, j, end_b))
            used_a.update(range(i, end_a))
            used_b.update(range(j, end_b))
            break
    return found


def _swap_end(ka: list[str], kb: list[str], i: int, j: int) -> tuple[int, int]:
    """Where a swap starting at child word i and parent word j ends: the shortest spans (up
    to three words each) after which both sentences agree again ("carries" for "is used
    by"); one word each when they never do."""
    best: tuple[int, int, int] | None = None
    for la in range(1, 4):
        for lb in range(1, 4):
            ea, eb = i + la, j + lb
            if ea > len(ka) or eb > len(kb):
                continue
            realigned = (ea == len(ka) and eb == len(kb)) or (
                ea < len(ka) and eb < len(kb) and ka[ea] == kb[eb]
            )
            if realigned and (best is None or la + lb < best[0]):
                best = (la + lb, ea, eb)
    return (best[1], best[2]) if best else (i + 1, j + 1)


def _anchor_matches(ka: list[str], kb: list[str], i: int) -> list[int]:
    """Parent positions whose two neighbours on one side equal child word i's."""
    matches = []
    before, after = tuple(ka[max(0, i - 2) : i]), tuple(ka[i + 1 : i + 3])
    for j in range(len(kb)):
        left_ok = len(before) == 2 and tuple(kb[max(0, j - 2) : j]) == before
        right_ok = len(after) == 2 and tuple(kb[j + 1 : j + 3]) == after
        if left_ok or right_ok:
            matches.append(j)
    return matches


def _excerpt(tokens: list[str], changes: list[tuple[int, int]]) -> str:
    """The tokens around each change, changed ones in bold, gaps as “…”."""
    bold = {i for start, end in changes for i in range(start, end)}
    keep: set[int] = set()
    for start, end in changes:
        # an insertion on the other side is an empty span here: its context is still shown
        keep.update(range(max(0, start - _CONTEXT_WORDS), min(len(tokens), end + _CONTEXT_WORDS)))
    parts: list[str] = []
    previous = -1
    for i in sorted(keep):
        if i != previous + 1:
            parts.append("…")
        word = escape(tokens[i])
        if i in bold:
            if parts and parts[-1].endswith("**") and i - 1 in bold and i - 1 in keep:
                parts[-1] = parts[-1][:-2] + " " + word + "**"
            else:
                parts.append(f"**{word}**")
        else:
            parts.append(word)
        previous = i
    if keep and max(keep) < len(tokens) - 1:
        parts.append("…")
    return "“" + " ".join(parts) + "”"
