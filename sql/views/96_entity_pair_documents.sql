-- The documents behind an edge of the co-mention network: one row per pair of entities and document that
-- mentions both (the entity_pair_docs bridge), with both names, the sentences of that document naming both,
-- and the document's title, outlet, publication time and URL, to read what links them.
CREATE OR REPLACE VIEW entity_pair_documents AS
SELECT
    p.entity_a, ea.name_ar AS name_a, p.entity_b, eb.name_ar AS name_b, p.doc_id, p.n_sentences, d.title,
    d.source AS outlet, d.published_at, d.url
FROM entity_pair_docs AS p
JOIN entities AS ea ON ea.entity_id = p.entity_a
JOIN entities AS eb ON eb.entity_id = p.entity_b
JOIN documents AS d ON d.doc_id = p.doc_id;
