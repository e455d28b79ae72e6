-- Who said what, newest first: the speaker's name (or the words naming an unnamed speaker), the quotation,
-- and the outlet and URL of the article, so a row can be checked by reading it. speaker_source 'previous' marks
-- a speaker carried over from the quotation before ("وأضاف أن …"), 'pronoun' one an honorific pronoun stands for
-- ("وقال سموه": the last person named before it), 'title' one a title alone stands for ("وقال مدير المرصد": the
-- person the article named right after that title before), 'newspaper' one "الصحيفة" stands for ("وأضافت الصحيفة":
-- the newspaper the article named last before it), 'unnamed' unnamed people named at the verb ("وقالت مصادر
-- محلية", "وأكد شهود عيان": the speaker is their words; add WHERE speaker_source <> 'unnamed' to leave them out;
-- what they report as an event of the sentence is in event_mentions, not here).
CREATE OR REPLACE VIEW quotes_named AS
SELECT
    q.quote_id,
    q.date,
    q.date_source,
    coalesce(e.name_ar, q.speaker_text) AS speaker,
    e.name_en AS speaker_en,
    q.speaker_country,
    q.speaker_source,
    q.verb,
    q.kind,
    q.negated,
    q.quote,
    d.source AS outlet,
    d.url,
    d.published_at,
    q.doc_id,
    q.quote_start,
    q.quote_end
FROM quotes AS q
JOIN documents AS d ON d.doc_id = q.doc_id
LEFT JOIN entities AS e ON e.entity_id = q.speaker_id
ORDER BY q.date DESC NULLS LAST, q.doc_id, q.quote_start;
