-- Events in date order with readable actor, recipient and place names (lists joined with ' | ').
CREATE OR REPLACE VIEW event_timeline AS
WITH names AS (SELECT entity_id, name_ar FROM entities)
SELECT
    ev.event_id,
    ev.date,
    ev.date_end,
    ev.date_precision,
    ev.event_type,
    ev.mode,
    ev.cameo_root,
    ev.quad_class,
    ev.goldstein,
    (SELECT string_agg(n.name_ar, ' | ' ORDER BY n.name_ar) FROM unnest(ev.actor_ids) AS a(id)
        JOIN names AS n ON n.entity_id = a.id) AS actors,
    (SELECT string_agg(n.name_ar, ' | ' ORDER BY n.name_ar) FROM unnest(ev.recipient_ids) AS r(id)
        JOIN names AS n ON n.entity_id = r.id) AS recipients,
    loc.name_ar AS location,
    ev.n_mentions,
    ev.n_articles,
    ev.n_sources,
    ev.first_seen,
    ev.last_seen
FROM events AS ev
LEFT JOIN names AS loc ON loc.entity_id = ev.location_id
ORDER BY ev.date NULLS LAST, ev.n_mentions DESC;
