-- Boilerplate removed, by reason: what the cleaner threw away and how often.
create or replace view boilerplate_by_reason as
    select reason, count(*) as n_lines, count(distinct article_id) as n_articles,
           any_value(text) as example
    from boilerplate
    group by reason
    order by n_lines desc;

-- The latest run first, with its counts.
create or replace view run_history as
    select * from runs order by started_at desc;
