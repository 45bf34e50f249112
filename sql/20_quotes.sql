-- Who is quoted, how often, in how many articles and outlets (canonical articles only).
create or replace view quotes_per_speaker as
    select q.speaker, any_value(q.speaker_kind) as speaker_kind,
           count(*) as n_quotes, count(distinct q.article_id) as n_articles,
           count(distinct a.outlet) as n_outlets,
           min(a.published_date) as first_date, max(a.published_date) as last_date
    from quotes q join canonical_articles a using (article_id)
    where q.speaker is not null and q.quote_type <> 'indirect'
    group by q.speaker
    order by n_quotes desc, q.speaker;

-- Every quote with its article's title, outlet and date, for reading in context.
create or replace view quotes_in_context as
    select q.*, a.title, a.outlet, a.published_date, a.language, a.is_canonical
    from quotes q join articles a using (article_id);
