"""The parser's matrix products through a faster BLIS kernel, with bit-identical results.

spaCy's models multiply through thinc's ``NumpyOps.gemm``, which calls the BLIS library that the
``blis`` package bundles (BLIS 0.7.0). That BLIS picks its kernels by CPU model, and on CPUs it
does not know (AMD Zen 3 and later here) it falls back to its ``generic`` configuration: the
portable C reference kernel, about half the speed of the AVX ``sandybridge`` kernel it also
ships. Most of the parse is spent in those products (the two tok2vec CNNs: 288 x 288 and 384 or
576 x 96 products per token).

Both kernels compute each product element the same way: the running sum over k, in k order,
with a separate multiply and add (no fused multiply-add), one k-block at a time, the blocks
added to C in order. They differ only in the k-block size (KC: 256 for ``generic``, 384 for
``sandybridge``), which changes where the sum of a 288-long product is split. With the
``sandybridge`` context's KC set to the ``generic`` one, every element is computed by the same
operations in the same order, so the results are the same bits: checked at start-up on shapes
around every block edge (``_SHAPES``), and the fast kernel is used only if all are identical.
Nothing changes on a CPU BLIS knows (its own kernel is already fast), with another BLIS build,
or with ``NEWSBRIEF_FAST_GEMM=0``.

The context is changed in BLIS's own kernel table (``bli_gks_lookup_nat_cntx``), which holds
one context per configuration; the ``sandybridge`` one is used by nothing else on a CPU where
BLIS chose ``generic``.
"""

from __future__ import annotations

import ctypes
import os
from functools import lru_cache
from typing import Any

ENV = "NEWSBRIEF_FAST_GEMM"
BLIS_VERSION = b"0.7.0"
# arch_t of BLIS 0.7.0 (bli_arch_string(id) names them)
GENERIC, SANDYBRIDGE = 20, 4
# cntx_t starts with blksz_t blkszs[BLIS_NUM_BLKSZS]; a blksz_t is dim_t v[4], e[4] (default
# and maximum per type, float first); bszid_t: MR 1, NR 2, KC 4
_BLKSZ_BYTES = 64
_MR, _NR, _KC = 1, 2, 4
_TRANSPOSE = 8  # BLIS_TRANSPOSE (BLIS_NO_TRANSPOSE is 0)
# (M, K, N) checked before the kernel is used: K on both sides of every block edge, M and N
# below, at and past the kernels' register blocks, and the shapes the model multiplies
_SHAPES = [
    (m, k, n)
    for m in (1, 5, 37)
    for k in (0, 64, 96, 255, 256, 257, 288, 384, 576, 600)
    for n in (1, 18, 96, 288)
] + [(0, 288, 288), (300, 256, 96), (300, 257, 96), (300, 288, 288), (300, 576, 96)]


class FastGemm:
    """``gemm`` as ``blis.py.gemm(x, y, out=out, trans1=..., trans2=..., beta=0.)`` computes
    it (float32, C-contiguous), through the context ``cntx``."""

    def __init__(self, lib: Any, cntx: int) -> None:
        import numpy

        self.numpy = numpy
        self.cntx = ctypes.c_void_p(cntx)
        self.one = numpy.ones(1, dtype="float32")
        self.zero = numpy.zeros(1, dtype="float32")
        fn = lib.bli_sgemm_ex
        i64, ptr = ctypes.c_int64, ctypes.c_void_p
        fn.argtypes = [ctypes.c_int, ctypes.c_int, i64, i64, i64, ptr, ptr, i64, i64, ptr]
        fn.argtypes += [i64, i64, ptr, ptr, i64, i64, ptr, ptr]
        fn.restype = None
        self.fn = fn

    def __call__(
        self, x: Any, y: Any, out: Any = None, trans1: bool = False, trans2: bool = False
    ) -> Any:
        m, k = (x.shape[1], x.shape[0]) if trans1 else x.shape
        k_b, n = (y.shape[1], y.shape[0]) if trans2 else y.shape
        if k != k_b:
            raise ValueError(f"Shape mismatch for blis.gemm: ({m}, {k}), ({k_b}, {n})")
        if out is None:
            out = self.numpy.empty((m, n), dtype="float32")
        self.fn(
            _TRANSPOSE if trans1 else 0,
            _TRANSPOSE if trans2 else 0,
            m,
            n,
            k,
            self.one.ctypes.data,
            x.ctypes.data,
            x.shape[1],
            1,
            y.ctypes.data,
            y.shape[1],
            1,
            self.zero.ctypes.data,
            out.ctypes.data,
            out.shape[1],
            1,
            self.cntx,
            None,
        )
        return out


def _blksz(cntx: int, bszid: int, field: int) -> ctypes.c_int64:
    """The float entry of a context's block size ``bszid``: ``field`` 0 the default, 4 the
    maximum."""
    return ctypes.c_int64.from_address(cntx + _BLKSZ_BYTES * bszid + 8 * field)


@lru_cache(maxsize=1)
def fast_gemm() -> FastGemm | None:
    """The ``sandybridge`` kernel with ``generic``'s k-blocks, when BLIS runs ``generic`` here
    and the kernel gives the same bits on every shape of ``_SHAPES``; else None."""
    if os.environ.get(ENV, "1").strip().lower() in {"0", "off", "false", "no"}:
        return None
    try:
        import blis.cy
        import blis.py
        import numpy

        lib = ctypes.CDLL(blis.cy.__file__)  # the loaded library: dlopen hands back its handle
        lib.bli_info_get_version_str.restype = ctypes.c_char_p
        if lib.bli_info_get_version_str() != BLIS_VERSION:
            return None
        lib.bli_arch_query_id.restype = ctypes.c_int
        if lib.bli_arch_query_id() != GENERIC:
            return None
        lib.bli_gks_lookup_nat_cntx.restype = ctypes.c_void_p
        lib.bli_gks_lookup_nat_cntx.argtypes = [ctypes.c_int]
        generic = lib.bli_gks_lookup_nat_cntx(GENERIC)
        fast = lib.bli_gks_lookup_nat_cntx(SANDYBRIDGE)
    except (ImportError, OSError, AttributeError):
        return None
    if not generic or not fast:
        return None
    # the layout read is the one expected: the block sizes BLIS 0.7.0 gives these kernels
    if [_blksz(generic, b, 0).value for b in (_MR, _NR, _KC)] != [4, 16, 256]:
        return None
    if [_blksz(fast, b, 0).value for b in (_MR, _NR)] != [8, 8]:
        return None
    if _blksz(fast, _KC, 0).value not in (384, 256):
        return None
    kc, kc_max = _blksz(fast, _KC, 0), _blksz(fast, _KC, 4)
    before = (kc.value, kc_max.value)
    kc.value, kc_max.value = _blksz(generic, _KC, 0).value, _blksz(generic, _KC, 4).value
    gemm = FastGemm(lib, fast)
    rng = numpy.random.default_rng(7)
    for m, k, n in _SHAPES:
        for trans1, trans2 in ((False, True), (False, False), (True, False)):
            x = rng.standard_normal((k, m) if trans1 else (m, k)).astype("float32")
            y = rng.standard_normal((n, k) if trans2 else (k, n)).astype("float32")
            want = blis.py.gemm(x, y, trans1=trans1, trans2=trans2, beta=0.0)
            if not numpy.array_equal(want, gemm(x, y, trans1=trans1, trans2=trans2)):
                kc.value, kc_max.value = before
                return None
    return gemm


def install(model: Any) -> bool:
    """Have every thinc layer of the spaCy pipeline ``model`` multiply through ``fast_gemm``;
    False (nothing changed) when there is none."""
    gemm = fast_gemm()
    if gemm is None:
        return False
    fast: FastGemm = gemm
    from thinc.api import Model, NumpyOps

    class FastOps(NumpyOps):
        def gemm(
            self, x: Any, y: Any, *, out: Any = None, trans1: bool = False, trans2: bool = False
        ) -> Any:
            if x.ndim != 2 or y.ndim != 2 or x.dtype != "float32" or y.dtype != "float32":
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
            x, y = self.as_contig(x), self.as_contig(y)
            if out is not None:
                out = self.as_contig(out)
            return fast(x, y, out=out, trans1=trans1, trans2=trans2)

    ops = FastOps()
    for _, component in model.pipeline:
        layer = getattr(component, "model", None)
        if isinstance(layer, Model):
            for node in layer.walk():
                if type(node.ops) is NumpyOps and getattr(node.ops, "use_blis", True):
                    node.ops = ops
    return True
