"""Confidence as a probability: a small logistic model over interpretable features of a match,
fitted on labelled question files (`rapporteur calibrate`) and stored as data
(knowledge/calibration.yaml). Also the reliability table and expected calibration error.
Pure: numbers in, numbers out.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from mypy_extensions import mypyc_attr

# The features, in a fixed order. Each is a number a curator can read:
FEATURES = (
    "score",  # the match score (phrasing fit blended with coverage), 0..1
    "fit",  # how well the question fits the entry's best curated phrasing, 0..1
    "coverage",  # share of the question's weight the entry's vocabulary explains, 0..1
    "margin",  # lead over the best entry that would give another answer, 0..1
    "kind_known",  # 1 when the question has a form (who/why/...) the entry declares
    "content_words",  # log(1 + content words)
    "corrections",  # typo corrections applied
    "demoted",  # 1 when a higher-scoring entry was passed over for its question kind
    "unexplained",  # share of the question's weight the entry's vocabulary leaves unexplained
    "leftover",  # 1 when the entry's vocabulary leaves any of the question's words unexplained
    "evidence",  # share of the question's weight found in the entry's own quote and answer
)


@mypyc_attr(native_class=False)  # compiled, still a Python class: it can be pickled
@dataclass(frozen=True, slots=True)
class Calibration:
    intercept: float
    weights: Mapping[str, float]  # feature name -> coefficient

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return _sigmoid(z)


# Without a fitted model the match score stands in for the probability.
IDENTITY = Calibration(-4.0, {"score": 8.0})


def _sigmoid(z: float) -> float:
    if z < -40:
        return 0.0
    if z > 40:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def fit(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[bool],
    l2: float = 1.0,
    iterations: int = 50,
) -> Calibration:
    """Logistic regression by Newton's method with an L2 penalty (not on the intercept)."""
    names = list(FEATURES)
    xs = [[1.0, *(row.get(n, 0.0) for n in names)] for row in rows]
    ys = [1.0 if y else 0.0 for y in labels]
    beta = [0.0] * (len(names) + 1)
    for _ in range(iterations):
        grad, hess = _gradient_and_hessian(xs, ys, beta, l2)
        step = _solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return Calibration(
        round(beta[0], 4), {n: round(b, 4) for n, b in zip(names, beta[1:], strict=True)}
    )


def _gradient_and_hessian(
    xs: list[list[float]], ys: list[float], beta: list[float], l2: float
) -> tuple[list[float], list[list[float]]]:
    """Of the penalised negative log-likelihood at `beta` (the intercept, first, unpenalised)."""
    k = len(beta)
    grad = [0.0] * k
    hess = [[0.0] * k for _ in range(k)]
    for x, y in zip(xs, ys, strict=True):
        p = _sigmoid(sum(b * v for b, v in zip(beta, x, strict=True)))
        for i in range(k):
            grad[i] += (p - y) * x[i]
            for j in range(k):
                hess[i][j] += p * (1 - p) * x[i] * x[j]
    for i in range(1, k):
        grad[i] += l2 * beta[i]
        hess[i][i] += l2
    return grad, hess


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """a x = b by Gaussian elimination with partial pivoting (a is small and positive
    definite thanks to the penalty)."""
    n = len(b)
    m = [[*row, rhs] for row, rhs in zip(a, b, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        if abs(m[col][col]) < 1e-12:
            continue
        for r in range(n):
            if r != col:
                factor = m[r][col] / m[col][col]
                m[r] = [v - factor * c for v, c in zip(m[r], m[col], strict=True)]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


@dataclass(frozen=True, slots=True)
class Band:
    low: float
    high: float
    count: int
    right: int
    mean_confidence: float

    @property
    def share_right(self) -> float | None:
        return self.right / self.count if self.count else None


def reliability(
    pairs: Sequence[tuple[float, bool]], edges: Sequence[float] = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
) -> list[Band]:
    """Answers grouped by confidence band [edge_i, edge_i+1), the last band closed."""
    bands = []
    for low, high in itertools.pairwise(edges):
        last = high == edges[-1]
        inside = [(c, r) for c, r in pairs if low <= c < high or (last and c == high)]
        mean = sum(c for c, _ in inside) / len(inside) if inside else 0.0
        bands.append(Band(low, high, len(inside), sum(r for _, r in inside), mean))
    return bands


def expected_calibration_error(bands: Sequence[Band]) -> float:
    """The count-weighted mean gap between confidence and share right, over the bands."""
    total = sum(b.count for b in bands)
    if not total:
        return 0.0
    return sum(b.count * abs(b.mean_confidence - (b.share_right or 0.0)) for b in bands) / total
