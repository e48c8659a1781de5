"""What a collection of articles means, defined once for every engine (the SQLite store and
the Spark job): the Parquet layout of the articles table.
"""
