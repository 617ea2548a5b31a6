"""Run every benchmark in one process and print the measured ratios."""

from __future__ import annotations

import importlib
import sys

SECTIONS = ("bench_apply", "bench_events", "bench_busy", "bench_gui")


def main(names: list[str]) -> int:
    for name in names or SECTIONS:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            print(f"{name}: skipped ({exc})")
            continue
        for line in module.run():
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
