"""Trials seeded and summarised in a stream: each trial's seed is a word of one SeedSequence (so adding trials keeps
the earlier ones, and a chunk's seeds are computed for the chunk alone), and the per-trial rows are merged into means,
variances and P10/P90 block by block, so memory is flat in the number of trials and the numbers do not depend on
the chunking."""

from __future__ import annotations

import math

import numpy as np

from gigawatt.limits import OPS_QUANTILE_TRIALS

_INIT_B, _MULT_B, _MASK32 = 0x8B51F9DD, 0x58F38DED, 0xFFFFFFFF  # numpy's SeedSequence.generate_state constants


def _seeds(seed: int, trials: int, start: int = 0) -> np.ndarray:
    """Seeds of trials ``start`` .. ``start + trials - 1``: trial i's seed is the i-th word of one SeedSequence, so
    adding trials keeps the earlier ones.

    Equal to ``SeedSequence(seed).generate_state(start + trials)[start:]`` (tested), computed for the chunk alone
    (word i is the pool's word i mod 4 mixed with INIT_B * MULT_B^i mod 2^32), so memory does not grow with
    ``start``.
    """
    pool = np.random.SeedSequence(seed).pool.astype(np.uint64)
    mult = np.full(trials, _MULT_B, dtype=np.uint64)
    mult[0] = (_INIT_B * pow(_MULT_B, start, 1 << 32)) & _MASK32
    mask = np.uint64(_MASK32)
    before = np.cumprod(mult) & mask  # INIT_B * MULT_B^i mod 2^32 (uint64 products wrap mod 2^64: low bits exact)
    after = (before * np.uint64(_MULT_B)) & mask
    v = ((pool[np.arange(start, start + trials, dtype=np.int64) % pool.size] ^ before) * after) & mask
    v ^= v >> np.uint64(16)
    return v.astype(np.int64)


_BLOCK = 4096  # trials per block of the merged moments: fixed, so the numbers do not depend on the chunking


class _Stream:
    """Running summaries of per-trial rows: mean and variance merged block by block (Chan, Golub and LeVeque's
    pairwise update, over fixed blocks of _BLOCK trials counted from trial 0, so that the same trials give the same
    numbers however they were chunked), and the first ``keep`` rows, kept for the P10/P90."""

    def __init__(self, cols: int, keep: int = OPS_QUANTILE_TRIALS):
        self.n, self.mean, self.m2 = 0, np.zeros(cols), np.zeros(cols)
        self.pending = np.empty((0, cols))
        self.kept: list[np.ndarray] = []
        self.kept_n, self.keep = 0, keep

    @staticmethod
    def _merge(n, mean, m2, block):
        k = block.shape[0]
        if k == 0:
            return n, mean, m2
        b_mean = block.mean(axis=0)
        return _Stream._merge_moments(n, mean, m2, k, b_mean, ((block - b_mean) ** 2).sum(axis=0))

    @staticmethod
    def _merge_moments(n, mean, m2, k, b_mean, b_m2):
        tot = n + k
        d = b_mean - mean
        return tot, mean + d * (k / tot), m2 + b_m2 + d * d * (n * k / tot)

    def add(self, rows: np.ndarray) -> None:
        if self.kept_n < self.keep:
            take = rows[: self.keep - self.kept_n]
            self.kept.append(take.copy())
            self.kept_n += take.shape[0]
        if self.pending.shape[0]:  # complete the pending block first
            fill = _BLOCK - self.pending.shape[0]
            self.pending = np.concatenate([self.pending, rows[:fill]])
            rows = rows[fill:]
            if self.pending.shape[0] < _BLOCK:
                return
            self.n, self.mean, self.m2 = self._merge(self.n, self.mean, self.m2, self.pending)
        full = rows.shape[0] // _BLOCK
        if full:  # every whole block's moments at once, then merged in order
            blocks = rows[: full * _BLOCK].reshape(full, _BLOCK, rows.shape[1])
            means = blocks.mean(axis=1)
            m2s = ((blocks - means[:, None, :]) ** 2).sum(axis=1)
            for i in range(full):
                self.n, self.mean, self.m2 = self._merge_moments(self.n, self.mean, self.m2, _BLOCK, means[i], m2s[i])
        self.pending = rows[full * _BLOCK :].copy()

    def moments(self) -> tuple[int, np.ndarray, np.ndarray]:
        """Trials, means and sample variances (ddof 1) of every column so far."""
        n, mean, m2 = self._merge(self.n, self.mean, self.m2, self.pending)
        var = m2 / (n - 1) if n > 1 else np.zeros_like(m2)
        return n, mean, np.maximum(var, 0.0)

    def summaries(self, names: list[str]) -> dict:
        n, mean, var = self.moments()
        kept = np.concatenate(self.kept) if self.kept else np.empty((0, len(names)))
        out = {}
        for j, name in enumerate(names):
            half = 1.96 * math.sqrt(var[j]) / math.sqrt(n) if n > 1 else 0.0
            out[name] = {
                "mean": float(mean[j]),
                "ci95": [float(mean[j]) - half, float(mean[j]) + half],
                "p10": float(np.quantile(kept[:, j], 0.1)),
                "p90": float(np.quantile(kept[:, j], 0.9)),
            }
        return out
