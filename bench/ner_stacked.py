"""Experiment (not shipped): a small neural tagger stacked on the CRF, scored on the ANERcorp dev split.

    .venv/bin/python bench/ner_stacked.py --shared ../shared [--epochs 15] [--feature-dropout 0]

Each token is represented by the sum of learnt vectors of its CRF word features (the ``own`` features of
:class:`~pipeline.nlp.ner.features.FeatureExtractor`: word, affixes, clitics, shape, gazetteer, trigger,
jackknifed training lexicon, frequency, clusters, dictionary class, gazetteer phrases) and a character CNN
over the word (width 3, max-pooled); a BiLSTM reads the sentence, a linear layer gives a distribution over
the BIO labels. Its distribution is averaged with the CRF's marginals (weight ``w`` for the network) and
decoded with a BIO-constrained Viterbi. The CRF is the recipe's dev model (ANERcorp's first 90 % + the
NewsFANE sentences), the network is trained on the same sentences; one JSON line per epoch with the dev
micro F1 of the network alone and of the averages. Results and the decision are in the model card.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from torch import nn

from pipeline.nlp.ner.features import FeatureExtractor

NET_FILE = "net.pt"
NET_CONFIG_FILE = "net.json"
MAX_WORD_CHARS = 20


class TokenEncoder:
    """Feature strings and characters of a sentence -> integer ids (0 = padding, 1 = unknown)."""

    def __init__(self, feature_ids: dict[str, int], char_ids: dict[str, int]):
        self.feature_ids = feature_ids
        self.char_ids = char_ids
        self._word_cache: dict[str, tuple[list[int], list[int]]] = {}

    @staticmethod
    def token_features(extractor: FeatureExtractor, tokens: Sequence[str]) -> list[list[str]]:
        """The per-token input features: own CRF word features + gazetteer-phrase B/I features."""
        words = [extractor._word(t) for t in tokens]
        phrase = (
            extractor._phrase_matches(words)
            if extractor.cfg.has("gaz") and extractor.res.gaz_phrases
            else [[] for _ in words]
        )
        return [w.own + p for w, p in zip(words, phrase, strict=True)]

    def encode(self, extractor: FeatureExtractor, tokens: Sequence[str]) -> tuple[list[list[int]], list[list[int]]]:
        """(feature ids per token, character ids per token) of one sentence."""
        fids = self.feature_ids
        words = [extractor._word(t) for t in tokens]
        phrase = (
            extractor._phrase_matches(words)
            if extractor.cfg.has("gaz") and extractor.res.gaz_phrases
            else None
        )
        feats: list[list[int]] = []
        chars: list[list[int]] = []
        cache = self._word_cache
        for i, t in enumerate(tokens):
            hit = cache.get(t)
            if hit is None:
                f = [fids[x] for x in words[i].own if x in fids] or [1]
                c = [self.char_ids.get(ch, 1) for ch in t[:MAX_WORD_CHARS]] or [1]
                hit = (f, c)
                if len(cache) < 500_000:
                    cache[t] = hit
            f = hit[0]
            if phrase is not None and phrase[i]:
                f = f + [fids[x] for x in phrase[i] if x in fids]
            feats.append(f)
            chars.append(hit[1])
        return feats, chars


class BiLstmNet(nn.Module):
    """Feature bag + char-CNN -> BiLSTM -> label scores."""

    def __init__(
        self,
        n_features: int,
        n_chars: int,
        n_labels: int,
        feature_dim: int = 128,
        char_dim: int = 32,
        char_filters: int = 64,
        hidden: int = 96,
        dropout: float = 0.5,
    ):
        super().__init__()
        self.config = {
            "n_features": n_features, "n_chars": n_chars, "n_labels": n_labels, "feature_dim": feature_dim,
            "char_dim": char_dim, "char_filters": char_filters, "hidden": hidden, "dropout": dropout,
        }
        self.features = nn.EmbeddingBag(n_features, feature_dim, mode="sum", padding_idx=0)
        self.chars = nn.Embedding(n_chars, char_dim, padding_idx=0)
        self.conv = nn.Conv1d(char_dim, char_filters, kernel_size=3, padding=1)
        self.drop = nn.Dropout(dropout)
        self.lstm = nn.LSTM(feature_dim + char_filters, hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hidden, n_labels)

    def forward(
        self, bag: torch.Tensor, offsets: torch.Tensor, chars: torch.Tensor, lengths: list[int]
    ) -> torch.Tensor:
        """Label scores ``[sentences, max length, labels]`` for a batch of sentences.

        ``bag``/``offsets``: the feature ids of all tokens of the batch, flat; ``chars``: ``[tokens,
        characters]``; ``lengths``: tokens per sentence (the tokens are in sentence order)."""
        tok = torch.cat([self.features(bag, offsets), self._char_vectors(chars)], dim=1)
        tok = self.drop(tok)
        seqs = torch.split(tok, lengths)
        padded = nn.utils.rnn.pad_sequence(list(seqs), batch_first=True)
        packed = nn.utils.rnn.pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
        out, _ = self.lstm(packed)
        out, _ = nn.utils.rnn.pad_packed_sequence(out, batch_first=True, total_length=padded.shape[1])
        return self.out(self.drop(out))

    def _char_vectors(self, chars: torch.Tensor) -> torch.Tensor:
        x = self.chars(chars).transpose(1, 2)  # [tokens, dim, chars]
        x = torch.relu(self.conv(x))
        x = x.masked_fill((chars == 0).unsqueeze(1), -1e4)
        return x.max(dim=2).values


def batch_tensors(
    encoded: Sequence[tuple[list[list[int]], list[list[int]]]],
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, list[int]]:
    """Flat feature bag, offsets, padded char matrix and lengths of a batch of encoded sentences."""
    flat: list[int] = []
    offsets: list[int] = []
    chars: list[list[int]] = []
    lengths: list[int] = []
    for feats, ch in encoded:
        lengths.append(len(feats))
        for f in feats:
            offsets.append(len(flat))
            flat.extend(f)
        chars.extend(ch)
    width = max((len(c) for c in chars), default=1)
    char_t = torch.zeros((len(chars), max(width, 3)), dtype=torch.long)
    for i, c in enumerate(chars):
        char_t[i, : len(c)] = torch.tensor(c, dtype=torch.long)
    return torch.tensor(flat, dtype=torch.long), torch.tensor(offsets, dtype=torch.long), char_t, lengths


def allowed_transitions(labels: Sequence[str]) -> torch.Tensor:
    """``[from, to]`` matrix of 0 (allowed) / -inf (an ``I-X`` after anything but ``B-X``/``I-X``);
    row ``len(labels)`` is the sentence start."""
    n = len(labels)
    m = torch.zeros((n + 1, n))
    for j, to in enumerate(labels):
        if to.startswith("I-"):
            for i in range(n + 1):
                frm = labels[i] if i < n else "O"
                if frm[2:] != to[2:] or frm == "O":
                    m[i, j] = -math.inf
    return m


def viterbi(logp: torch.Tensor, trans: torch.Tensor) -> list[int]:
    """Best label path through per-token log probabilities ``[tokens, labels]`` under ``trans``."""
    n_tok = logp.shape[0]
    if n_tok == 0:
        return []
    score = trans[-1] + logp[0]
    back: list[torch.Tensor] = []
    body = trans[:-1]
    for t in range(1, n_tok):
        cand = score.unsqueeze(1) + body  # [from, to]
        best, arg = cand.max(dim=0)
        back.append(arg)
        score = best + logp[t]
    path = [int(score.argmax())]
    for arg in reversed(back):
        path.append(int(arg[path[-1]]))
    return path[::-1]


def save_net(net: BiLstmNet, encoder: TokenEncoder, labels: Sequence[str], model_dir: Path, **extra: Any) -> None:
    torch.save(net.state_dict(), model_dir / NET_FILE)
    (model_dir / NET_CONFIG_FILE).write_text(
        json.dumps(
            {"net": net.config, "labels": list(labels), "features": encoder.feature_ids, "chars": encoder.char_ids,
             **extra},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def load_net(model_dir: Path) -> tuple[BiLstmNet, TokenEncoder, list[str], dict[str, Any]]:
    data = json.loads((model_dir / NET_CONFIG_FILE).read_text(encoding="utf-8"))
    net = BiLstmNet(**data["net"])
    net.load_state_dict(torch.load(model_dir / NET_FILE, map_location="cpu", weights_only=True))
    net.eval()
    return net, TokenEncoder(data["features"], data["chars"]), list(data["labels"]), data


def predict_probs(
    net: BiLstmNet, encoder: TokenEncoder, extractor: FeatureExtractor, sentences: Sequence[Sequence[str]],
    batch_size: int = 64,
) -> list[torch.Tensor]:
    """Softmax label distribution ``[tokens, labels]`` per sentence (empty sentences give ``[0, labels]``)."""
    out: list[torch.Tensor] = [torch.zeros((0, int(net.config["n_labels"]))) for _ in sentences]
    idx = [i for i, s in enumerate(sentences) if len(s)]
    idx.sort(key=lambda i: len(sentences[i]))
    with torch.inference_mode():
        for b in range(0, len(idx), batch_size):
            chunk = idx[b : b + batch_size]
            enc = [encoder.encode(extractor, sentences[i]) for i in chunk]
            bag, off, ch, lengths = batch_tensors(enc)
            probs = torch.softmax(net(bag, off, ch, lengths), dim=-1)
            for k, i in enumerate(chunk):
                out[i] = probs[k, : lengths[k]]
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse
    import os
    import random
    import time
    from collections import Counter
    from dataclasses import replace

    from pipeline.nlp.ner.crf import MODEL_FILE, CrfTagger
    from pipeline.nlp.ner.evaluate import score
    from pipeline.nlp.ner.features import FeatureConfig
    from pipeline.training.corpora import data_root, fold_of, load_data
    from pipeline.training.recipe import DEFAULT_GROUPS, fit, fold_extractors
    from pipeline.training.resources import build_lexicon, build_resources

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    ap.add_argument("--work", default="/tmp/akhbar_ner_stacked", help="CRF model and marginals are kept here")
    ap.add_argument("--cache", default="/tmp/akhbar_ner_cache", help="word clusters (as bench/ner_cv.py)")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--hidden", type=int, default=96)
    ap.add_argument("--feature-dim", type=int, default=128)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--dropout", type=float, default=0.5)
    ap.add_argument("--feature-dropout", type=float, default=0.0, help="drop each input feature with this rate")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    torch.set_num_threads(1)
    root = data_root(Path(args.shared))
    data = load_data(root)
    train, held = data["train"] + data["extra"], data["dev"]
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    res = build_resources(root, data["train"], work / "res", cache_dir=Path(args.cache), with_freq=True,
                          with_dict=True)
    cfg = FeatureConfig(groups=DEFAULT_GROUPS)
    if (work / MODEL_FILE).exists():
        crf = CrfTagger.from_parts(work / MODEL_FILE, replace(res, lex_words=build_lexicon(train)), cfg)
    else:
        crf = fit(train, res, work / MODEL_FILE, params={"propagate": None})
    labels = ["O"] + [f"{p}-{t}" for t in ("PERS", "LOC", "ORG", "MISC") for p in ("B", "I")]
    lab_id = {lab: i for i, lab in enumerate(labels)}
    held_tok = [[t for t, _ in s] for s in held]
    gold = [[lab for _, lab in s] for s in held]
    crf_marg = []
    for toks in held_tok:
        crf._tagger.set(crf.extractor.sentence(toks))
        crf._tagger.tag()
        crf_marg.append(torch.tensor([[crf._tagger.marginal(lab, i) for lab in labels] for i in range(len(toks))]))
    trans = allowed_transitions(labels)

    def decode(dists: list[torch.Tensor]) -> list[list[str]]:
        return [[labels[i] for i in viterbi(d.clamp_min(1e-9).log(), trans)] for d in dists]

    print(json.dumps({"crf": round(score(gold, decode(crf_marg))["f1"], 4)}), flush=True)
    exts = fold_extractors(train, replace(res, lex_words=build_lexicon(train)), cfg)  # jackknifed lexicon
    tok_feats = [TokenEncoder.token_features(exts[fold_of(i, len(train), len(exts))], [t for t, _ in s])
                 for i, s in enumerate(train)]
    fc: Counter[str] = Counter(f for tf in tok_feats for fs in tf for f in fs)
    cc: Counter[str] = Counter(ch for s in train for t, _ in s for ch in t)
    fids = {f: i + 2 for i, f in enumerate(sorted(f for f, c in fc.items() if c >= 2))}
    cids = {c: i + 2 for i, c in enumerate(sorted(c for c, n in cc.items() if n >= 2))}
    enc = TokenEncoder(fids, cids)
    examples = [
        ([[fids[x] for x in fs if x in fids] or [1] for fs in tf],
         [[cids.get(ch, 1) for ch in t[:MAX_WORD_CHARS]] or [1] for t, _ in s],
         [lab_id[lab] for _, lab in s])
        for s, tf in zip(train, tok_feats, strict=True)
    ]
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    net = BiLstmNet(len(fids) + 2, len(cids) + 2, len(labels), feature_dim=args.feature_dim, hidden=args.hidden,
                    dropout=args.dropout)
    opt = torch.optim.Adam(net.parameters(), lr=args.lr)
    for ep in range(args.epochs):
        net.train()
        order = list(range(len(examples)))
        rng.shuffle(order)
        t0 = time.time()
        for b in range(0, len(order), 16):
            batch = [examples[i] for i in order[b : b + 16]]
            if args.feature_dropout:
                batch = [([[x for x in ff if rng.random() >= args.feature_dropout] or [1] for ff in f], c, y)
                         for f, c, y in batch]
            bag, off, ch, lengths = batch_tensors([(f, c) for f, c, _ in batch])
            scores = net(bag, off, ch, lengths)
            y = torch.full(scores.shape[:2], -100, dtype=torch.long)
            for k, (_, _, yy) in enumerate(batch):
                y[k, : len(yy)] = torch.tensor(yy)
            loss = nn.functional.cross_entropy(scores.reshape(-1, len(labels)), y.reshape(-1), ignore_index=-100)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
        net.eval()
        t1 = time.time()
        probs = predict_probs(net, enc, crf.extractor, held_tok)
        row: dict[str, Any] = {"epoch": ep, "train_s": round(t1 - t0),
                               "net_tokens_per_s": round(sum(map(len, held_tok)) / (time.time() - t1)),
                               "net": round(score(gold, decode(probs))["f1"], 4)}
        for w in (0.3, 0.5, 0.7):
            avg = [w * p + (1 - w) * m for p, m in zip(probs, crf_marg, strict=True)]
            row[f"avg_w{w}"] = round(score(gold, decode(avg))["f1"], 4)
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
