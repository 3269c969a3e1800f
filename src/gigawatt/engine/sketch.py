"""Quantiles of many cells at once in bounded memory: a mergeable log-bucket sketch (DDSketch, Masson et al.
2019, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees", VLDB 12(12)) that also
keeps each bucket's smallest and largest value, so a bucket holding one distinct value answers exactly."""

from __future__ import annotations

import functools
import itertools
import math
import mmap
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numba import njit

from gigawatt.engine import numba_cache
from gigawatt.engine.work import threads

numba_cache.tolerate_damage()  # before any kernel here or in montecarlo loads its cache


@njit(cache=True, nogil=True)
def _sketch_add(counts, mins, maxs, used, v, nb, lo, inv_lg, smallest, first_cell, stop_cell):
    """Add rows of ``v`` (n, cells) to the buckets of cells ``first_cell .. stop_cell - 1``; ``used`` (cells, 2)
    keeps each cell's lowest and highest bucket in use."""
    n = v.shape[0]
    last_x = np.full(stop_cell - first_cell, np.nan)  # each cell's previous value and its bucket: values repeat
    last_b = np.zeros(stop_cell - first_cell, np.int64)  # from trial to trial (0, a hall's MW), and a log is dear
    for i in range(n):
        for c in range(first_cell, stop_cell):
            x = v[i, c]
            if x == last_x[c - first_cell]:
                b = last_b[c - first_cell]
            else:
                b = 0
                if x >= smallest:
                    b = int(math.ceil(math.log(x) * inv_lg)) - lo + 1
                    b = min(max(b, 1), nb - 1)
                last_x[c - first_cell] = x
                last_b[c - first_cell] = b
            used[c, 0] = min(used[c, 0], b)
            used[c, 1] = max(used[c, 1], b)
            j = c * nb + b
            if counts[j] == 0:  # an empty bucket's min and max mean nothing (left at 0: never touched, never paged)
                mins[j] = x
                maxs[j] = x
            else:
                mins[j] = min(mins[j], x)
                maxs[j] = max(maxs[j], x)
            counts[j] += 1


@njit(cache=True, nogil=True)
def _sketch_quantiles(counts, mins, maxs, used, nb, qs, out):
    """out[k, c]: the mid-range of the bucket of cell c holding rank floor(q_k * (n - 1)) (only the buckets in
    use are read)."""
    cells = out.shape[1]
    for c in range(cells):
        base = c * nb
        n = 0
        for b in range(used[c, 0], used[c, 1] + 1):
            n += counts[base + b]
        for k in range(qs.shape[0]):
            rank = math.floor(qs[k] * (n - 1))
            seen = 0
            for b in range(used[c, 0], used[c, 1] + 1):
                seen += counts[base + b]
                if seen > rank:
                    out[k, c] = 0.5 * (mins[base + b] + maxs[base + b])
                    break


def _lazy_zeros(n: int, dtype) -> np.ndarray:
    """``n`` zeros whose memory the operating system maps only where they are written. numpy asks for transparent
    huge pages on large arrays, which would map a sparse array whole (2 MiB at a touch); an anonymous mapping
    without them keeps a sketch's memory to the buckets its values reach."""
    buf = mmap.mmap(-1, max(1, n * np.dtype(dtype).itemsize))
    if hasattr(mmap, "MADV_NOHUGEPAGE"):
        buf.madvise(mmap.MADV_NOHUGEPAGE)
    return np.frombuffer(buf, dtype=dtype, count=n)


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(threads(), thread_name_prefix="gigawatt-sketch")


class Sketch:
    """Quantiles of many cells at once with relative error ``alpha`` (DDSketch buckets; values >= 0)."""

    def __init__(self, cells: int, alpha: float = 0.005, min_value: float = 1e-6, max_value: float = 1e30):
        self.alpha = alpha
        self.gamma = (1 + alpha) / (1 - alpha)
        self.lg = math.log(self.gamma)
        self.lo = math.ceil(math.log(min_value) / self.lg)
        self.nb = math.ceil(math.log(max_value) / self.lg) - self.lo + 2  # bucket 0 holds zeros (and < min_value)
        self.cells = cells
        # zeros, not inf: the operating system maps a page only when a bucket on it is first used, so the memory
        # taken is that of the buckets the values reach (a few decades per cell), not of all 36 decades
        self.counts = _lazy_zeros(cells * self.nb, np.int64)
        self.mins = _lazy_zeros(cells * self.nb, np.float64)
        self.maxs = _lazy_zeros(cells * self.nb, np.float64)
        self.used = np.tile(np.array([self.nb, -1], dtype=np.int64), (cells, 1))  # lowest, highest bucket in use

    def add(self, values: np.ndarray) -> None:
        """Add a (n, cells) array of values (negatives count as zero); cells are split over the cores."""
        self.start_add(values)
        self.wait()

    def start_add(self, values: np.ndarray) -> None:
        """Start adding ``values`` on the sketch's threads and return at once (the caller keeps ``values`` unchanged
        until :meth:`wait`); an add still running is waited for first. Every reader waits."""
        self.wait()
        v = np.ascontiguousarray(values, dtype=float).reshape(-1, self.cells)
        smallest = math.exp((self.lo - 1) * self.lg)
        args = (self.counts, self.mins, self.maxs, self.used, v, self.nb, self.lo, 1.0 / self.lg, smallest)
        parts = np.linspace(0, self.cells, threads() + 1).astype(int)
        self._pending = [_pool().submit(_sketch_add, *args, int(a), int(b)) for a, b in itertools.pairwise(parts)]

    def wait(self) -> None:
        """Wait for an add started by :meth:`start_add`."""
        for job in getattr(self, "_pending", ()):
            job.result()
        self._pending = []

    def __getstate__(self):
        self.wait()
        buckets = np.flatnonzero(self.counts)  # ship only the buckets in use
        return {
            **{k: v for k, v in self.__dict__.items() if k not in ("counts", "mins", "maxs", "_pending")},
            "buckets": buckets,
            "c": self.counts[buckets],
            "lo_v": self.mins[buckets],
            "hi_v": self.maxs[buckets],
        }

    def __setstate__(self, state):
        buckets, c, lo_v, hi_v = (state.pop(k) for k in ("buckets", "c", "lo_v", "hi_v"))
        self.__dict__.update(state)
        self.counts = _lazy_zeros(self.cells * self.nb, np.int64)
        self.mins = _lazy_zeros(self.cells * self.nb, np.float64)
        self.maxs = _lazy_zeros(self.cells * self.nb, np.float64)
        self.counts[buckets], self.mins[buckets], self.maxs[buckets] = c, lo_v, hi_v

    def merge(self, other: Sketch) -> None:
        self.wait()
        other.wait()
        used = np.flatnonzero(other.counts)
        mine = self.counts[used] > 0
        self.mins[used] = np.where(mine, np.minimum(self.mins[used], other.mins[used]), other.mins[used])
        self.maxs[used] = np.where(mine, np.maximum(self.maxs[used], other.maxs[used]), other.maxs[used])
        self.counts[used] += other.counts[used]
        self.used[:, 0] = np.minimum(self.used[:, 0], other.used[:, 0])
        self.used[:, 1] = np.maximum(self.used[:, 1], other.used[:, 1])

    def quantiles(self, qs) -> np.ndarray:
        """(len(qs), cells) values: the bucket holding rank q * (n - 1), as the mid-range of the values in it.

        Every value in a bucket lies within a factor gamma of the others, so the error is at most alpha relative;
        a bucket holding one distinct value (common: MW online takes few values) returns it exactly.
        """
        self.wait()
        out = np.zeros((len(qs), self.cells))
        _sketch_quantiles(self.counts, self.mins, self.maxs, self.used, self.nb, np.asarray(qs, dtype=float), out)
        return out
