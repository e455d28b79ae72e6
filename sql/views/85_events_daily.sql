-- What happened each day: per day and PLOVER event type, the number of events, the articles and outlets
-- reporting them and their mean Goldstein score; the day is the event's date, else the first report's day (UTC).
CREATE OR REPLACE VIEW events_daily AS
SELECT
    coalesce(date, CAST(timezone('UTC', first_seen) AS DATE)) AS day,
    event_type,
    any_value(cameo_root) AS cameo_root,
    CAST(count(*) AS BIGINT) AS n_events,
    CAST(sum(n_articles) AS BIGINT) AS n_articles,
    CAST(max(n_sources) AS BIGINT) AS max_sources_per_event,
    round(avg(goldstein), 2) AS mean_goldstein
FROM events
WHERE coalesce(date, CAST(timezone('UTC', first_seen) AS DATE)) IS NOT NULL
GROUP BY ALL
ORDER BY day, n_events DESC, event_type;
