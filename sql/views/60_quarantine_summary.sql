-- Why input files were rejected: count and bytes per reason, with one example path.
CREATE OR REPLACE VIEW quarantine_summary AS
SELECT reason, count(*) AS n_files, CAST(sum(bytes) AS BIGINT) AS total_bytes, min(source_path) AS example_path
FROM quarantine
GROUP BY reason
ORDER BY n_files DESC;
