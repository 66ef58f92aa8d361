"""What changed in the stories between two polls of `newsbrief watch`, as lines to print.

A story's state is its label, size, outlets and conflicts; a new story, a new outlet in a
known story and a new conflict each make one line, and a story that only grew says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsbrief.store import Store


def story_states(store: Store, story_ids: list[str]) -> dict[str, dict[str, Any]]:
    """What `watch` compares between polls: each briefed story's label, size, outlets and
    conflicts (a conflict is its kind and the values held, not its wording)."""
    from newsbrief.errors import NotFoundError

    states: dict[str, dict[str, Any]] = {}
    for sid in story_ids:
        try:
            b = store.brief(sid)
        except NotFoundError:
            continue
        states[b.story] = {
            "label": b.headline,
            "articles": len(b.articles),
            "outlets": {a.outlet for a in b.articles if a.outlet},
            "conflicts": {
                (c.kind, frozenset(v.value for v in c.values)): c.description for c in b.conflicts
            },
        }
    return states


def changes(before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]]) -> list[str]:
    """One line per change from ``before`` to ``after`` (states from ``story_states``)."""
    lines = []
    for sid, now in after.items():
        old = before.get(sid)
        if old is None:
            outlets = ", ".join(sorted(now["outlets"])) or "no outlet named"
            lines.append(
                f"new story {sid}: {now['label']} "
                f"({_plural(now['articles'], 'article')}; {outlets})"
            )
            continue
        story_lines = [
            f"story {sid}: new outlet {outlet} ({now['label']})"
            for outlet in sorted(now["outlets"] - old["outlets"])
        ]
        story_lines += [
            f"story {sid}: new conflict: {description}"
            for key, description in now["conflicts"].items()
            if key not in old["conflicts"]
        ]
        if not story_lines and now["articles"] > old["articles"]:
            grown = now["articles"] - old["articles"]
            story_lines.append(f"story {sid}: {_plural(grown, 'more article')} ({now['label']})")
        lines += story_lines
    return lines


def _plural(n: int, singular: str) -> str:
    return f"{n} {singular if n == 1 else singular + 's'}"
