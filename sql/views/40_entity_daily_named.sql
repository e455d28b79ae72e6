-- Daily mention counts per entity with its name, ready for a time-series chart.
CREATE OR REPLACE VIEW entity_daily_named AS
SELECT d.day, d.entity_id, e.name_ar, e.type, d.n_mentions, d.n_docs
FROM entity_daily AS d
JOIN entities AS e USING (entity_id)
ORDER BY d.day, d.n_mentions DESC;
