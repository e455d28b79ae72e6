"""The analyst SQL of Akhbar (``sql/views/*.sql``), installed with the package as ``pipeline.sql``."""
