"""Integration checks on the seed articles; the rules themselves are general."""

from __future__ import annotations

from pathlib import Path

from newsbrief.annotate import annotate
from newsbrief.annotate.quotes import shown_from
from newsbrief.records import Article


def _load(path: Path) -> Article:
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    art = Article(id=path.stem, source=str(path), title=lines[0], text="\n".join(lines[1:]))
    try:
        from newsbrief.clean import clean_article

        art = clean_article(art)
    except Exception:  # the clean stage is optional for these checks
        pass
    return annotate(art)


def _find(seeds_dir: Path, needle: str) -> Article:
    for path in sorted(seeds_dir.glob("*.txt")):
        if needle in path.read_text(encoding="utf-8"):
            return _load(path)
    raise AssertionError(f"no seed contains {needle!r}")


def test_mr_karim_quote_goes_to_full_name(seeds_dir: Path) -> None:
    art = _find(seeds_dir, "Mr Karim said")
    by_cue = [q for q in art.quotes if q.speaker_text == "Mr Karim"]
    assert by_cue and by_cue[0].kind == "direct"
    assert by_cue[0].speaker == "Ali Yasin Muhammad Karim"
    # the later "he said" quote and "the ambassador said" resolve to the same person
    assert {q.speaker for q in art.quotes if q.speaker_text in ("he", "the ambassador")} == {
        "Ali Yasin Muhammad Karim"
    }


def test_kuwait_article_quotes_go_to_the_three_ambassadors(seeds_dir: Path) -> None:
    art = _find(seeds_dir, "Iraqi Ambassador to Kuwait")
    direct = [q for q in art.quotes if q.kind == "direct"]
    speakers = {q.speaker for q in direct}
    assert speakers == {"Alaa Al-Hashemi", "Ali Reza Enayati", "Matthew Lodge"}
    roles = {m.entity for m in art.mentions if m.kind == "person"}
    assert {"Alaa Al-Hashemi", "Ali Reza Enayati", "Matthew Lodge"} <= roles


def test_all_seed_offsets_are_consistent(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        art = _load(path)
        assert art.sentences
        for item in [*art.sentences, *art.mentions, *art.dates]:
            assert art.text[item.start : item.end] == item.text
        assert all(shown_from(art.text, q) for q in art.quotes)


def test_the_charge_d_affaires_he_is_not_the_ayatollah_of_the_aside(seeds_dir: Path) -> None:
    # issue 17: "He affirmed ..." follows al-Tai's quote, whose aside names al-Sistani
    art = _find(seeds_dir, "Hassoun al-Tai")
    affirmed = [q for q in art.quotes if q.cue == "affirmed" and q.speaker_text == "He"]
    assert affirmed
    assert {q.speaker for q in affirmed} == {"Riad Hassoun al-Tai"}
