-- How much the press talks about each country, per day of publication (UTC): mentions of the country by
-- name ('روسيا', 'موسكو' is a city and does not count), references by a nationality adjective or demonym
-- ('الروسي', 'السوريين': entity_references), and the documents doing either. Undated documents are left out.
CREATE OR REPLACE VIEW country_attention_daily AS
WITH named AS (
    SELECT m.doc_id, e.country_code
    FROM entity_mentions AS m
    JOIN entities AS e USING (entity_id)
    WHERE e.subtype = 'country' AND e.country_code IS NOT NULL
),
referred AS (
    SELECT doc_id, country_code FROM entity_references
),
both_kinds AS (
    SELECT doc_id, country_code, 1 AS by_name, 0 AS by_reference FROM named
    UNION ALL
    SELECT doc_id, country_code, 0 AS by_name, 1 AS by_reference FROM referred
)
SELECT
    CAST(timezone('UTC', d.published_at) AS DATE) AS day,
    b.country_code,
    CAST(sum(b.by_name) AS BIGINT) AS n_name_mentions,
    CAST(sum(b.by_reference) AS BIGINT) AS n_references,
    CAST(count(DISTINCT b.doc_id) AS BIGINT) AS n_docs
FROM both_kinds AS b
JOIN documents AS d USING (doc_id)
WHERE d.published_at IS NOT NULL
GROUP BY 1, 2
ORDER BY day, n_docs DESC, b.country_code;
