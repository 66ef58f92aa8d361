"""Citation numbers of the Markdown brief: ``[n]`` refers to the n-th entry of its
``## Sources`` list, so the same article has the same number in every section."""

from __future__ import annotations

from collections.abc import Iterable

from newsbrief.records import ArticleRef
from newsbrief.render.escape import escape


class Sources:
    """Citation numbers: the brief's article order, then any other id that gets cited."""

    def __init__(self, articles: Iterable[ArticleRef]) -> None:
        self.refs: list[ArticleRef] = []
        self._number: dict[str, int] = {}
        for ref in articles:
            if ref.id not in self._number:
                self._add(ref)

    def _add(self, ref: ArticleRef) -> int:
        self.refs.append(ref)
        self._number[ref.id] = len(self.refs)
        return len(self.refs)

    def number(self, article_id: str) -> int:
        found = self._number.get(article_id)
        if found is None:
            found = self._add(ArticleRef(id=article_id, source=""))
        return found

    def marks(self, article_ids: Iterable[str]) -> str:
        numbers = sorted({self.number(a) for a in article_ids})
        return "".join(f"[{n}]" for n in numbers)

    def label(self, article_id: str) -> str:
        """``[n] Outlet`` for prose about one article."""
        n = self.number(article_id)
        outlet = self.refs[n - 1].outlet
        return f"[{n}] {escape(outlet)}" if outlet else f"[{n}]"
