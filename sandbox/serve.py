"""Run the local AWS (moto, optionally behind the latency/fault proxy) in its own process.

`python -m sandbox.serve --latency 0.1` prints the endpoint URL on one line, then serves until
stdin closes. Benchmarks use it so the server's work does not share the client's GIL.
"""

from __future__ import annotations

import argparse
import sys

from sandbox.faults import FaultProxy
from sandbox.moto_server import MotoServer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--fault-rate", type=float, default=0.0)
    args = parser.parse_args()
    moto = MotoServer()
    proxy = FaultProxy(moto.start(), latency=args.latency, fault_rate=args.fault_rate)
    print(proxy.start(), flush=True)
    sys.stdin.read()  # until the parent closes our stdin
    proxy.stop()
    moto.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
