"""The ``camel`` NER backend: camel-tools ``NERecognizer`` over a local BERT token-classification model.

For users who have CAMeL Lab's ``ner-arabert`` data (or any BERT token-classification model with BIO labels
over PERS/LOC/ORG/MISC) in a local folder: ``AKHBAR_NER_BACKEND=camel AKHBAR_CAMEL_NER_MODEL=/path/to/model``.
Nothing is downloaded. camel-tools reads a data catalogue when ``camel_tools.ner`` is imported; when
``CAMELTOOLS_DATA`` does not point at one, a stub catalogue is written to a private temp folder first so the
import does not try to download.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from pipeline.nlp.ner.base import Labels

STUB_CATALOGUE = {"version": "0", "packages": {}, "components": {}}
MAX_SEQ_LENGTH = 512
BATCH_SIZE = 32


def ensure_camel_data_dir() -> Path:
    """A CAMELTOOLS_DATA folder holding a catalogue.json (the user's if set and valid, else a stub)."""
    current = os.environ.get("CAMELTOOLS_DATA")
    if current and (Path(current) / "catalogue.json").is_file():
        return Path(current)
    stub = Path(tempfile.gettempdir()) / "akhbar-camel-tools-data"
    stub.mkdir(parents=True, exist_ok=True)
    catalogue = stub / "catalogue.json"
    if not catalogue.exists():
        catalogue.write_text(json.dumps(STUB_CATALOGUE), encoding="utf-8")
    os.environ["CAMELTOOLS_DATA"] = str(stub)
    return stub


class CamelBackend:
    """NerBackend ``camel``: word-level BIO labels with the softmax probability of the chosen label."""

    name = "camel"

    def __init__(self, model_dir: str | Path) -> None:
        path = Path(model_dir)
        if not (path / "config.json").is_file():
            raise FileNotFoundError(
                f"no BERT model at {path} (config.json missing): point AKHBAR_CAMEL_NER_MODEL at the folder of "
                "CAMeL's ner-arabert model, or use the default 'crf' backend"
            )
        ensure_camel_data_dir()
        from camel_tools.ner import NERecognizer

        self.recognizer = NERecognizer(str(path), use_gpu=False)

    def tag(self, sentences: list[list[str]]) -> list[Labels]:
        import torch
        from camel_tools.ner import NERDataset
        from torch.utils.data import DataLoader

        if not sentences:
            return []
        rec = self.recognizer
        labels_map = rec.model.config.id2label
        max_len = min(MAX_SEQ_LENGTH, int(getattr(rec.model.config, "max_position_embeddings", MAX_SEQ_LENGTH)))
        dataset = NERDataset(sentences=sentences, tokenizer=rec.tokenizer, labels=list(labels_map.values()),
                             max_seq_length=max_len)
        loader = DataLoader(dataset, batch_size=BATCH_SIZE, shuffle=False, drop_last=False)
        rec.model.eval()
        out: list[Labels] = [[] for _ in sentences]
        with torch.no_grad():
            for batch in loader:
                inputs = {k: batch[k] for k in ("input_ids", "token_type_ids", "attention_mask")}
                probs = torch.softmax(rec.model(**inputs)[0], dim=-1)
                best_p, best_i = probs.max(dim=-1)
                for row in range(best_i.shape[0]):
                    sent = int(batch["sent_id"][row])
                    for col in range(best_i.shape[1]):
                        if int(batch["label_ids"][row][col]) == dataset.pad_token_label_id:
                            continue  # special token, padding or a non-initial word piece
                        out[sent].append((labels_map[int(best_i[row][col])], float(best_p[row][col])))
        # words the tokenizer drops entirely (no word pieces) get no prediction: label them O
        for i, words in enumerate(sentences):
            if len(out[i]) != len(words):
                out[i] = _realign(words, out[i], rec.tokenizer)
        return out


def _realign(words: list[str], preds: Labels, tokenizer: Any) -> Labels:
    it = iter(preds)
    return [next(it, ("O", 1.0)) if tokenizer.tokenize(w) else ("O", 1.0) for w in words]
