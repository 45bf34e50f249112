-- Which articles to analyse once copies are set aside: one canonical article per dup cluster.
create or replace view canonical_articles as
    select * from articles where is_canonical;

-- How much each outlet published per day (canonical articles, dated ones only).
create or replace view articles_per_outlet_day as
    select coalesce(outlet, '(unknown)') as outlet, published_date, count(*) as n_articles
    from canonical_articles
    where published_date is not null
    group by all
    order by published_date, outlet;
