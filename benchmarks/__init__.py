"""Benchmarks for the targets in DESIGN.md; `python -m benchmarks` prints ratios from one run."""
