"""Story-level entities: one Entity per real person, organisation or place.

Person names merge when one is an in-order subset of a fuller name that keeps its surname
or first name ("Mr Karim", "Ali Yasin" -> "Ali Yasin Muhammad Karim"); a short form that
could name several people goes to the one seen in the same article, else stays apart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsbrief.analyze.names import (
    HONORIFICS,
    clean_role,
    compatible,
    name_parts,
    place_key,
    role_after,
    role_before,
)
from newsbrief.annotate.entities import person_roles
from newsbrief.annotate.lexicon import ORG_NOUNS, TITLES
from newsbrief.records import Article, Entity
from newsbrief.text import STOP_WORDS, wordset


@dataclass
class _Form:
    kind: str
    key: tuple[str, ...]
    display: list[str]
    surfaces: Counter[str] = field(default_factory=Counter)
    articles: list[str] = field(default_factory=list)


@dataclass
class _Group:
    kind: str
    key: tuple[str, ...]
    display: list[str]
    forms: list[_Form] = field(default_factory=list)
    roles: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> list[str]:
        seen: dict[str, None] = {}
        for f in self.forms:
            for a in f.articles:
                seen.setdefault(a, None)
        return list(seen)

    @property
    def count(self) -> int:
        return sum(sum(f.surfaces.values()) for f in self.forms)


class EntityIndex:
    """The merged entities of one story and a resolver from names to entity ids."""

    def __init__(self, articles: list[Article], derived: Iterable[str] = ()) -> None:
        self.groups: list[_Group] = []
        self._alias: dict[tuple[str, tuple[str, ...]], list[int]] = {}
        forms = self._collect(articles)
        self._merge(forms)
        # A copy or rewrite may garble a role ("Ambassador of Iran" for Iraq's envoy): roles
        # come from originals, and from derived articles only for people no original describes.
        copies = set(derived)
        self._gather_roles([a for a in articles if a.id not in copies])
        described = {id(g) for g in self.groups if g.roles}
        self._gather_roles([a for a in articles if a.id in copies], skip=described)
        self.entities = self._build()

    # ------------------------------------------------------------------ collection
    def _collect(self, articles: list[Article]) -> dict[tuple[str, tuple[str, ...]], _Form]:
        forms: dict[tuple[str, tuple[str, ...]], _Form] = {}

        def add(kind: str, surface: str, article: str) -> None:
            surface = surface.strip()
            if kind == "person" and surface.split()[:1] and surface.split()[0].lower() in _OPENERS:
                return  # "Let Trump" as an article's canonical form: a sentence opener
            if kind == "person":
                display, key = name_parts(surface)
                if display and display[0][:1].islower():
                    return  # a title without its name ("Ambassador of Iran" -> "of Iran")
            else:
                display, key = surface.split(), place_key(surface)
            if not key or not any(ch.isalpha() for ch in "".join(key)):
                return
            form = forms.get((kind, key))
            if form is None:
                form = forms[(kind, key)] = _Form(kind, key, display)
            elif len(" ".join(display)) > len(" ".join(form.display)):
                form.display = display
            form.surfaces[re.sub(r"['’]s$", "", surface)] += 1
            if article not in form.articles:
                form.articles.append(article)

        for art in articles:
            for m in art.mentions:
                if m.kind == "person" and _not_a_name(m.text):
                    continue
                add(m.kind, m.text, art.id)
                if m.kind == "person":
                    title = _honorific_before(art.text, m.start)
                    # only a short form gets its title as an alias: "Mr Karim", not
                    # "Minister Haidar al-Abadi" cut out of "Prime Minister Haidar al-Abadi"
                    if title and len(name_parts(m.text)[1]) == 1:
                        add(m.kind, f"{title} {m.text}", art.id)
                if m.entity and m.entity != m.text and m.kind == "person":
                    add(m.kind, m.entity, art.id)
            known = {name_parts(m.text)[1] for m in art.mentions}
            for q in art.quotes:
                # a speaker the mention tagger missed is still a person of the story
                if (
                    q.kind != "attributed"
                    and q.speaker
                    and _looks_like_name(q.speaker)
                    and name_parts(q.speaker)[1] not in known
                ):
                    add("person", q.speaker, art.id)
        return forms

    def _merge(self, forms: dict[tuple[str, tuple[str, ...]], _Form]) -> None:
        ordered = sorted(
            forms.values(), key=lambda f: (-len(f.key), -sum(f.surfaces.values()), f.key)
        )
        for form in ordered:
            target = None
            if form.kind == "person" and form.display[-1].lower() in TITLES:
                # "Calderwick General" is no person's name (a name never ends in a title):
                # the short form of an organisation named in full elsewhere, if one is
                as_org = _Form("org", place_key(" ".join(form.display)), form.display)
                target = self._same_org_or_place(as_org)
                if target is not None:
                    self._place(form, target)
                    continue
            if form.kind == "person":
                target = self._pick(form.kind, form.key, form.articles)
                if target is None and len(form.articles) > 1 and self._candidates(form):
                    # "Smith" in two articles may be two Smiths: settle it per article
                    for art in form.articles:
                        part = _Form(
                            form.kind, form.key, form.display, Counter(form.surfaces), [art]
                        )
                        self._place(part, self._pick(form.kind, form.key, [art]))
                    continue
            else:
                target = self._same_org_or_place(form)
            self._place(form, target)

    def _same_org_or_place(self, form: _Form) -> int | None:
        """The group a non-person form joins: the same key, else, for an organisation, the
        one fuller name it shortens ("Calderwick General" of "Calderwick General Hospital",
        "the council" of the story's only "… Borough Council")."""
        for n, g in enumerate(self.groups):
            if g.kind == form.kind and g.key == form.key:
                return n
        if form.kind != "org":
            return None
        key = form.key
        if len(key) >= 2:
            fits = [
                n
                for n, g in enumerate(self.groups)
                if g.kind == "org" and len(g.key) > len(key) and g.key[: len(key)] == key
            ]
        elif key[0] in ORG_NOUNS:
            fits = [
                n
                for n, g in enumerate(self.groups)
                if g.kind == "org" and len(g.key) > 1 and g.key[-1] == key[0]
            ]
        else:
            fits = []
        return fits[0] if len(fits) == 1 else None

    def _place(self, form: _Form, target: int | None) -> None:
        if target is None:
            self.groups.append(_Group(form.kind, form.key, form.display))
            target = len(self.groups) - 1
        self.groups[target].forms.append(form)
        hits = self._alias.setdefault((form.kind, form.key), [])
        if target not in hits:
            hits.append(target)

    def _candidates(self, form: _Form) -> list[int]:
        return [
            n
            for n, g in enumerate(self.groups)
            if g.kind == form.kind and compatible(form.key, g.key)
        ]

    def _pick(self, kind: str, key: tuple[str, ...], articles: list[str]) -> int | None:
        cands = [n for n, g in enumerate(self.groups) if g.kind == kind and compatible(key, g.key)]
        if len(cands) <= 1:
            return cands[0] if cands else None
        shared = [(len(set(articles) & set(self.groups[n].articles)), n) for n in cands]
        best = max(s for s, _ in shared)
        top = [n for s, n in shared if s == best]
        if len(top) == 1 and best > 0:
            return top[0]
        return None  # ambiguous: better two entries than one wrong merge

    def _gather_roles(self, articles: list[Article], skip: set[int] | None = None) -> None:
        skip = skip or set()
        for art in articles:
            for m in art.mentions:
                if m.kind != "person":
                    continue
                gid = self.resolve(m.text, art.id)
                if gid is None:
                    continue
                group = self.groups[self._index(gid)]
                if id(group) in skip:
                    continue
                text = art.text
                for role in (role_before(text, m.start), role_after(text, m.end)):
                    if role:
                        group.roles[role] += 1
            # the roles annotate read around each mention ("Ambassador of Iraq to Kuwait ...")
            for name, roles in person_roles(art).items():
                found = self.resolve(name, art.id)
                if found is not None and id(self.groups[self._index(found)]) not in skip:
                    for role in roles:
                        cleaned = clean_role(role)
                        if cleaned:
                            self.groups[self._index(found)].roles[cleaned] += 1

    # ------------------------------------------------------------------ output
    def _build(self) -> list[Entity]:
        out: list[Entity] = []
        used: set[str] = set()
        self._ids: list[str] = []
        for g in self.groups:
            best = max(g.forms, key=lambda f: (len(f.key), len(" ".join(f.display))))
            name = " ".join(best.display)
            base = g.kind[0] + ":" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            eid, n = base, 2
            while eid in used:
                eid, n = f"{base}-{n}", n + 1
            used.add(eid)
            self._ids.append(eid)
            aliases: Counter[str] = Counter()
            for f in g.forms:
                aliases.update(f.surfaces)
            roles = _dedupe_roles(g.roles)
            out.append(
                Entity(
                    id=eid,
                    name=name,
                    kind=g.kind,
                    aliases=[a for a, _ in aliases.most_common() if a != name],
                    roles=roles,
                    articles=g.articles,
                )
            )
        return out

    def _index(self, gid: int | str) -> int:
        return gid if isinstance(gid, int) else self._ids.index(gid)

    def resolve(self, name: str, article: str | None = None) -> int | None:
        """Group index for a name as written in ``article`` (None when unknown/ambiguous)."""
        display, key = name_parts(name)
        if not key:
            return None
        for kind in ("person", "org", "place"):
            k = key if kind == "person" else place_key(name)
            hits = self._alias.get((kind, k))
            if hits and len(hits) > 1 and article:
                local = [h for h in hits if article in self.groups[h].articles]
                hits = local or hits
            if hits:
                return hits[0]
        return self._pick("person", key, [article] if article else [])

    def entity_id(self, name: str, article: str | None = None) -> str | None:
        gid = self.resolve(name, article)
        if gid is None or not hasattr(self, "_ids"):
            return None
        return self._ids[gid]

    def entity(self, eid: str) -> Entity:
        return self.entities[self._ids.index(eid)]


_TITLE_BEFORE = re.compile(r"(?:^|[\s(\[“\"])([A-Z][a-z]{1,12}\.?)\s+$")


def _honorific_before(text: str, start: int) -> str | None:
    """ "Mr" / "Ambassador" right before a mention, kept as an alias ("Ambassador Karim")."""
    m = _TITLE_BEFORE.search(text[max(0, start - 16) : start])
    if m and m.group(1).lower().rstrip(".") in HONORIFICS:
        return m.group(1)
    return None


# capitalised at a sentence start, never the first word of a name ("Let Trump be Trump",
# "Did President Trump know", "Already, Rep. X has asked")
_OPENERS = wordset(
    "let did does do already although earlier despite when while though unless whether "
    "could would should will can may might must"
)


def _not_a_name(text: str) -> bool:
    # a capitalised function word starts a sentence, not a name ("After Mosul, ...")
    first = text.split()[0].lower() if text.split() else ""
    return first in STOP_WORDS or first in _OPENERS


def _looks_like_name(text: str) -> bool:
    toks = text.split()
    return (
        bool(toks)
        and len(toks) <= 6
        # a name starts with a capital ("of Iran" is the tail of a title, not a speaker)
        and toks[0][:1].isupper()
        and all(t[:1].isupper() or t.islower() for t in toks)
        and (toks[-1][:1].isupper())
        # one capitalised -ing word opens a sentence ("Answering a question, he said …")
        and not (len(toks) == 1 and toks[0].lower().endswith("ing"))
        and not _not_a_name(text)
    )


def _dedupe_roles(roles: Counter[str]) -> list[str]:
    """Most frequent first; a role contained in a longer one ("Ambassador") is dropped."""
    seen: dict[str, str] = {}
    for role, _ in sorted(roles.items(), key=lambda kv: -kv[1]):
        seen.setdefault(role.lower(), role)
    keys = list(seen)
    return [
        seen[k]
        for k in keys
        if not any(k != o and re.search(rf"\b{re.escape(k)}\b", o) for o in keys)
    ]


def merge_entities(articles: list[Article], derived: Iterable[str] = ()) -> EntityIndex:
    """One entity per person, organisation and place of the story; ``derived`` are the ids
    of articles that copy or rewrite another article of the story."""
    return EntityIndex(articles, derived)
