"""The keep model over non-direct statements (``annotate.keep``)."""

from __future__ import annotations

from newsbrief.annotate import keep, learned
from newsbrief.records import Quote

TEXT = "Officials said the bridge would reopen. The plan was criticized widely. He said: “Go.”"


def _q(kind: str, start: int, end: int, speaker_text: str | None, cue: str) -> Quote:
    return Quote(TEXT[start:end], kind, 0, start, end, None, speaker_text, cue)


def test_source_classes() -> None:
    assert keep.source_class(_q("reported", 15, 38, None, "said")) == "none"
    assert keep.source_class(_q("reported", 15, 38, "He", "said")) == "pron:he"
    assert keep.source_class(_q("reported", 15, 38, "Officials", "said")) == "cap"
    assert keep.source_class(_q("reported", 15, 38, "the officials", "said")) == "low"
    named = _q("reported", 15, 38, "he", "said")
    named.speaker_text, named.speaker = "the mayor", "Tom Hale"
    assert keep.source_class(named) == "name"


def test_filter_drops_only_non_direct_statements_under_the_threshold() -> None:
    reported = _q("reported", 15, 38, "Officials", "said")
    sourceless = _q("attributed", 40, 48, None, "criticized")
    direct = _q("direct", 81, 83, None, "said")
    quotes = [reported, sourceless, direct]
    meta = [("p", None, None, ()), ("t", 0.6, 0.0, ()), ("p", None, None, ())]
    weights = {"b": 1.0, "s=none": -3.0}
    kept = keep.keep_filter(TEXT, quotes, meta, weights, 0.5)
    assert kept == [reported, direct]  # a direct quote without a source is never dropped
    assert keep.keep_filter(TEXT, quotes, meta, {}, 0.5) == quotes  # no table: all kept
    feats = keep.keep_features(TEXT, sourceless, "t", 0.62, quotes, 0.71)
    assert (
        "sc=6" in feats
        and "sp=7|none" in feats
        and "k=attributed|t" in feats
        and "cw=criticized" in feats
        and "cst=criticiz" in feats
    )


def test_the_keep_model_reads_what_the_tagger_parsed() -> None:
    q = _q("attributed", 40, 48, "The plan", "criticized")
    parse = ("cue=VERB|ROOT", "pieces=dobj", "src=c|nsubj|L", "srce=ORG")
    feats = keep.keep_features(TEXT, q, "t", 0.62, [q], 0.71, parse)
    assert {"xcue=VERB|ROOT", "xpieces=dobj", "xsrc=c|nsubj|L", "xsrce=ORG"} <= set(feats)
    assert "xksrc=c|nsubj|L|cap" in feats
    # the weight of a parse feature moves the statement over the threshold
    meta = [("t", 0.62, 0.71, parse)]
    assert keep.keep_filter(TEXT, [q], meta, {"b": -1.0, "xsrce=ORG": 2.0}, 0.5) == [q]
    assert keep.keep_filter(TEXT, [q], [("t", 0.62, 0.71, ())], {"b": -1.0}, 0.5) == []


def test_the_shipped_model_has_a_keep_table() -> None:
    m = learned.model()
    assert m.keep and 0.0 < m.keep_threshold < 1.0


def _sent(toks: list[tuple[int, str, str, str, str, str, int, str]]) -> learned.Sent:
    return learned.Sent.of(toks)


def test_source_candidates_climb_a_chain_of_verbs() -> None:
    # "Kelly praised the show and referred to Clinton ." : "referred" a conj of "praised"
    toks = [
        (0, "Kelly", "kelly", "PROPN", "NNP", "nsubj", 1, "PERSON"),
        (6, "praised", "praised", "VERB", "VBD", "ROOT", 1, ""),
        (14, "the", "the", "DET", "DT", "det", 3, ""),
        (18, "show", "show", "NOUN", "NN", "dobj", 1, ""),
        (23, "and", "and", "CCONJ", "CC", "cc", 1, ""),
        (27, "referred", "referred", "VERB", "VBD", "conj", 1, ""),
        (36, "to", "to", "ADP", "IN", "prep", 5, ""),
        (39, "Clinton", "clinton", "PROPN", "NNP", "pobj", 6, "PERSON"),
    ]
    s = _sent(toks)
    assert 0 in {c for c, _ in learned.source_candidates(s, 5)}
    # a conj of a conj: the subject two heads up
    deeper = list(toks)
    deeper[5] = (27, "referred", "referred", "VERB", "VBD", "conj", 3, "")
    deeper[3] = (18, "show", "show", "VERB", "VBD", "conj", 1, "")
    feats = dict(learned.source_candidates(_sent(deeper), 5))
    assert 0 in feats and "r=h2|nsubj" in feats[0]


def test_a_source_is_its_whole_phrase_but_never_its_cues_clause() -> None:
    # "The Water Board , which vetoed the plan , met ." with a model preferring the noun of a
    # relative clause, then "The Water Board vetoed the plan ." with its subject
    rel = [
        (0, "The", "the", "DET", "DT", "det", 2, ""),
        (4, "Water", "water", "PROPN", "NNP", "compound", 2, "ORG"),
        (10, "Board", "board", "PROPN", "NNP", "nsubj", 9, "ORG"),
        (16, ",", ",", "PUNCT", ",", "punct", 2, ""),
        (18, "which", "which", "PRON", "WDT", "nsubj", 5, ""),
        (24, "vetoed", "vetoed", "VERB", "VBD", "relcl", 2, ""),
        (31, "the", "the", "DET", "DT", "det", 7, ""),
        (35, "plan", "plan", "NOUN", "NN", "dobj", 5, ""),
        (40, ",", ",", "PUNCT", ",", "punct", 2, ""),
        (42, "met", "met", "VERB", "VBD", "ROOT", 9, ""),
    ]
    m = learned.Model(
        {
            "cue": {},
            "content": {"b": -5.0, "d=dobj": 10.0},
            "source": {"b": -5.0, "r=rc|nsubj": 10.0, "r=c|nsubj": 2.0},
            "cue_threshold": 0.5,
        }
    )
    f = m.expand(learned.Sent.of(rel), 5, 0.9)
    assert f is not None and f.source == (0, 15) and f.content == (31, 39)
    root = [
        (0, "The", "the", "DET", "DT", "det", 2, ""),
        (4, "Water", "water", "PROPN", "NNP", "compound", 2, "ORG"),
        (10, "Board", "board", "PROPN", "NNP", "nsubj", 3, "ORG"),
        (16, "vetoed", "vetoed", "VERB", "VBD", "ROOT", 3, ""),
        (23, "the", "the", "DET", "DT", "det", 5, ""),
        (27, "plan", "plan", "NOUN", "NN", "dobj", 3, ""),
    ]
    m.source = {"b": -5.0, "r=c|nsubj": 10.0}
    f = m.expand(learned.Sent.of(root), 3, 0.9)
    assert f is not None and f.source == (0, 15) and f.content == (23, 31)
