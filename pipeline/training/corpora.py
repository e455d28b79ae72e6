"""Training corpora: ANERcorp splits, NewsFANE (read, desegmented, harmonised), unlabeled news.

Training-only (never imported by the pipeline at run time). Data lives under ``shared_dir`` =
``…/shared/data`` or ``…/shared``:

* ``ner/anercorp_train.txt`` — ANERcorp; the LAST 10 % of its sentences is the dev split.
* ``ner/newsfane/NewsFANE_Gold_2014_170K.txt`` — NewsFANE gold; it re-annotates largely the same news
  text as ANERcorp, so every NewsFANE sentence sharing a 5-gram with the dev split is dropped, and by
  default also every sentence overlapping ANERcorp train (only the new text is added). Its clitic
  segmentation (``و الصادرات``, ``جانب ه``) is undone to match ANERcorp/simple_word_tokenize tokens, and
  its one-word labels are harmonised to ANERcorp's conventions (currencies, religions → MISC; see
  :func:`harmonize_newsfane`).
* ``news_sample/*/*.txt`` — unlabeled news for the word clusters.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from pipeline.nlp.ner.conll import read_anercorp, read_sentences, repair_bio, split_line
from pipeline.nlp.text import fold_hamza, normalize_for_matching
from pipeline.schemas import EntityType

log = logging.getLogger(__name__)

Sentence = list[tuple[str, str]]
ANERCORP = ("ner", "anercorp_train.txt")
NEWSFANE = ("ner", "newsfane", "NewsFANE_Gold_2014_170K.txt")


def data_root(shared_dir: Path) -> Path:
    shared_dir = Path(shared_dir)
    return shared_dir / "data" if (shared_dir / "data" / "ner").is_dir() else shared_dir


def dev_split(sentences: list[Sentence], frac: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): dev is the LAST ``frac`` of the sentences."""
    k = len(sentences) - int(len(sentences) * frac)
    return sentences[:k], sentences[k:]


def fold_of(i: int, n: int, k: int) -> int:
    """Fold of sentence ``i`` of ``n``: ``k`` contiguous blocks (stories stay together)."""
    return i * k // max(n, 1)


def fold_split(sentences: list[Sentence], j: int, k: int) -> tuple[list[Sentence], list[Sentence]]:
    """(the other folds, fold ``j``) of ``k`` contiguous blocks (:func:`fold_of`)."""
    n = len(sentences)
    return (
        [s for i, s in enumerate(sentences) if fold_of(i, n, k) != j],
        [s for i, s in enumerate(sentences) if fold_of(i, n, k) == j],
    )


# NewsFANE fine classes (ACE-style two-level taxonomy) → the four ANERcorp types. ``None`` means O.
# Choices follow ANERcorp's conventions: groups of people (العرب، المسلمين) are O there; buildings and
# facilities (الكعبة، البيت الأبيض، المسجد الأقصى) are MISC; airports/ports named after places are LOC;
# vehicles, weapons, works, products are MISC.
NEWSFANE_MAP: dict[str, str | None] = {
    # persons
    "Politician": "PERS",
    "Athlete": "PERS",
    "Artist": "PERS",
    "Other_PER": "PERS",
    "Religious_PER": "PERS",
    "Scientist": "PERS",
    "Businessperson": "PERS",
    "Lawyer": "PERS",
    "Engineer": "PERS",
    "Police": "PERS",
    "Group": None,
    # locations / GPEs
    "Nation": "LOC",
    "Population-Center": "LOC",
    "State-or-Province": "LOC",
    "GPE-Cluster": "LOC",
    "Water-Body": "LOC",
    "Land-Region-Natural": "LOC",
    "Continent": "LOC",
    "County-or-District": "LOC",
    "Celestial": "LOC",
    "Path": "LOC",
    "Airport": "LOC",
    "Subarea-Facility": "LOC",
    # organisations
    "Non-Governmental": "ORG",
    "Sports": "ORG",
    "Government": "ORG",
    "Media": "ORG",
    "Commercial": "ORG",
    "Educational": "ORG",
    "Medical-Science": "ORG",
    "Entertainment": "ORG",
    "Religious_ORG": "ORG",
    # miscellaneous
    "Building-Grounds": "MISC",
    "Book": "MISC",
    "Movie": "MISC",
    "Software": "MISC",
    "Hardware": "MISC",
    "Land": "MISC",
    "Air": "MISC",
    "Water": "MISC",
    "Projectile": "MISC",
    "Shooting": "MISC",
    "Food": "MISC",
    "Drug": "MISC",
    "Plant": "MISC",
    "Sound": "MISC",
    "Chemical": "MISC",
    "Nuclear": "MISC",
    "Exploding": "MISC",
    "Blunt": "MISC",
    "Sharp": "MISC",
    "Biological": "MISC",
    "Subarea-Vehicle": "MISC",
    "Underspecified": "MISC",
}


def map_newsfane_label(label: str) -> str:
    label = label.strip()
    if label in ("O", ""):
        return "O"
    if len(label) > 2 and label[1] == "-" and label[0] in "BI":
        typ = NEWSFANE_MAP.get(label[2:])
        if typ is None:
            parsed = EntityType.parse(label[2:])
            typ = parsed.tag if parsed else None
        return f"{label[0]}-{typ}" if typ else "O"
    return "O"


def _newsfane_fine_line(line: str) -> tuple[str, str] | None:
    if "\t" in line:
        tok, _, lab = line.rpartition("\t")
        tok = tok.strip()
    else:
        pair = split_line(line)
        if pair is None:
            return None
        tok, lab = pair
    if not tok:
        return None
    return tok.replace(" ", ""), lab.strip() or "O"


def _newsfane_line(line: str) -> tuple[str, str] | None:
    pair = _newsfane_fine_line(line)
    return None if pair is None else (pair[0], map_newsfane_label(pair[1]))


def read_newsfane(path: str | Path, fine: bool = False) -> list[list[tuple[str, str]]]:
    """Read NewsFANE gold: ``token<TAB>B-Fine-Class`` lines, a line with only a tab between sentences.
    Labels are mapped to the four ANERcorp types, or kept as the fine classes when ``fine``."""
    return read_sentences(path, _newsfane_fine_line if fine else _newsfane_line)


_PRO = {"و", "ف", "ب", "ل", "ك", "س", "وب", "ول", "فب", "فل", "وك", "لل"}
_ENC = {"ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ي", "هو"}


def desegment(sent: Sentence) -> Sentence:
    """Glue NewsFANE's separated clitics back onto their words (``و الصادرات`` → ``والصادرات``)."""
    out: list[list[str]] = []
    pending: tuple[str, str] | None = None
    for tok, lab in sent:
        if tok in _PRO and pending is None:
            pending = (tok, lab)
            continue
        if pending is not None:
            ptok, plab = pending
            pending = None
            if ptok.endswith("ل") and tok.startswith("ال"):
                word = ptok + tok[1:]
            else:
                word = ptok + tok
            lab = plab if plab != "O" else lab
            out.append([word, lab])
            continue
        if tok in (_ENC - {"هو"}) and out and out[-1][0][-1:].isalpha():
            out[-1][0] += tok
            continue
        out.append([tok, lab])
    if pending is not None:
        out.append(list(pending))
    labels = repair_bio([lab for _, lab in out])
    return [(t, lab) for (t, _), lab in zip(out, labels, strict=False)]


def _ngrams(tokens: list[str], k: int = 5) -> set[tuple[str, ...]]:
    t = [fold_hamza(x) for x in tokens]
    return {tuple(t[i : i + k]) for i in range(len(t) - k + 1)}


def harmonize_newsfane(
    extra: list[Sentence], train: list[Sentence], share: float = 0.8, min_count: int = 5
) -> tuple[list[Sentence], Counter[tuple[str, str, str]]]:
    """Re-label NewsFANE one-word positions to the ANERcorp convention learnt from ``train``.

    NewsFANE leaves currencies (دولار، يورو), religions (الإسلام) and ``الله`` outside names and calls
    Nobel a person, where ANERcorp says MISC; trained together, the two conventions pull MISC down.
    A word standing on its own in ``extra`` (``O``, or a one-word name) takes the one-word label
    ``B-X`` that ANERcorp ``train`` gives it in ≥ ``share`` of its ≥ ``min_count`` stand-alone uses
    (occurrences inside multi-word names are not counted). Names are never removed, and words inside
    or opening multi-word names are left alone. Returns the sentences and a count of
    ``(matching form, old label, new label)`` changes.
    """
    counts: dict[str, Counter[str]] = {}
    for s in train:
        labs = [lab for _, lab in s]
        for i, (tok, lab) in enumerate(s):
            nxt = labs[i + 1] if i + 1 < len(labs) else "O"
            if lab == "O" or (lab.startswith("B-") and nxt != "I-" + lab[2:]):
                counts.setdefault(normalize_for_matching(tok), Counter())[lab] += 1
    dominant: dict[str, str] = {}
    for word, c in counts.items():
        lab, k = c.most_common(1)[0]
        total = c.total()
        if lab != "O" and total >= min_count and k / total >= share:
            dominant[word] = lab
    out: list[Sentence] = []
    changed: Counter[tuple[str, str, str]] = Counter()
    for s in extra:
        labs = [lab for _, lab in s]
        new = list(labs)
        for i, (tok, lab) in enumerate(s):
            nxt = labs[i + 1] if i + 1 < len(labs) else "O"
            if nxt.startswith("I-") or lab.startswith("I-"):
                continue
            word = normalize_for_matching(tok)
            target = dominant.get(word)
            if target is not None and target != lab:
                new[i] = target
                changed[(word, lab, target)] += 1
        out.append([(tok, lab) for (tok, _), lab in zip(s, new, strict=True)])
    return out, changed


def load_data(shared_dir: Path, newsfane: str = "new", harmonize: bool = True) -> dict[str, list[Sentence]]:
    """ANERcorp train/dev and the usable NewsFANE sentences.

    ``newsfane``: ``"none"``, ``"new"`` (only sentences sharing no 5-gram with any ANERcorp sentence) or
    ``"nodev"`` (all sentences sharing no 5-gram with the dev split). With ``harmonize`` the NewsFANE
    sentences are re-labelled to the ANERcorp convention of the train split (:func:`harmonize_newsfane`).
    """
    root = data_root(shared_dir)
    aner = read_anercorp(root.joinpath(*ANERCORP))
    train, dev = dev_split(aner)
    extra: list[Sentence] = []
    nf_path = root.joinpath(*NEWSFANE)
    if newsfane != "none" and nf_path.exists():
        dev_ng: set = set()
        for s in dev:
            dev_ng |= _ngrams([t for t, _ in s])
        train_ng: set = set()
        if newsfane == "new":
            for s in train:
                train_ng |= _ngrams([t for t, _ in s])
        for s in read_newsfane(nf_path):
            s = desegment(s)
            ng = _ngrams([t for t, _ in s])
            if ng & dev_ng or ng & train_ng:
                continue
            extra.append(s)
    if harmonize:
        extra, changed = harmonize_newsfane(extra, train)
        log.info("NewsFANE harmonised to ANERcorp: %d labels changed", changed.total())
    return {"train": train, "dev": dev, "extra": extra}


def newsfane_outside(shared_dir: Path, held: list[Sentence]) -> list[Sentence]:
    """Every NewsFANE sentence (desegmented, labels as mapped) that shares no 5-gram with ``held``.

    Most of them re-annotate ANERcorp's own training text under NewsFANE's conventions; this is the
    "all of NewsFANE that is left" training set of the cross-validation bench (``--newsfane all``).
    """
    nf_path = data_root(shared_dir).joinpath(*NEWSFANE)
    if not nf_path.exists():
        return []
    held_ng: set = set()
    for s in held:
        held_ng |= _ngrams([t for t, _ in s])
    out: list[Sentence] = []
    for s in read_newsfane(nf_path):
        s = desegment(s)
        if not _ngrams([t for t, _ in s]) & held_ng:
            out.append(s)
    return out


def unlabeled_sentences(shared_dir: Path, train: list[Sentence]) -> list[list[str]]:
    """Tokenised unlabeled news (news_sample) plus the training text (if any), for the clusters."""
    from camel_tools.tokenizers.word import simple_word_tokenize

    root = data_root(shared_dir)
    out: list[list[str]] = [[t for t, _ in s] for s in train]
    for p in sorted((root / "news_sample").glob("*/*.txt")):
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            toks = simple_word_tokenize(line)
            if toks:
                out.append(toks)
    return out
