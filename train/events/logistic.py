"""Logistic regression by Newton's method, for the small event models trained here
(train_confidence, train_vector_filter): NumPy only, an L2 penalty on the weights but not on
the intercept, optional per-row weights."""

from __future__ import annotations

import numpy as np


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: float, row_weight: np.ndarray | None = None,
                 *, iterations: int, tolerance: float) -> tuple[np.ndarray, float]:
    """The weights and the intercept; stops when no Newton step moves a weight by `tolerance`."""
    x1 = np.hstack([x, np.ones((len(x), 1), dtype=x.dtype)]).astype(np.float64)
    weight = np.ones(len(y)) if row_weight is None else row_weight
    ridge = penalty * np.eye(x1.shape[1])
    ridge[-1, -1] = 0.0
    w = np.zeros(x1.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-x1 @ w))
        gradient = x1.T @ (weight * (p - y)) + ridge @ w
        hessian = (x1 * (weight * p * (1 - p))[:, None]).T @ x1 + ridge
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < tolerance:
            break
    return w[:-1], float(w[-1])
