-- What each outlet covers: per outlet and entity type, its articles, the mentions of that type, how many
-- distinct entities, the type's share of the outlet's mentions, and its five most mentioned entities.
CREATE OR REPLACE VIEW outlet_coverage AS
WITH m AS (
    SELECT coalesce(d.source, 'unknown') AS outlet, e.type, e.entity_id, e.name_ar, em.doc_id
    FROM entity_mentions AS em
    JOIN documents AS d USING (doc_id)
    JOIN entities AS e USING (entity_id)
),
per_entity AS (
    SELECT outlet, type, entity_id, name_ar, count(*) AS n,
           row_number() OVER (PARTITION BY outlet, type ORDER BY count(*) DESC, name_ar) AS rank
    FROM m GROUP BY outlet, type, entity_id, name_ar
),
docs AS (SELECT coalesce(source, 'unknown') AS outlet, count(*) AS n_docs FROM documents GROUP BY 1)
SELECT
    p.outlet,
    p.type,
    CAST(any_value(docs.n_docs) AS BIGINT) AS n_docs,
    CAST(sum(p.n) AS BIGINT) AS n_mentions,
    CAST(count(*) AS BIGINT) AS n_entities,
    round(sum(p.n) / sum(sum(p.n)) OVER (PARTITION BY p.outlet), 3) AS share_of_outlet_mentions,
    string_agg(p.name_ar || ' (' || p.n || ')', ' | ' ORDER BY p.rank) FILTER (WHERE p.rank <= 5) AS top_entities
FROM per_entity AS p
JOIN docs USING (outlet)
GROUP BY p.outlet, p.type
ORDER BY p.outlet, n_mentions DESC;
