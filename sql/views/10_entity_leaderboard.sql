-- Entities ranked by how often the press mentions them, with names, type and reach.
CREATE OR REPLACE VIEW entity_leaderboard AS
SELECT
    s.entity_id,
    e.name_ar,
    e.name_en,
    e.type,
    e.country_code,
    s.n_mentions,
    s.n_docs,
    s.n_clusters,
    s.n_sources,
    s.first_seen,
    s.last_seen
FROM entity_stats AS s
JOIN entities AS e USING (entity_id)
ORDER BY s.n_mentions DESC, e.name_ar;
