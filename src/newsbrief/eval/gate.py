"""The quality gate: measured eval figures against the floors in one TOML file.

The floors file (``benchmarks/quality_floors.toml``) lists one ``[[check]]`` per gated figure:

- ``suite``: ``"full"`` (every dev set whole) or ``"fast"`` (the subset CI runs);
- ``run``: which eval run produces the figure (the runs are defined by ``benchmarks/gate.py``);
- ``system`` and ``metric``: the row and key of that run's scores (``--json`` names);
- ``figure``: what the run gave when the floor was set; ``margin``: the noise allowed below it;
  ``floor``: ``figure - margin``, the lowest figure that passes;
- optionally ``vs`` (another system of the same run, e.g. ``"trafilatura"``), ``vs_figure``
  (its figure when the floor was set, for the record) and ``vs_enforced``: when true the
  figure must also be at least that system's figure *in the same run* - a relative check,
  so a library upgrade that moves the baseline moves the bar with it.

This module only compares and formats; running the evals is ``benchmarks/gate.py``'s job.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from newsbrief.errors import ConfigError

SUITES = ("full", "fast")
# Figures are printed rounded (ROUGE to 0.01, the rest to 0.0001); a figure equal to its floor
# passes even after float noise in the subtraction that made the floor.
EPS = 1e-9

Key = tuple[str, str]  # (system, metric)
Scores = Mapping[str, Mapping[Key, float]]  # run id -> (system, metric) -> figure


@dataclass(slots=True)
class Check:
    suite: str
    run: str
    system: str
    metric: str
    margin: float
    figure: float
    floor: float
    vs: str | None = None
    vs_figure: float | None = None
    vs_enforced: bool = False


@dataclass(slots=True)
class Outcome:
    check: Check
    value: float | None
    vs_value: float | None
    ok: bool
    reason: str  # empty when ok


def _number(raw: object, where: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ConfigError(f"{where}: expected a number, got {raw!r}")
    return float(raw)


def parse_floors(text: str, source: str = "floors") -> list[Check]:
    """The checks of a floors file's text, validated."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not TOML ({exc})") from exc
    checks = []
    for n, raw in enumerate(data.get("check", []), 1):
        where = f"{source}: check {n}"
        missing = {"suite", "run", "system", "metric", "margin", "figure", "floor"} - set(raw)
        if missing:
            raise ConfigError(f"{where}: missing {', '.join(sorted(missing))}")
        if raw["suite"] not in SUITES:
            raise ConfigError(f"{where}: suite must be one of {', '.join(SUITES)}")
        check = Check(
            suite=str(raw["suite"]),
            run=str(raw["run"]),
            system=str(raw["system"]),
            metric=str(raw["metric"]),
            margin=_number(raw["margin"], where),
            figure=_number(raw["figure"], where),
            floor=_number(raw["floor"], where),
            vs=str(raw["vs"]) if raw.get("vs") is not None else None,
            vs_figure=_number(raw["vs_figure"], where) if "vs_figure" in raw else None,
            vs_enforced=bool(raw.get("vs_enforced", False)),
        )
        if check.margin < 0:
            raise ConfigError(f"{where}: negative margin")
        checks.append(check)
    keys = [(c.suite, c.run, c.system, c.metric) for c in checks]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise ConfigError(f"{source}: checks listed twice: {sorted(dupes)}")
    return checks


def load_floors(path: str | Path) -> list[Check]:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read floors file {p}: {exc}") from exc
    return parse_floors(text, str(p))


def compare(
    checks: Iterable[Check], scores: Scores, errors: Mapping[str, str] | None = None
) -> list[Outcome]:
    """Each check against the figures measured; a run that failed or a figure that is missing
    fails its checks, so a renamed metric or a crashed eval cannot pass by saying nothing."""
    errors = errors or {}
    out = []
    for c in checks:
        if c.run in errors:
            out.append(Outcome(c, None, None, False, f"run failed: {errors[c.run]}"))
            continue
        run = scores.get(c.run)
        if run is None:
            out.append(Outcome(c, None, None, False, "run not measured"))
            continue
        value = run.get((c.system, c.metric))
        vs_value = run.get((c.vs, c.metric)) if c.vs else None
        if value is None or math.isnan(value):
            out.append(Outcome(c, None, vs_value, False, "metric missing"))
            continue
        reasons = []
        if value < c.floor - EPS:
            reasons.append(f"below floor by {c.floor - value:.4g}")
        if c.vs and c.vs_enforced:
            if vs_value is None:
                reasons.append(f"{c.vs} missing from the run")
            elif value < vs_value - EPS:
                reasons.append(f"below {c.vs} by {vs_value - value:.4g}")
        out.append(Outcome(c, value, vs_value, not reasons, "; ".join(reasons)))
    return out


def fmt(value: float | None) -> str:
    """ROUGE and balanced accuracy are percentages shown to 0.01; 0-1 figures to 0.0001."""
    if value is None:
        return "–"
    return f"{value:.2f}" if abs(value) >= 2 else f"{value:.4f}"


def markdown_table(outcomes: Iterable[Outcome]) -> str:
    lines = [
        "| run | system | metric | figure | floor | margin | baseline (same run) | result |",
        "|---|---|---|---:|---:|---:|---|---|",
    ]
    for o in outcomes:
        c = o.check
        if c.vs:
            rule = "≥, checked" if c.vs_enforced else "shown only"
            base = f"{c.vs} {fmt(o.vs_value)} ({rule})"
        else:
            base = ""
        result = "pass" if o.ok else f"**FAIL** ({o.reason})"
        lines.append(
            f"| {c.run} | {c.system} | {c.metric} | {fmt(o.value)} | {fmt(c.floor)} | "
            f"{c.margin:g} | {base} | {result} |"
        )
    return "\n".join(lines)


def updated(checks: Iterable[Check], scores: Scores) -> list[Check]:
    """The checks with figure, floor and baseline figure set from ``scores``; a check whose
    figure was not measured keeps its old values."""
    out = []
    for c in checks:
        run = scores.get(c.run, {})
        value = run.get((c.system, c.metric))
        if value is None or math.isnan(value):
            out.append(c)
            continue
        vs_value = run.get((c.vs, c.metric)) if c.vs else None
        out.append(
            replace(
                c,
                figure=value,
                floor=round(value - c.margin, 4),
                vs_figure=vs_value if vs_value is not None else c.vs_figure,
            )
        )
    return out


def floor_changes(old: Iterable[Check], new: Iterable[Check]) -> list[str]:
    """One line per floor that moved, lowered floors marked so they cannot go unnoticed."""
    lines = []
    for a, b in zip(old, new, strict=True):
        if abs(a.floor - b.floor) > EPS:
            kind = "LOWERED" if b.floor < a.floor else "raised"
            lines.append(
                f"{kind}: [{a.suite}] {a.run} / {a.system} / {a.metric}: "
                f"{fmt(a.floor)} -> {fmt(b.floor)} (figure {fmt(b.figure)})"
            )
    return sorted(lines, key=lambda line: not line.startswith("LOWERED"))


def _toml_str(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _toml_num(value: float) -> str:
    return repr(round(value, 6))


def dump_floors(header: str, checks: Iterable[Check]) -> str:
    """The floors file's text: ``header`` (its leading comment block) then one table per
    check, grouped by suite and run in the order given."""
    parts = [header.rstrip("\n") + "\n"] if header.strip() else []
    last: tuple[str, str] | None = None
    for c in checks:
        if (c.suite, c.run) != last:
            parts.append(f"\n# ---- {c.suite}: {c.run}\n")
            last = (c.suite, c.run)
        rows = [
            "[[check]]",
            f"suite = {_toml_str(c.suite)}",
            f"run = {_toml_str(c.run)}",
            f"system = {_toml_str(c.system)}",
            f"metric = {_toml_str(c.metric)}",
            f"figure = {_toml_num(c.figure)}",
            f"margin = {_toml_num(c.margin)}",
            f"floor = {_toml_num(c.floor)}",
        ]
        if c.vs:
            rows.append(f"vs = {_toml_str(c.vs)}")
            if c.vs_figure is not None:
                rows.append(f"vs_figure = {_toml_num(c.vs_figure)}")
            rows.append(f"vs_enforced = {'true' if c.vs_enforced else 'false'}")
        parts.append("\n" + "\n".join(rows) + "\n")
    return "".join(parts)


def header_of(text: str) -> str:
    """The leading comment block of a floors file (kept when the floors are rewritten)."""
    lines = []
    for line in text.splitlines():
        if line.startswith("[[check]]") or line.startswith("# ----"):
            break
        lines.append(line)
    return "\n".join(lines).rstrip() + "\n"


__all__ = [
    "Check",
    "Outcome",
    "compare",
    "dump_floors",
    "floor_changes",
    "header_of",
    "load_floors",
    "markdown_table",
    "parse_floors",
    "updated",
]
