"""DuckDB views over the output Parquet, one or a few per file; shipped as `tasks.sql`."""
