-- Entities ranked by how often the press mentions them, with names, type and reach. Leaves out what analysts
-- rarely want at the top (subtypes currency, religion, deity, scripture, common_noun) and name fragments (a
-- bare given name its article does not settle); those stay in `entities` and `entity_stats`.
CREATE OR REPLACE VIEW entity_leaderboard AS
SELECT
    s.entity_id,
    e.name_ar,
    e.name_en,
    e.type,
    e.subtype,
    e.country_code,
    e.kb_id,
    s.n_mentions,
    s.n_docs,
    s.n_clusters,
    s.n_sources,
    s.first_seen,
    s.last_seen
FROM entity_stats AS s
JOIN entities AS e USING (entity_id)
WHERE coalesce(e.subtype, '') NOT IN ('currency', 'religion', 'deity', 'scripture', 'common_noun', 'name_fragment')
ORDER BY s.n_mentions DESC, e.name_ar;
