-- Events in date order with readable actor, recipient and place names (lists joined with ' | '), their
-- countries (ISO alpha-2), every outlet that reported it and, to check a row by reading, the sentence, outlet
-- and URL of its first report.
CREATE OR REPLACE VIEW event_timeline AS
WITH names AS (SELECT entity_id, name_ar FROM entities),
first_report AS (
    SELECT em.event_id, em.trigger, em.actor_text, em.recipient_text, s.text AS sentence,
           d.source AS outlet, d.url, d.published_at,
           row_number() OVER (PARTITION BY em.event_id
                              ORDER BY d.published_at NULLS LAST, em.doc_id, em.trigger_start) AS rank
    FROM event_mentions AS em
    JOIN documents AS d ON d.doc_id = em.doc_id
    JOIN sentences AS s ON s.doc_id = em.doc_id AND s.sentence_idx = em.sentence_idx
),
outlets AS (
    SELECT em.event_id, string_agg(DISTINCT coalesce(d.source, 'unknown'), ' | '
                                   ORDER BY coalesce(d.source, 'unknown')) AS outlets
    FROM event_mentions AS em
    JOIN documents AS d ON d.doc_id = em.doc_id
    GROUP BY em.event_id
)
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
    coalesce((SELECT string_agg(n.name_ar, ' | ' ORDER BY n.name_ar) FROM unnest(ev.actor_ids) AS a(id)
        JOIN names AS n ON n.entity_id = a.id), fr.actor_text) AS actors,
    coalesce((SELECT string_agg(n.name_ar, ' | ' ORDER BY n.name_ar) FROM unnest(ev.recipient_ids) AS r(id)
        JOIN names AS n ON n.entity_id = r.id), fr.recipient_text) AS recipients,
    array_to_string(ev.actor_countries, ' | ') AS actor_countries,
    array_to_string(ev.recipient_countries, ' | ') AS recipient_countries,
    loc.name_ar AS location,
    ev.n_mentions,
    ev.n_articles,
    ev.n_sources,
    ev.first_seen,
    ev.last_seen,
    fr.trigger,
    fr.sentence,
    fr.outlet,
    fr.url,
    fr.published_at,
    o.outlets
FROM events AS ev
LEFT JOIN names AS loc ON loc.entity_id = ev.location_id
LEFT JOIN first_report AS fr ON fr.event_id = ev.event_id AND fr.rank = 1
LEFT JOIN outlets AS o ON o.event_id = ev.event_id
ORDER BY ev.date NULLS LAST, ev.n_mentions DESC, ev.event_id;
