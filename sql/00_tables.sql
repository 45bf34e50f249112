-- One view per output table over its Parquet files; @OUT@ is the output folder,
-- filled in when the run builds newsflow.duckdb.
create or replace view articles as
    select * from read_parquet('@OUT@/articles/**/*.parquet', union_by_name = true);
create or replace view paragraphs as
    select * from read_parquet('@OUT@/paragraphs/**/*.parquet', union_by_name = true);
create or replace view sentences as
    select * from read_parquet('@OUT@/sentences/**/*.parquet', union_by_name = true);
create or replace view quotes as
    select * from read_parquet('@OUT@/quotes/**/*.parquet', union_by_name = true);
create or replace view boilerplate as
    select * from read_parquet('@OUT@/boilerplate/**/*.parquet', union_by_name = true);
create or replace view quarantine as
    select * from read_parquet('@OUT@/quarantine/**/*.parquet', union_by_name = true);
create or replace view runs as
    select * from read_parquet('@OUT@/runs/**/*.parquet', union_by_name = true);
