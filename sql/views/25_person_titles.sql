-- Which titles and roles the press gives each person, and over which days: one row per person and title as
-- written ('وزير الخارجية الروسي', 'خادم الحرمين الشريفين', 'الدكتور'), with the country the title names, how many
-- namings carry it, in how many documents, and the first and last publication day (UTC) they appear. Each naming
-- counts once: a name with its title, or a title standing alone for its holder ('أكد الرئيس الأمريكي'); the role
-- mentions right before a name (name_mention_id set) and the same role alone later in a story are left out, the
-- name's own row already carries that title. Filter on name_ar or entity_id, order by first_day to follow a
-- career ('ولي ولي العهد' then 'ولي العهد').
CREATE OR REPLACE VIEW person_titles AS
SELECT
    m.entity_id,
    e.name_ar,
    e.name_en,
    m.title,
    max(m.title_country) AS title_country,
    CAST(count(*) AS BIGINT) AS n_mentions,
    CAST(count(DISTINCT m.doc_id) AS BIGINT) AS n_docs,
    min(CAST(timezone('UTC', d.published_at) AS DATE)) AS first_day,
    max(CAST(timezone('UTC', d.published_at) AS DATE)) AS last_day
FROM entity_mentions AS m
JOIN entities AS e USING (entity_id)
JOIN documents AS d USING (doc_id)
WHERE e.type = 'PER' AND m.title IS NOT NULL AND m.name_mention_id IS NULL
GROUP BY m.entity_id, e.name_ar, e.name_en, m.title
ORDER BY n_mentions DESC, e.name_ar, m.title;
