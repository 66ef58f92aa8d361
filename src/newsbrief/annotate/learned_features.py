"""Features of the learned attribution tagger (``annotate.learned``): one parsed sentence
(``Sent``), and the features of the cue, content and source models over it. Shared by the run
time and by ``benchmarks/fit_attribution.py``, which fits the weights."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from newsbrief.annotate import lexicon as lx
from newsbrief.annotate.cue_lexicon import CUES

# (char offset in the sentence, text, lower, POS, tag, dep, head index, entity type)
Tok = tuple[int, str, str, str, str, str, int, str]

CUE_POS = frozenset({"VERB", "NOUN", "ADJ", "AUX", "ADP"})
_QUOTES = frozenset('"“”«»„')
# dependents that never belong to the content of their cue
_NEVER_CONTENT = frozenset({"punct", "cc", "aux", "auxpass", "neg", "mark", "case"})
# a cue's objects (the addressee of "told reporters", or the content of "criticized the plan")
_OBJECTS = frozenset({"dobj", "dative", "iobj", "obj"})


def doc_tokens(doc: Any) -> list[Tok]:
    """The fields of a spaCy ``Doc`` the models read, in the cached training form."""
    return [(t.idx, t.text, t.lower_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in doc]


@dataclass(slots=True)
class Sent:
    """One parsed sentence: its tokens and, per token, children and whether inside quotes."""

    toks: Sequence[Tok]
    children: list[list[int]]
    quoted: list[bool]

    @classmethod
    def of(cls, toks: Sequence[Tok]) -> Sent:
        children: list[list[int]] = [[] for _ in toks]
        for i, t in enumerate(toks):
            if t[6] != i:
                children[t[6]].append(i)
        quoted, inside = [], False
        for t in toks:
            if t[1] in _QUOTES:
                inside = not inside
                quoted.append(False)
            else:
                quoted.append(inside)
        return cls(toks, children, quoted)

    def subtree(self, i: int) -> list[int]:
        out, todo = [], [i]
        while todo:
            j = todo.pop()
            out.append(j)
            todo.extend(self.children[j])
        return sorted(out)


_SUFFIXES = ("ings", "ers", "ing", "ed", "es", "er", "s")


def cue_stem(word: str) -> str:
    """A crude stem shared by a cue's forms ("supports", "supported", "supporting",
    "supporter": "support"), so a rare form borrows the weight of the others."""
    w = word.lower()
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    return w[:-1] if w.endswith("e") and len(w) > 3 else w


def _lower(s: Sent, i: int) -> str:
    return s.toks[i][2] if 0 <= i < len(s.toks) else "<none>"


def cue_features(s: Sent, i: int) -> list[str]:
    t = s.toks[i]
    w, pos, dep, h = t[2], t[3], t[5], t[6]
    st = cue_stem(w)
    head = s.toks[h]
    deps = {s.toks[c][5] for c in s.children[i]}
    f = [
        "b",
        f"w={w}",
        f"p={pos}",
        f"t={t[4]}",
        f"d={dep}",
        f"wd={w}|{dep}",
        f"wt={w}|{t[4]}",
        f"hw={head[2]}",
        f"hp={dep}|{head[3]}",
        f"whw={w}|{head[2]}",
        f"nx={_lower(s, i + 1)}",
        f"wnx={w}|{_lower(s, i + 1)}",
        f"pv={_lower(s, i - 1)}",
        f"wpv={w}|{_lower(s, i - 1)}",
        f"q={s.quoted[i]}",
        f"first={i == 0}",
        f"lex={w in lx.SPEECH_VERBS}|{w in CUES}|{pos}",
        f"st={st}",
        f"stp={st}|{pos}",
        f"std={st}|{dep}",
        f"stnx={st}|{_lower(s, i + 1)}",
    ]
    for d in deps:
        f.append(f"c={d}")
        f.append(f"wc={w}|{d}")
        f.append(f"stc={st}|{d}")
    for c in s.children[i]:
        if s.toks[c][5] in ("nsubj", "nsubjpass", "poss"):
            f.append(f"sp={s.toks[c][5]}|{s.toks[c][3]}|{s.toks[c][7]}")
            f.append(f"wsp={w}|{s.toks[c][3]}")
    return f


def content_candidates(s: Sent, i: int) -> Iterator[tuple[str, list[int], list[str]]]:
    """(kind, tokens, features) of the pieces that may be the content of cue ``i``: each
    dependent's subtree, and the clause the cue hangs on (its head's subtree without the cue's)."""
    t = s.toks[i]
    w, dep = t[2], t[5]
    kids = s.children[i]
    for c in kids:
        ct = s.toks[c]
        if ct[5] in _NEVER_CONTENT:
            continue
        side = "L" if c < i else "R"
        sub = s.subtree(c)
        first = s.toks[sub[0]][2]
        n = len(sub)
        size = "1" if n == 1 else "s" if n < 4 else "m" if n < 10 else "l"
        # past the cue's object ("told reporters *that …*", against "said *that …*")
        between = [s.toks[o][5] for o in kids if min(c, i) < o < max(c, i)]
        obj = any(d in _OBJECTS for d in between)
        yield (
            "child",
            sub,
            [
                "b",
                f"d={ct[5]}",
                f"ds={ct[5]}|{side}",
                f"p={ct[3]}|{side}",
                f"wd={w}|{ct[5]}",
                f"cd={dep}|{ct[5]}",
                f"f={first}|{ct[5]}",
                f"n={size}|{ct[5]}",
                f"e={ct[7]}|{ct[5]}",
                f"ob={obj}|{ct[5]}",
                f"wob={w}|{obj}|{ct[5]}",
            ],
        )
    h = t[6]
    if h != i:
        own = set(s.subtree(i))
        sub = [j for j in s.subtree(h) if j not in own]
        side = "L" if h < i else "R"
        yield (
            "head",
            sub,
            ["b", f"hd={dep}", f"hds={dep}|{side}", f"hw={w}|{dep}", f"hp={s.toks[h][3]}|{dep}"],
        )


# dependency labels along which a cue's speaker is the subject of a verb further up
_CHAIN = frozenset({"conj", "advcl", "xcomp", "ccomp", "acl", "relcl", "pcomp", "pobj", "prep"})


def source_candidates(s: Sent, i: int) -> Iterator[tuple[int, list[str]]]:
    """(token, features) of the words that may head the source of cue ``i``: its dependents,
    the objects of its prepositions ("according to X", "by X"), and its head's subject (a
    participle's or an infinitive's speaker)."""
    t = s.toks[i]
    w, dep = t[2], t[5]
    seen: list[tuple[int, str]] = []
    for c in s.children[i]:
        seen.append((c, "c"))
        if s.toks[c][5] in ("prep", "agent"):
            seen.extend((g, "pc") for g in s.children[c] if s.toks[g][5] == "pobj")
    h = t[6]
    if h != i:
        seen.extend((c, "h") for c in s.children[h] if s.toks[c][5] in ("nsubj", "nsubjpass"))
        if dep == "relcl":  # "X, who criticized …": the noun the clause describes
            seen.append((h, "rc"))
        # a chain of coordinated or subordinate verbs ("X said … and later accused Y of …",
        # "…, noting that …"): the subject of the first head up the chain that has one
        cur, depth = h, 2
        while depth <= 4 and s.toks[cur][5] in _CHAIN and s.toks[cur][6] != cur:
            if any(s.toks[c][5] in ("nsubj", "nsubjpass") for c in s.children[cur]):
                break
            up = s.toks[cur][6]
            subj = [c for c in s.children[up] if s.toks[c][5] in ("nsubj", "nsubjpass")]
            seen.extend((c, f"h{depth}") for c in subj)
            if subj:
                break
            cur, depth = up, depth + 1
    for c, rel in seen:
        ct = s.toks[c]
        if ct[5] in _NEVER_CONTENT:
            continue
        side = "L" if c < i else "R"
        yield (
            c,
            [
                "b",
                f"r={rel}|{ct[5]}",
                f"rs={rel}|{ct[5]}|{side}",
                f"p={ct[3]}",
                f"e={ct[7]}",
                f"wr={w}|{rel}|{ct[5]}",
                f"cd={dep}|{rel}|{ct[5]}",
                f"l={ct[2] if ct[3] == 'PRON' else ct[3]}",
            ],
        )
