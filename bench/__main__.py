"""Run every ``bench/bench_*.py`` module's ``main()``, or only the ones named.

    python -m bench                      # all of them, default options
    python -m bench storage --n 20000    # bench_storage.py with its own options

Arguments after the names are handed to each module as its ``sys.argv``.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path


def available() -> list[str]:
    return sorted(p.stem.removeprefix("bench_") for p in Path(__file__).parent.glob("bench_*.py"))


def run(name: str, args: list[str]) -> int:
    module = importlib.import_module(f"bench.bench_{name}")
    saved = sys.argv
    sys.argv = [f"bench_{name}", *args]
    started = time.perf_counter()
    print(f"== bench {name} ==", flush=True)
    try:
        result = module.main()
    finally:
        sys.argv = saved
    print(f"== bench {name}: {time.perf_counter() - started:.1f} s ==", flush=True)
    return result if isinstance(result, int) else 0


def main(argv: list[str]) -> int:
    known = available()
    split = next((i for i, a in enumerate(argv) if a.startswith("-")), len(argv))
    names, rest = argv[:split], argv[split:]
    unknown = [n for n in names if n not in known]
    if unknown:
        print(f"unknown benchmarks: {', '.join(unknown)}; available: {', '.join(known)}")
        return 2
    failures = sum(run(name, rest) != 0 for name in names or known)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
