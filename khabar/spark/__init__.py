"""The batch job on Apache Spark: `job` (pages → Documents → the Parquet tables) and `tables`
(the corpus-wide steps done in Spark DataFrames).

Nothing here imports pyspark at module level, so `import khabar.spark` works without the
`[spark]` extra; the collection definitions it shares with the SQLite store are in
`khabar.collection`.
"""
