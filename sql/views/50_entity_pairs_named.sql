-- Co-mentioned entity pairs with both names, strongest first.
CREATE OR REPLACE VIEW entity_pairs_named AS
SELECT
    p.entity_a, a.name_ar AS name_a, a.type AS type_a,
    p.entity_b, b.name_ar AS name_b, b.type AS type_b,
    p.n_docs, p.n_sentences
FROM entity_pairs AS p
JOIN entities AS a ON a.entity_id = p.entity_a
JOIN entities AS b ON b.entity_id = p.entity_b
ORDER BY p.n_sentences DESC, p.n_docs DESC;
