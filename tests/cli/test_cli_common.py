"""What every command shares: help texts, one-line errors with a hint, untrusted text
shown as written."""

from __future__ import annotations

from cli_corpus import write_corpus
from click.testing import CliRunner

from newsbrief.cli import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, main


def test_help_lists_every_command():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("run", "add", "stories", "brief", "eval"):
        assert command in result.output


def test_every_option_of_every_command_has_help_text():
    import click

    missing = [
        f"{name} {'/'.join(param.opts)}"
        for name, command in main.commands.items()
        for param in command.params
        if isinstance(param, click.Option) and not (param.help or "").strip()
    ]
    assert missing == []


def test_errors_are_one_line_with_a_hint(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(main, ["stories", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == EXIT_FAILED
    assert missing.output.count("\n") == 1 and "hint:" in missing.output
    db = tmp_path / "nb.db"
    runner.invoke(
        main,
        ["run", str(write_corpus(tmp_path / "in")), "--db", str(db), "--out", str(tmp_path / "o")],
    )
    unknown = runner.invoke(main, ["brief", "nope", "--db", str(db)])
    assert unknown.exit_code == EXIT_FAILED and "newsbrief stories" in unknown.output
    usage = runner.invoke(main, ["run"])
    assert usage.exit_code == EXIT_USAGE


def test_a_bad_file_name_with_brackets_is_reported_as_written(tmp_path):
    corpus = write_corpus(tmp_path / "in")
    (corpus / "[bold]odd[red].jsonl").write_text("{not json\n")
    result = CliRunner().invoke(
        main, ["run", str(corpus), "--db", str(tmp_path / "x.db"), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == EXIT_PARTIAL, result.output
    assert "[bold]odd[red].jsonl:1" in result.output


def test_a_headline_with_brackets_is_shown_as_written(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    title = "Council [bold]votes[/] on the [red] budget"
    (corpus / "a.txt").write_text(
        f"{title}\n\nThe council voted on the budget on Monday, the mayor said.\n"
    )
    result = CliRunner().invoke(
        main,
        ["run", str(corpus), "--db", str(tmp_path / "x.db"), "--out", str(tmp_path / "o")],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == EXIT_OK, result.output
    assert "[bold]votes[/]" in result.output


def test_every_command_has_help_text_listed_whole():
    missing = [name for name, command in main.commands.items() if not (command.help or "").strip()]
    assert missing == []
    # an 80-column terminal: the list shows each command's summary, not a cut-off sentence
    listing = CliRunner().invoke(main, ["--help"], env={"COLUMNS": "80"}).output
    commands = listing.split("Commands:\n", 1)[1].splitlines()
    assert len(commands) == len(main.commands)
    assert not [line for line in commands if line.endswith("...")]
