"""Quantiles of many cells at once in bounded memory: a mergeable log-bucket sketch (DDSketch, Masson et al.
2019, "DDSketch: a fast and fully-mergeable quantile sketch with relative-error guarantees", VLDB 12(12)) that also
keeps each bucket's smallest and largest value, so a bucket holding one distinct value answers exactly."""

from __future__ import annotations

import functools
import itertools
import math
import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np
from numba import njit


@njit(cache=True, nogil=True)
def _sketch_add(counts, mins, maxs, v, nb, lo, inv_lg, smallest, first_cell, stop_cell):
    """Add rows of ``v`` (n, cells) to the buckets of cells ``first_cell .. stop_cell - 1``."""
    n = v.shape[0]
    for i in range(n):
        for c in range(first_cell, stop_cell):
            x = v[i, c]
            b = 0
            if x >= smallest:
                b = int(math.ceil(math.log(x) * inv_lg)) - lo + 1
                b = min(max(b, 1), nb - 1)
            j = c * nb + b
            if counts[j] == 0:  # an empty bucket's min and max mean nothing (left at 0: never touched, never paged)
                mins[j] = x
                maxs[j] = x
            else:
                mins[j] = min(mins[j], x)
                maxs[j] = max(maxs[j], x)
            counts[j] += 1


@njit(cache=True, nogil=True)
def _sketch_quantiles(counts, mins, maxs, nb, qs, out):
    """out[k, c]: the mid-range of the bucket of cell c holding rank floor(q_k * (n - 1))."""
    cells = out.shape[1]
    for c in range(cells):
        base = c * nb
        n = 0
        for b in range(nb):
            n += counts[base + b]
        for k in range(qs.shape[0]):
            rank = math.floor(qs[k] * (n - 1))
            seen = 0
            for b in range(nb):
                seen += counts[base + b]
                if seen > rank:
                    out[k, c] = 0.5 * (mins[base + b] + maxs[base + b])
                    break


@functools.cache
def _pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max(1, len(os.sched_getaffinity(0))), thread_name_prefix="gigawatt-sketch")


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
        self.counts = np.zeros(cells * self.nb, dtype=np.int64)
        self.mins = np.zeros(cells * self.nb)
        self.maxs = np.zeros(cells * self.nb)

    def add(self, values: np.ndarray) -> None:
        """Add a (n, cells) array of values (negatives count as zero); cells are split over the cores."""
        v = np.ascontiguousarray(values, dtype=float).reshape(-1, self.cells)
        smallest = math.exp((self.lo - 1) * self.lg)
        args = (self.counts, self.mins, self.maxs, v, self.nb, self.lo, 1.0 / self.lg, smallest)
        parts = np.linspace(0, self.cells, _pool()._max_workers + 1).astype(int)
        jobs = [_pool().submit(_sketch_add, *args, int(a), int(b)) for a, b in itertools.pairwise(parts)]
        for job in jobs:
            job.result()

    def __getstate__(self):
        used = np.flatnonzero(self.counts)  # ship only the buckets in use
        return {
            **{k: v for k, v in self.__dict__.items() if k not in ("counts", "mins", "maxs")},
            "used": used,
            "c": self.counts[used],
            "lo_v": self.mins[used],
            "hi_v": self.maxs[used],
        }

    def __setstate__(self, state):
        used, c, lo_v, hi_v = (state.pop(k) for k in ("used", "c", "lo_v", "hi_v"))
        self.__dict__.update(state)
        self.counts = np.zeros(self.cells * self.nb, dtype=np.int64)
        self.mins = np.zeros(self.cells * self.nb)
        self.maxs = np.zeros(self.cells * self.nb)
        self.counts[used], self.mins[used], self.maxs[used] = c, lo_v, hi_v

    def merge(self, other: Sketch) -> None:
        used = np.flatnonzero(other.counts)
        mine = self.counts[used] > 0
        self.mins[used] = np.where(mine, np.minimum(self.mins[used], other.mins[used]), other.mins[used])
        self.maxs[used] = np.where(mine, np.maximum(self.maxs[used], other.maxs[used]), other.maxs[used])
        self.counts[used] += other.counts[used]

    def quantiles(self, qs) -> np.ndarray:
        """(len(qs), cells) values: the bucket holding rank q * (n - 1), as the mid-range of the values in it.

        Every value in a bucket lies within a factor gamma of the others, so the error is at most alpha relative;
        a bucket holding one distinct value (common: MW online takes few values) returns it exactly.
        """
        out = np.zeros((len(qs), self.cells))
        _sketch_quantiles(self.counts, self.mins, self.maxs, self.nb, np.asarray(qs, dtype=float), out)
        return out
