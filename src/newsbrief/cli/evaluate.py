"""`newsbrief eval`: scores on a labelled dataset, printed as a table or JSON."""

from __future__ import annotations

import json

import click
from rich.table import Table

from newsbrief.cli.common import err, main, out

EVAL_TASKS = [
    "summarize",
    "cluster",
    "paraphrase",
    "quotes",
    "align",
    "conflict",
    "boilerplate",
    "extract",
]


@main.command(name="eval")
@click.argument("task", type=click.Choice(EVAL_TASKS))
@click.option(
    "--data",
    required=True,
    type=click.Path(exists=True),
    help="Labelled dataset file or folder, in the task's format (see the README's "
    "Evaluation section).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option(
    "--words",
    default=260,
    show_default=True,
    type=click.IntRange(10, 5000),
    help="summarize: word budget.",
)
@click.option(
    "--metric",
    type=click.Choice(["f1", "recall"]),
    default="f1",
    show_default=True,
    help="summarize: ROUGE F1, or recall on output truncated to --words.",
)
@click.option(
    "--stream", is_flag=True, help="cluster: replay items in time order through incremental add."
)
@click.option(
    "--semantic",
    is_flag=True,
    help="align, conflict: add rows that use sentence embeddings (the `embeddings` extra).",
)
def eval_(
    task: str, data: str, as_json: bool, words: int, metric: str, stream: bool, semantic: bool
) -> None:
    """Score newsbrief and the task's baselines on a labelled dataset."""
    from newsbrief.eval.run import run_task

    # a spinner on stderr while scoring, which can take minutes; nothing when not a terminal
    with err.status(f"scoring {task} on {data}"):
        result = run_task(task, data, words=words, metric=metric, stream=stream, semantic=semantic)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    metrics = list(dict.fromkeys(k for s in result.systems for k in s.metrics))
    table = Table(title=f"{task} on {data} (n={result.n})")
    table.add_column("system")
    for key in metrics:
        table.add_column(key, justify="right")
    table.add_column("seconds", justify="right")
    for system in result.systems:
        cells = [_fmt(system.metrics.get(k)) for k in metrics]
        table.add_row(system.name, *cells, f"{system.seconds:.1f}")
    out.print(table)
    for note in result.notes:
        out.print(note, markup=False)


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if abs(value) >= 1.5 else f"{value:.3f}"
