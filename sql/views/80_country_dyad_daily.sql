-- How relations between two countries move: per day and ordered pair of countries (actor's country ->
-- recipient's country), the number of events, the articles reporting them, the events of each CAMEO quad class
-- (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict) and the mean Goldstein
-- score (-10 conflict .. +10 cooperation), plain and weighted by articles. GDELT's most used series.
-- The day is the event's date, else the first report's day in UTC.
CREATE OR REPLACE VIEW country_dyad_daily AS
WITH dyads AS (
    SELECT ev.event_id, ev.quad_class, ev.goldstein, ev.n_articles,
           coalesce(ev.date, CAST(timezone('UTC', ev.first_seen) AS DATE)) AS day,
           a.country AS actor_country, r.country AS recipient_country
    FROM events AS ev,
         unnest(ev.actor_countries) AS a(country),
         unnest(ev.recipient_countries) AS r(country)
    WHERE a.country <> r.country
)
SELECT
    day,
    actor_country,
    recipient_country,
    CAST(count(DISTINCT event_id) AS BIGINT) AS n_events,
    CAST(sum(n_articles) AS BIGINT) AS n_articles,
    CAST(count(*) FILTER (WHERE quad_class = 1) AS BIGINT) AS n_verbal_cooperation,
    CAST(count(*) FILTER (WHERE quad_class = 2) AS BIGINT) AS n_material_cooperation,
    CAST(count(*) FILTER (WHERE quad_class = 3) AS BIGINT) AS n_verbal_conflict,
    CAST(count(*) FILTER (WHERE quad_class = 4) AS BIGINT) AS n_material_conflict,
    round(avg(goldstein), 2) AS mean_goldstein,
    round(sum(goldstein * n_articles) / sum(n_articles), 2) AS mean_goldstein_by_articles
FROM dyads
WHERE day IS NOT NULL
GROUP BY day, actor_country, recipient_country
ORDER BY day, actor_country, recipient_country;
