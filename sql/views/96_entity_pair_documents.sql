-- The documents behind an edge of the co-mention network: one row per pair of entities and document that
-- mentions both, with the document's title, outlet, publication time and URL, to read what links them.
CREATE OR REPLACE VIEW entity_pair_documents AS
WITH m AS (SELECT DISTINCT entity_id, doc_id FROM entity_mentions)
SELECT
    a.entity_id AS entity_a, b.entity_id AS entity_b, d.doc_id, d.title, d.source AS outlet,
    d.published_at, d.url
FROM m AS a
JOIN m AS b ON a.doc_id = b.doc_id AND a.entity_id < b.entity_id
JOIN documents AS d ON d.doc_id = a.doc_id;
