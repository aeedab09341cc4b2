"""Robustness fixtures: adversarial inputs, hypothesis profiles, entry points, regex audit.

Used by ``tests/test_robust_*.py`` and ``bench/bench_robustness.py``.
"""
