"""General attributions (round 3): a learned cue, its subject and the rest of the clause.
Texts written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

from newsbrief.annotate import annotate
from newsbrief.annotate.attributed import match_general
from newsbrief.annotate.cue_lexicon import CUES
from newsbrief.annotate.quotes import shown_from
from newsbrief.records import Article, Quote


def _quotes(text: str) -> list[Quote]:
    art = annotate(Article(id="r3", source="t", text=text, published="2024-05-14"))
    for q in art.quotes:
        assert shown_from(art.text, q)
    return art.quotes


def test_stance_verb_with_a_noun_phrase_is_an_attribution() -> None:
    (q,) = _quotes("Senator Lara Voss criticized the new tariff plan.")
    assert (q.kind, q.cue, q.speaker, q.text) == (
        "attributed",
        "criticized",
        "Lara Voss",
        "the new tariff plan",
    )


def test_two_attributions_in_one_sentence() -> None:
    text = "Mayor Ana Ruiz praised the budget; Councillor Tom Bell called for a fresh vote."
    got = [(q.cue, q.text) for q in _quotes(text)]
    assert got == [("praised", "the budget"), ("called for", "a fresh vote")]


def test_called_x_y_small_clause_and_participle_share_the_subject() -> None:
    (q,) = _quotes("Ana Ruiz called the plan a costly mistake.")
    assert q.text == "the plan a costly mistake" and q.speaker == "Ana Ruiz"
    text = "Tom Bell attacked the levy in a long speech, calling it a tax on the poor."
    first, second = _quotes(text)
    assert first.text == "the levy in a long speech"  # the participle starts a new content
    assert (second.cue, second.text, second.speaker) == (
        "calling",
        "it a tax on the poor",
        "Tom Bell",
    )


def test_cue_of_a_direct_quote_adds_nothing() -> None:
    quotes = _quotes("“We will win this,” Ana Ruiz said, smiling at the crowd.")
    assert [q.kind for q in quotes] == ["direct"]


def test_speech_cue_with_a_clause_stays_reported() -> None:
    text = "Chief engineer Dora Quist said on Friday that the deck had cracked."
    (q,) = _quotes(text)
    assert q.kind == "reported" and q.text == "the deck had cracked"


def test_plain_narration_has_no_attribution() -> None:
    assert _quotes("The river rose two metres overnight and the bridge was closed.") == []


def test_match_general_skips_cues_inside_taken_spans() -> None:
    s = "Lara Voss criticized the plan."
    assert match_general(s, [(0, len(s))]) == []
    ((subj, _, cue, (a, b), kind),) = match_general(s, [])
    assert (subj, cue, s[a:b], kind) == ("Lara Voss", "criticized", "the plan", "attributed")


def test_shipped_lexicon_is_words_only() -> None:
    assert 50 < len(CUES) < 1000
    assert {"criticized", "called for", "praised"} <= CUES
    assert all(k == k.lower() and 1 <= len(k.split()) <= 2 for k in CUES)
    assert not CUES & {"the", "week", "times", "repeatedly"}


def _record() -> dict:
    text = "Ana Ruiz praised the budget. Tom Bell praised the levy. Ana Ruiz praised the mayor."
    atts = []
    for i, obj in enumerate(("the budget", "the levy", "the mayor")):
        cue = [j for j in range(len(text)) if text.startswith("praised", j)][i]
        c0 = text.index(obj, cue)
        atts.append(
            {
                "cue": [{"start": cue, "end": cue + 7, "text": "praised"}],
                "content": [{"start": c0, "end": c0 + len(obj), "text": obj}],
                "source": [],
            }
        )
    return {"text": text, "attributions": atts}


def test_fit_keeps_a_cue_that_finds_gold_attributions(tmp_path: Path, fit_cues) -> None:
    # the fitting script lives in benchmarks/, outside the runtime stages
    rec = _record()
    assert fit_cues.candidates([rec], min_count=3) == {"praised": 3}
    kept = fit_cues.fit([json.loads(json.dumps(rec))], min_count=3, min_tp=3, min_precision=0.5)
    assert kept == {"praised": (3, 3)}
    # fitting leaves the shipped lexicon in place
    (q,) = _quotes("Lara Voss criticized the plan.")
    assert q.cue == "criticized"
