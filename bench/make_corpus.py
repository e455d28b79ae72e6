"""Write a benchmark corpus of N distinct articles made from the paragraphs of a real one.

Each article is the title line of a source article followed by 3-8 paragraphs drawn (seeded) from the whole
source corpus, plus a short numbered lead, so no two are near-duplicates and the per-document work looks
like real news. The source's ``.meta.json`` sidecars are copied with the title changed, so metadata parsing
is exercised too. The output is for measuring, never for labelling or training.

    .venv/bin/python bench/make_corpus.py --source ../shared/data/news_sample --out /tmp/corpus13k --n 13358
    .venv/bin/akhbar bench --input /tmp/corpus13k
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", type=Path, required=True, help="folder of .txt articles (searched recursively)")
    ap.add_argument("--out", type=Path, required=True, help="folder to write (created; must be empty)")
    ap.add_argument("--n", type=int, default=13_358, help="number of articles to write")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args(argv)
    sources = sorted(args.source.rglob("*.txt"))
    if not sources:
        ap.error(f"no .txt files under {args.source}")
    if args.out.exists() and any(args.out.iterdir()):
        ap.error(f"{args.out} is not empty: choose a new folder")
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    articles = []
    paragraphs: list[str] = []
    for path in sources:
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8", errors="replace").split("\n") if ln.strip()]
        if len(lines) >= 2:
            articles.append((path, lines[0]))
            paragraphs += [ln for ln in lines[1:] if len(ln) >= 60]
    for i in range(args.n):
        path, title = articles[i % len(articles)]
        body = rng.sample(paragraphs, rng.randint(3, 8))
        stem = f"{path.stem}_b{i:06d}"
        text = f"{title} ({i})\n\n" + "\n".join(body) + "\n"
        (args.out / f"{stem}.txt").write_text(text, encoding="utf-8")
        meta = path.with_name(path.stem + ".meta.json")
        if meta.exists():
            data = json.loads(meta.read_text(encoding="utf-8"))
            data["title"] = f"{data.get('title', title)} ({i})"
            (args.out / f"{stem}.meta.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {args.n} articles from {len(articles)} sources and {len(paragraphs)} paragraphs to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
