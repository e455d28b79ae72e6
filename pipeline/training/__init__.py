"""Training and build tools: NER corpora, the training recipe, resource builders. Never imported by
the pipeline at run time (a test checks it); ``akhbar ner-train`` and ``bench/`` use it."""
