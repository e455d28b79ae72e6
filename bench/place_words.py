"""Derive ``pipeline/resources/lexicons/place_words_ar.txt``: the one-word cities and provinces of the
gazetteer that the press names as places whatever the words around them.

    .venv/bin/akhbar run --input ../shared/data/news_sample --warehouse /tmp/wh_places --quiet
    .venv/bin/python bench/place_words.py --warehouse /tmp/wh_places            # print the table
    .venv/bin/python bench/place_words.py --warehouse /tmp/wh_places --write    # rewrite the lexicon

Run it on a warehouse built with an empty list (header lines only), so that the figures are the tagger's
own. For every token of the documents whose word, with or without a proclitic, is a one-word gazetteer city
or province, the script notes whether a mention covers it and of what kind: a mention of that word alone
(LOC or another type), a longer mention it is part of ("جامعة الدمام"), or none. A word is listed when it
occurs at least ``--min`` times alone or untagged, the tagger made it a place alone in at least ``--share``
of those occurrences, and another type in at most a tenth of its one-word mentions: "جدة", "الطائف",
"نجران" (not "مدريد", the club; not "الخبر", the news; not "امان", safety; not "وجدة", also و + "جدة").
A listed word the tagger missed in a document is a place there too (``listed_places`` in
``pipeline/nlp/ner/enrich.py``). Names two countries share ("عمان", "طرابلس") and the homographs of
``homographs_ar.tsv`` are never listed.

These are counts over unlabeled text (the news sample's words are not shipped, only the list).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

HEADER = """# One-word cities and provinces the press names as places whatever the words around them (identity
# keys, one per line). Derived by bench/place_words.py from the tagger's own mentions over the 2,000-article
# news sample (a word made a place alone in >= {share:.0%} of its >= {min_n} untagged-or-alone occurrences,
# another type in <= 10%; plus --also: {also}); a listed word the tagger missed in a document is a place there
# too. Edit by hand with care: a word here is tagged wherever it stands unless a demonstrative or
# common_word_contexts_ar.tsv says otherwise.
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--warehouse", required=True, type=Path)
    ap.add_argument("--min", type=int, default=10, help="occurrences alone or untagged (default 10)")
    ap.add_argument("--share", type=float, default=0.75, help="share made a place alone (default 0.75)")
    ap.add_argument("--also", default="عسير,القصيم",
                    help="places listed whatever their share, after reading every untagged occurrence: Saudi "
                         "regions no city shares a name with, which the tagger misses in lists and brackets "
                         "('من (عسير)'); default %(default)s")
    ap.add_argument("--write", action="store_true", help="rewrite place_words_ar.txt")
    args = ap.parse_args(argv)

    from pipeline.lexicons import lexicon_path, places
    from pipeline.nlp.ner.enrich import entity_lexicon, first_word_keys
    from pipeline.nlp.text import identity_key, tokenize
    from pipeline.storage.parquet import ParquetStore

    lex = entity_lexicon()
    store = ParquetStore(args.warehouse)
    mentions = store.read("entity_mentions").select("doc_id", "start", "end", "type")
    documents = store.read("documents").select("doc_id", "text")
    single = {identity_key(norm) for norm, entry in places().items()
              if " " not in norm and entry.subtype in ("city", "province")}
    # never listed: names two countries share, homographs, countries and regions, and a word a proclitic makes
    # another place ("وجده" is Oujda as written but also و + "جده", and "he found it"); a token is counted
    # under its first reading that is a place at all, as the tagger reads it ("فيينا" is Vienna, not ف + "يينا")
    never = set(lex.shared_places) | set(lex.homographs) | set(lex.entries)
    never |= {k for k in single if k[:1] in "وفبلك" and k[1:] in single}
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for doc_id, start, end, typ in mentions.iter_rows():
        by_doc[doc_id].append((start, end, typ))
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id, text in documents.iter_rows():
        spans = sorted(by_doc.get(doc_id, ()))
        for tok in tokenize(text):
            key = next((k for _, k in first_word_keys(tok.text) if k in lex.place_types), None)
            if key is None or key not in single or key in never:
                continue
            cover = next(((s, e, t) for s, e, t in spans if s < tok.end and e > tok.start), None)
            if cover is None:
                stats[key]["none"] += 1
            elif cover[0] >= tok.start and cover[1] <= tok.end:
                stats[key]["LOC" if cover[2] == "LOC" else "other"] += 1
            else:
                stats[key]["longer"] += 1
    listed = []
    for key, c in sorted(stats.items(), key=lambda kv: -sum(kv[1].values())):
        n = c["LOC"] + c["other"] + c["none"]
        ok = n >= args.min and c["LOC"] >= args.share * n and c["other"] <= 0.1 * (c["LOC"] + c["other"])
        print(f"{'+' if ok else ' '} {key}\tLOC={c['LOC']} other={c['other']} none={c['none']} longer={c['longer']}")
        if ok:
            listed.append(key)
    for word in filter(None, args.also.split(",")):
        key = identity_key(word)
        if key not in listed and key in single and key not in never:
            listed.append(key)
            print(f"+ {key}\t(--also)")
    print(f"{len(listed)} listed of {len(stats)} seen", file=sys.stderr)
    if args.write:
        path = lexicon_path("place_words_ar.txt")
        header = HEADER.format(share=args.share, min_n=args.min, also=args.also.replace(",", ", "))
        path.write_text(header + "".join(k + "\n" for k in sorted(listed)), encoding="utf-8")
        print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
