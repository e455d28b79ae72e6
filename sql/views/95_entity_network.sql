-- The co-mention network around entities: pairs mentioned in at least two common documents, with both names
-- and types, how often they share a document and a sentence, and their PMI (association beyond chance);
-- strongest association first. Filter on name_a or name_b for the network around one entity.
CREATE OR REPLACE VIEW entity_network AS
SELECT
    p.entity_a, a.name_ar AS name_a, a.type AS type_a,
    p.entity_b, b.name_ar AS name_b, b.type AS type_b,
    p.n_docs, p.n_sentences, round(p.pmi, 3) AS pmi
FROM entity_pairs AS p
JOIN entities AS a ON a.entity_id = p.entity_a
JOIN entities AS b ON b.entity_id = p.entity_b
WHERE p.n_docs >= 2
ORDER BY p.pmi DESC, p.n_docs DESC, p.entity_a, p.entity_b;
