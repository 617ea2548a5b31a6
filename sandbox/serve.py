"""Run the local AWS (moto, optionally behind the latency/fault proxy) in its own process.

`python -m sandbox.serve --latency 0.1` prints the endpoint URL on one line, then serves until
stdin closes. Benchmarks use it so the server's work does not share the client's GIL.
"""

from __future__ import annotations

import argparse
import sys

from sandbox.faults import FaultProxy
from sandbox.history import seed_history
from sandbox.lookup_emulator import LookupEventsEmulator
from sandbox.moto_server import MotoServer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--fault-rate", type=float, default=0.0)
    parser.add_argument("--lookup", action="store_true",
                        help="also run the LookupEvents emulator (seeded) and print its URL")
    args = parser.parse_args()
    moto = MotoServer()
    proxy = FaultProxy(moto.start(), latency=args.latency, fault_rate=args.fault_rate)
    print(proxy.start(), flush=True)
    emulator = None
    if args.lookup:
        emulator = LookupEventsEmulator(upstream=proxy.url, latency=args.latency)
        print(emulator.start(), flush=True)
        emulator.load(seed_history(("ap-northeast-1", "us-west-2")))
    sys.stdin.read()  # until the parent closes our stdin
    if emulator:
        emulator.stop()
    proxy.stop()
    moto.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
