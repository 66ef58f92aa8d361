"""Evaluation: dataset loaders, metrics and the baselines each task is compared against.

Every task returns an :class:`EvalResult`; ``newsbrief eval TASK --json`` prints its dict.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class SystemScore:
    name: str
    metrics: dict[str, float] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass(slots=True)
class EvalResult:
    task: str
    data: str
    n: int
    systems: list[SystemScore] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "task": self.task,
            "data": self.data,
            "n": self.n,
            "systems": [
                {"name": s.name, "metrics": s.metrics, "seconds": round(s.seconds, 3)}
                for s in self.systems
            ],
        }
