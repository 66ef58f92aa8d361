"""The learned attribution tagger: shipped weights, the parse it reads, and where it runs."""

from __future__ import annotations

from importlib import resources

import pytest

from newsbrief import parse
from newsbrief.annotate import annotate, learned, speakers
from newsbrief.errors import ConfigError
from newsbrief.records import Article

TEXT = (
    "The council met on Monday to discuss the flooded underpass on Mill Road.\n"
    "Councillor Ada Brennick criticized the decision to close the underpass for a month.\n"
    "The Rivermoor Water Board vetoed the plan to raise the water rates.\n"
    "Mayor Tom Hale has long supported a new pumping station near the river.\n"
)


def test_the_shipped_model_is_small_weights_only_and_loads() -> None:
    path = resources.files("newsbrief").joinpath("data/attribution_model.json")
    assert len(path.read_bytes()) < 500_000
    m = learned.model()
    assert 0.0 < m.cue_threshold < 1.0
    for table in (m.cue, m.content, m.source):
        assert table and all(isinstance(w, float) for w in table.values())


def test_sent_reads_children_and_quotation_marks() -> None:
    # "He said “go now” ." with "said" the root
    toks = [
        (0, "He", "he", "PRON", "PRP", "nsubj", 1, ""),
        (3, "said", "said", "VERB", "VBD", "ROOT", 1, ""),
        (8, "“", "“", "PUNCT", "``", "punct", 1, ""),
        (9, "go", "go", "VERB", "VB", "ccomp", 1, ""),
        (12, "now", "now", "ADV", "RB", "advmod", 3, ""),
        (15, "”", "”", "PUNCT", "''", "punct", 1, ""),
    ]
    s = learned.Sent.of(toks)
    assert s.children[1] == [0, 2, 3, 5]
    assert s.subtree(3) == [3, 4]
    assert s.quoted == [False, False, False, True, True, False]
    assert {c for c, _ in learned.source_candidates(s, 1)} >= {0}


def test_mode_comes_from_the_argument_or_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(learned.ATTRIBUTIONS_ENV, raising=False)
    assert learned.attributions_mode() == "speech"
    monkeypatch.setenv(learned.ATTRIBUTIONS_ENV, "all")
    assert learned.attributions_mode() == "all"
    assert learned.attributions_mode("speech") == "speech"
    with pytest.raises(ConfigError, match="speech, all"):
        learned.attributions_mode("some")


@pytest.mark.skipif(not parse.available(), reason="spaCy model not installed")
def test_all_attributions_parse_every_sentence_and_the_default_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(speakers.QUOTE_PARSE_ENV, "1")
    monkeypatch.setitem(speakers.PARSED, "on", True)
    monkeypatch.delenv(learned.ATTRIBUTIONS_ENV, raising=False)
    parse.clear_cache()
    before = parse.parsed_words()
    default = annotate(Article(id="a", source="t", text=TEXT)).quotes
    assert parse.parsed_words() == before  # no quote, no speaker in doubt: nothing parsed
    full = annotate(Article(id="a", source="t", text=TEXT), attributions="all").quotes
    assert parse.parsed_words() > before
    added = [q for q in full if q not in default]
    assert added and all(q.kind == "attributed" for q in added)
    # cues outside the pattern lexicon, found by the tagger with their subjects as sources
    assert any(q.speaker_text and "Rivermoor" in q.speaker_text for q in added)
    assert any(q.speaker_text and "Hale" in q.speaker_text for q in added)
    for q in added:  # spans are real offsets of the text
        assert TEXT[q.start : q.end] == q.text


def _told(verb: str, obj: bool) -> learned.Sent:
    """ "He told reporters that the plan failed." (or "He said that the plan failed.")"""
    words = ["He", verb] + (["reporters"] if obj else []) + ["that", "the", "plan", "failed", "."]
    k = 1 if obj else 0
    deps = [("PRON", "nsubj", 1), ("VERB", "ROOT", 1)]
    deps += [("NOUN", "dobj", 1)] if obj else []
    deps += [("SCONJ", "mark", 5 + k), ("DET", "det", 4 + k), ("NOUN", "nsubj", 5 + k)]
    deps += [("VERB", "ccomp", 1), ("PUNCT", "punct", 1)]
    toks, at = [], 0
    for w, (pos, dep, head) in zip(words, deps, strict=True):
        toks.append((at, w, w.lower(), pos, pos, dep, head, ""))
        at += len(w) + 1
    return learned.Sent.of(toks)


def test_content_pieces_know_whether_they_follow_the_cues_object() -> None:
    told = {
        tuple(sub): feats for _, sub, feats in learned.content_candidates(_told("told", True), 1)
    }
    said = {
        tuple(sub): feats for _, sub, feats in learned.content_candidates(_told("said", False), 1)
    }
    clause_told = told[(3, 4, 5, 6)]
    clause_said = said[(2, 3, 4, 5)]
    assert "ob=True|ccomp" in clause_told and "wob=told|True|ccomp" in clause_told
    assert "ob=False|ccomp" in clause_said
    assert "ob=False|dobj" in told[(2,)]


def test_a_cues_forms_share_one_stem_feature() -> None:
    from newsbrief.annotate.learned_features import cue_stem

    assert {cue_stem(w) for w in ("supports", "supported", "supporting", "supporter")} == {
        "support"
    }
    assert cue_stem("argue") == cue_stem("argued") == cue_stem("argues")
    assert cue_stem("warned") == cue_stem("warning") == "warn"
    assert cue_stem("said") == "said" and cue_stem("is") == "is"
    rare = learned.cue_features(_told("told", True), 1)
    assert "st=told" in rare and "std=told|ROOT" in rare and "stc=told|ccomp" in rare
    assert "st=warn" in learned.cue_features(_told("warned", True), 1)


def test_what_the_tagger_found_carries_its_parse_for_the_keep_model() -> None:
    m = learned.Model(
        {
            "cue": {"w=told": 5.0},
            "content": {"b": -5.0, "d=ccomp": 10.0},
            "source": {"b": -5.0, "r=c|nsubj": 10.0},
            "cue_threshold": 0.5,
        }
    )
    s = _told("told", True)
    f = m.expand(s, 1, 0.9)
    assert f is not None and f.source == (0, 2) and f.content == (18, 38)
    assert f.parse == ("cue=VERB|ROOT", "pieces=ccomp", "src=c|nsubj|L", "srce=-")
