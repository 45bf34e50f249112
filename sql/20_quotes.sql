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

-- Who is quoted, one row per person or source across the corpus (canonical articles only):
-- a surname said alone ("Putin") joins the one full name of the corpus's person speakers
-- that ends with it ("Vladimir Putin"); with two such full names it stays apart.
create or replace view speakers as
    with quoted as (
        select q.speaker, q.speaker_kind, q.article_id, a.outlet, a.published_date
        from quotes q join canonical_articles a using (article_id)
        where q.speaker is not null and q.quote_type <> 'indirect'
    ),
    named as (
        select speaker, mode(speaker_kind) as speaker_kind from quoted group by speaker
    ),
    surname_holders as (
        select string_split(speaker, ' ')[-1] as surname, min(speaker) as full_name
        from named
        where speaker_kind = 'person' and contains(speaker, ' ')
        group by surname
        having count(*) = 1
    ),
    merged as (
        select n.speaker, coalesce(h.full_name, n.speaker) as merged_speaker
        from named n left join surname_holders h
            on n.speaker_kind = 'person' and not contains(n.speaker, ' ')
            and h.surname = n.speaker
    )
    select m.merged_speaker as speaker, mode(q.speaker_kind) as speaker_kind,
           list(distinct q.speaker order by q.speaker) as variants,
           count(*) as n_quotes, count(distinct q.article_id) as n_articles,
           count(distinct q.outlet) as n_outlets,
           coalesce(list(distinct q.outlet order by q.outlet)
                    filter (where q.outlet is not null), []) as outlets,
           min(q.published_date) as first_date, max(q.published_date) as last_date
    from quoted q join merged m using (speaker)
    group by m.merged_speaker
    order by n_quotes desc, speaker;
