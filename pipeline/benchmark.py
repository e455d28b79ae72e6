"""``akhbar bench``: the pipeline's throughput against a floor measured in the same run.

The floor is the least any Arabic pipeline must do: read every file and run camel-tools
``normalize_unicode`` + ``arclean`` + ``dediac_ar`` + ``simple_word_tokenize`` over it, in one process.
The pipeline run is a full ``akhbar run`` (same process, same machine, right after the floor), into a
fresh warehouse. Printed: articles, tokens, seconds per stage (Dagster step), articles/s, peak RSS, the
floor and the ratio. A benchmark to read, not a timed test.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any


def _peak_rss_mb() -> tuple[float, float]:
    """(peak RSS of this process, of its largest finished child) in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def floor_seconds(input_dir: Path) -> tuple[float, int, int]:
    """(seconds, files, tokens) of the floor over every regular file under ``input_dir``."""
    from camel_tools.tokenizers.word import simple_word_tokenize
    from camel_tools.utils.charmap import CharMapper
    from camel_tools.utils.dediac import dediac_ar
    from camel_tools.utils.normalize import normalize_unicode

    arclean = CharMapper.builtin_mapper("arclean")
    files = sorted(p for p in input_dir.rglob("*") if p.is_file() and not p.name.startswith("."))
    start = time.perf_counter()
    tokens = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", "replace")
        tokens += len(simple_word_tokenize(dediac_ar(arclean(normalize_unicode(text)))))
    return time.perf_counter() - start, len(files), tokens


def step_seconds(instance: Any, run_id: str) -> dict[str, float]:
    """Seconds per Dagster step (start to success or failure) of a finished run."""
    started: dict[str, float] = {}
    spent: dict[str, float] = defaultdict(float)
    for entry in instance.all_logs(run_id):
        event = entry.dagster_event
        if event is None or event.step_key is None:
            continue
        if event.event_type_value == "STEP_START":
            started[event.step_key] = entry.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE") and event.step_key in started:
            spent[event.step_key] += entry.timestamp - started.pop(event.step_key)
    return dict(spent)


def run_bench(input_dir: Path, warehouse: Path | None = None, skip_floor: bool = False) -> dict[str, Any]:
    from pipeline.cli import main as akhbar_main

    floor, n_files, floor_tokens = (0.0, 0, 0) if skip_floor else floor_seconds(input_dir)
    if not skip_floor:
        print(f"floor: {n_files} files, {floor_tokens} tokens, {floor:.1f} s "
              "(read + normalize_unicode + arclean + dediac_ar + simple_word_tokenize, one process)", flush=True)
    out = warehouse or Path(tempfile.mkdtemp(prefix="akhbar-bench-")) / "warehouse"
    import pipeline.cli as cli

    captured: dict[str, Any] = {}
    original = cli._execute
    def capture(job: Any, **kw: Any) -> Any:
        result = original(job, **kw)
        captured["result"], captured["instance"] = result, kw["instance"]
        return result

    cli._execute = capture
    start = time.perf_counter()
    try:
        rc = akhbar_main(["run", "--input", str(input_dir), "--warehouse", str(out), "--quiet"])
    finally:
        cli._execute = original
    total = time.perf_counter() - start
    result = captured.get("result")
    steps = step_seconds(captured["instance"], result.run_id) if result is not None else {}
    from pipeline.storage.parquet import ParquetStore

    docs = ParquetStore(out).read("documents") if rc == 0 else None
    own, children = _peak_rss_mb()
    report: dict[str, Any] = {
        "input": str(input_dir), "files": n_files, "documents": docs.height if docs is not None else None,
        "tokens": int(docs["n_tokens"].sum()) if docs is not None else None, "rc": rc,
        "seconds": round(total, 1), "floor_seconds": round(floor, 1),
        "ratio_to_floor": round(total / floor, 2) if floor and rc == 0 else None,
        "articles_per_second": round((docs.height if docs is not None else 0) / total, 1),
        "peak_rss_mb": round(max(own, children)), "workers": os.environ.get("AKHBAR_WORKERS") or "auto",
        "steps": {k: round(v, 1) for k, v in sorted(steps.items(), key=lambda kv: -kv[1])},
    }
    if rc != 0:
        print(f"\nakhbar bench: the run failed (exit code {rc}); no throughput is reported", file=sys.stderr)
        print(json.dumps(report, ensure_ascii=False))
        return report
    print("\n stage                                     seconds")
    for key, secs in report["steps"].items():
        if secs >= 0.1:
            print(f" {key:<42} {secs:>7.1f}")
    print(f"\n total {total:.1f} s, {report['articles_per_second']} articles/s, peak RSS {report['peak_rss_mb']} MB"
          + (f", {report['ratio_to_floor']} x the floor ({floor:.1f} s)" if floor else ""))
    print(json.dumps(report, ensure_ascii=False))
    return report


def bench_main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="akhbar bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", required=True, help="folder of articles")
    ap.add_argument("--warehouse", help="where to write (default: a fresh temp folder)")
    ap.add_argument("--no-floor", action="store_true", help="skip the floor measurement")
    args = ap.parse_args(argv)
    report = run_bench(Path(args.input), Path(args.warehouse) if args.warehouse else None, args.no_floor)
    return 0 if report["rc"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(bench_main(sys.argv[1:]))
