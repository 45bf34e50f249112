-- Duplicate clusters with more than one member: the canonical article and its copies.
create or replace view dup_clusters as
    select dup_cluster_id,
           count(*) as n_articles,
           any_value(title) filter (where is_canonical) as canonical_title,
           any_value(source_path) filter (where is_canonical) as canonical_source,
           list(source_path order by source_path) as members,
           list(distinct dup_kind) filter (where dup_kind is not null) as kinds
    from articles
    group by dup_cluster_id
    having count(*) > 1
    order by n_articles desc, dup_cluster_id;

-- Stories: articles from one or more outlets reporting the same event.
create or replace view story_clusters as
    select story_cluster_id,
           count(*) as n_articles,
           count(distinct dup_cluster_id) as n_distinct_articles,
           count(distinct outlet) as n_outlets,
           list(distinct outlet) filter (where outlet is not null) as outlets,
           list(distinct language) as languages,
           min(published_date) as first_date, max(published_date) as last_date,
           any_value(title) filter (where is_canonical) as sample_title
    from articles
    group by story_cluster_id
    order by n_articles desc, story_cluster_id;

-- Story coverage: who reported each story, in which languages, over which days.
create or replace view story_coverage as
    select story_cluster_id as story,
           list(distinct outlet order by outlet) filter (where outlet is not null) as outlets,
           list(distinct language order by language) filter (where language is not null)
               as languages,
           min(published_date) as first_date,
           max(published_date) as last_date,
           count(*) as n_articles,
           count(distinct outlet) as n_outlets,
           any_value(title) filter (where is_canonical) as sample_title
    from articles
    group by story_cluster_id
    order by n_articles desc, story;
