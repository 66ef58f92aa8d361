"""`newsbrief eval conflict`: is a statement consistent with its document? (SummEdits news)

Each statement is aligned to the document's most similar sentences (IDF cosine over what is
said, as claims are); ``analyze.conflict_checks.compare`` then tests each aligned pair for entity,
number, date, negation and antonym conflicts. A statement is also inconsistent when it
names someone or something, or gives a number, that the document never mentions: an edit
that swaps in a new name leaves nothing in the document to conflict with. Rows: "always
consistent" (50 by definition) and "newsbrief"; balanced accuracy in percent.

With ``semantic=True`` (or ``NEWSBRIEF_EMBEDDINGS=1``; the ``embeddings`` extra) a
"newsbrief+embeddings" row adds one rule: a statement whose nearest document sentence has a
MiniLM cosine below SEM_SUPPORT_MIN says something the document does not. Ranking the
sentences by embedding cosine instead of (or as well as) IDF cosine did not help here
(balanced accuracy 69.1 and 70.1 against 70.1), so the alignment stays lexical.
"""

from __future__ import annotations

import time
from pathlib import Path

from newsbrief.errors import DataError
from newsbrief.eval import EvalResult, SystemScore
from newsbrief.eval.loaders import read_jsonl

TOP_K = 2  # document sentences a statement is compared with
# Fitted 2-fold over the dev documents (two ways of halving the four documents gave cuts
# 0.76 / 0.71 and 0.82 / 0.75); the middle of those four cuts.
SEM_SUPPORT_MIN = 0.75


def balanced_accuracy(gold: list[int], pred: list[int]) -> float:
    """Mean recall of the two classes, in percent (1 = consistent, 0 = inconsistent)."""
    recalls = []
    for label in (0, 1):
        idx = [i for i, g in enumerate(gold) if g == label]
        if idx:
            recalls.append(sum(pred[i] == label for i in idx) / len(idx))
    return round(100 * sum(recalls) / len(recalls), 2) if recalls else 0.0


def unsupported(statement: str, document: str) -> list[str]:
    """Names and numbers of ``statement`` that appear nowhere in ``document``."""
    from newsbrief.analyze.conflict_checks import _tokens as words
    from newsbrief.analyze.numbers import quantities
    from newsbrief.analyze.text import demonym_base
    from newsbrief.text import STOP_WORDS, stem

    doc_words = words(document)
    known = {stem(demonym_base(w.removesuffix("'s"))) for w in doc_words}
    known |= {w.lower() for w in doc_words}
    out: list[str] = []
    toks = words(statement)
    for i, w in enumerate(toks):
        if i == 0 or not w[:1].isupper() or w.lower().strip(".") in STOP_WORDS:
            continue
        if stem(demonym_base(w.removesuffix("'s"))) not in known and w.lower() not in known:
            out.append(w)
    doc_values = {q.value for q in quantities(document)}
    doc_values |= {float(w.replace(",", "")) for w in doc_words if w.replace(",", "").isdigit()}
    out += [q.text for q in quantities(statement) if q.value not in doc_values]
    # years and other bare figures quantities() leaves out ("in 1993") must appear too
    out += [w for w in toks if w.isdigit() and float(w) not in doc_values and w not in out]
    return out


def judge(statement: str, document: str, semantic: bool = False) -> tuple[bool, list[str]]:
    """(consistent?, reasons) for one statement against its document.

    ``semantic=True`` also flags a statement no document sentence is close to in meaning.
    """
    from newsbrief.analyze.attribution import claim_stems
    from newsbrief.analyze.conflict_checks import compare
    from newsbrief.analyze.text import cosine, idf_weights
    from newsbrief.annotate import split_sentences
    from newsbrief.annotate.dates import extract_dates

    sents = [s.text for s in split_sentences(document) if s.text.strip()]
    stems = [claim_stems(s) for s in sents]
    own = claim_stems(statement)
    idf = idf_weights([*stems, own])
    ranked = sorted(range(len(sents)), key=lambda i: -cosine(own, stems[i], idf))
    reasons = [f"unsupported: {w}" for w in unsupported(statement, document)]

    def dated(text: str) -> list[tuple[str, str]]:
        found = extract_dates(text, [], None)
        return [(d.value, d.text) for d in found if d.value and not d.relative]

    for i in ranked[:TOP_K]:
        if cosine(own, stems[i], idf) <= 0.0:
            break
        for f in compare(sents[i], statement, dated(sents[i]), dated(statement)):
            reasons.append(f"{f.kind}: {f.value_a} / {f.value_b}")
    if semantic and sents:
        from newsbrief.embeddings import cosine_matrix

        nearest = float(cosine_matrix([statement], sents).max())
        if nearest < SEM_SUPPORT_MIN:
            reasons.append(f"unsupported: nearest sentence cosine {nearest:.2f}")
    return not reasons, reasons


def _dated(text: str) -> list[tuple[str, str]]:
    from newsbrief.annotate.dates import extract_dates

    return [(d.value, d.text) for d in extract_dates(text, [], None) if d.value and not d.relative]


def false_alarms(pairs: list[tuple[str, str]]) -> float:
    """Percent of pairs known to agree that ``analyze.conflict_checks.compare`` calls a conflict."""
    from newsbrief.analyze.conflict_checks import compare

    flagged = sum(1 for a, b in pairs if compare(a, b, _dated(a), _dated(b)))
    return round(100 * flagged / len(pairs), 2) if pairs else 0.0


def agreeing_pairs(data_root: Path) -> dict[str, list[tuple[str, str]]]:
    """Pairs known to say the same thing, from the shared data beside SummEdits when present:
    MRPC pairs labelled paraphrase, and SuperPAL gold summary-document alignments."""
    from newsbrief.eval.align import load_topics

    out: dict[str, list[tuple[str, str]]] = {}
    mrpc = data_root / "dedup" / "mrpc" / "mrpc_dev.jsonl"
    if mrpc.exists():
        rows = read_jsonl(str(mrpc))
        out["MRPC paraphrases"] = [
            (str(r["text1"]), str(r["text2"])) for r in rows if int(r.get("label", 0)) == 1
        ]
    superpal = data_root / "claim_alignment" / "superpal_multinews" / "dev.jsonl"
    if superpal.exists():
        topics = load_topics(str(superpal))
        out["SuperPAL alignments"] = [
            (t.summary[i], t.docs[j]) for t in topics for i, j in sorted(t.gold)
        ]
    return out


def evaluate_conflict(path: str, semantic: bool | None = None) -> EvalResult:
    """Score "always consistent" and newsbrief on a SummEdits-style file.

    ``semantic`` adds the embedding row (None: as ``NEWSBRIEF_EMBEDDINGS`` says).
    """
    from newsbrief.embeddings import enabled

    rows = read_jsonl(path)
    items: list[tuple[str, str, int]] = []
    for n, row in enumerate(rows):
        if not {"doc", "summary", "label"} <= set(row):
            raise DataError(f"{path}: record {n + 1} lacks doc/summary/label")
        items.append((str(row["doc"]), str(row["summary"]), int(row["label"])))
    if not items:
        raise DataError(f"{path}: no records")
    gold = [y for _, _, y in items]
    result = EvalResult(task="conflict", data=str(Path(path)), n=len(items))
    result.systems.append(
        SystemScore(
            "always consistent", {"balanced_accuracy": balanced_accuracy(gold, [1] * len(gold))}
        )
    )
    t0 = time.perf_counter()
    pred = [int(judge(s, d)[0]) for d, s, _ in items]
    result.systems.append(
        SystemScore(
            "newsbrief",
            {"balanced_accuracy": balanced_accuracy(gold, pred)},
            time.perf_counter() - t0,
        )
    )
    if enabled(semantic):
        t0 = time.perf_counter()
        pred = [int(judge(s, d, semantic=True)[0]) for d, s, _ in items]
        result.systems.append(
            SystemScore(
                "newsbrief+embeddings",
                {"balanced_accuracy": balanced_accuracy(gold, pred)},
                time.perf_counter() - t0,
            )
        )
        result.notes.append(
            f"newsbrief+embeddings: all-MiniLM-L6-v2, SEM_SUPPORT_MIN {SEM_SUPPORT_MIN} chosen "
            "2-fold over these documents (2-fold scored 73.0 and 70.3 for two halvings), so "
            "its figure here is optimistic; its time includes loading the model"
        )
    # False alarms on pairs known to agree (issue 16): the shared data layout puts SummEdits
    # at <root>/claim_conflict/summedits_news/dev.jsonl
    root = Path(path).resolve().parent.parent.parent
    for name, pairs in agreeing_pairs(root).items():
        t0 = time.perf_counter()
        rate = false_alarms(pairs)
        result.systems.append(
            SystemScore(f"newsbrief on {name}", {"false_alarm_pct": rate}, time.perf_counter() - t0)
        )
        result.notes.append(f"{name}: {len(pairs)} pairs that agree; false_alarm_pct flagged")
    result.notes.append(
        f"{sum(gold)} consistent, {len(gold) - sum(gold)} inconsistent statements; each aligned "
        f"to its {TOP_K} most similar document sentences; no weight is fitted on this data, "
        "but the rules were revised after reading its errors: a dev figure, not a held-out one"
    )
    return result
