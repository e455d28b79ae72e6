-- Every entity mention with 40 characters of context on each side, its document title, source and date.
-- DuckDB's substring counts characters (code points) like Python, so offsets apply directly.
CREATE OR REPLACE VIEW mentions_in_context AS
SELECT
    m.mention_id,
    m.entity_id,
    e.name_ar AS entity_name,
    m.type,
    m.surface,
    m.mention_kind,
    substring(d.text, greatest(m."start" - 40, 0) + 1, least(m."start", 40)) AS left_context,
    substring(d.text, m."end" + 1, 40) AS right_context,
    m.doc_id,
    d.title,
    d.source,
    d.published_at,
    m."start",
    m."end",
    m.confidence,
    m.backend
FROM entity_mentions AS m
JOIN documents AS d USING (doc_id)
JOIN entities AS e USING (entity_id);
