"""benchmarks/summedits_halves.py: the reading half is the first half of the sorted documents,
and its table equals what `eval conflict` scores (round 11, summedits11). Texts written here."""

from types import ModuleType

import pytest

from newsbrief.eval.conflict import balanced_accuracy, judge

DOC_A = "The council approved the new budget on Tuesday. The mayor welcomed the vote."
DOC_B = "The museum reopened on Friday after a long repair. Visitors queued outside."


def _rows() -> list[dict]:
    rows = []
    for doc_id, doc, good, bad in (
        ("d2", DOC_B, "The museum reopened on Friday.", "The museum reopened on Sunday in 1999."),
        (
            "d1",
            DOC_A,
            "The council approved the new budget.",
            "The council did not approve the new budget.",
        ),
    ):
        rows.append(
            {
                "id": f"{doc_id}_0",
                "doc_id": doc_id,
                "doc": doc,
                "summary": good,
                "label": 1,
                "edit_types": [],
            }
        )
        rows.append(
            {
                "id": f"{doc_id}_1",
                "doc_id": doc_id,
                "doc": doc,
                "summary": bad,
                "label": 0,
                "edit_types": ["x"],
            }
        )
    return rows


@pytest.fixture()
def halves_script(benchmark_script) -> ModuleType:  # type: ignore[no-untyped-def]
    return benchmark_script("summedits_halves")


def test_reading_half_is_the_first_sorted_documents(halves_script: ModuleType) -> None:
    parts = halves_script.halves(_rows())
    assert {r["doc_id"] for r in parts["reading"]} == {"d1"}
    assert {r["doc_id"] for r in parts["check"]} == {"d2"}


def test_score_uses_the_eval_conflict_judge(halves_script: ModuleType) -> None:
    rows = _rows()
    table, judged = halves_script.score(rows)
    gold = [r["label"] for r in rows]
    pred = [int(judge(r["summary"], r["doc"])[0]) for r in rows]
    assert table["balanced accuracy"] == f"{balanced_accuracy(gold, pred):.2f}"
    assert table["consistent flagged"].endswith("/ 2")
    assert len(judged) == len(rows)
