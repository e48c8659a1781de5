"""Entry file for `spark-submit`: runs `khabar spark` with the arguments given after it.

    spark-submit --master spark://host:7077 scripts/spark_job.py s3a://bucket/crawl/ -o s3a://bucket/out/

The khabar package must be importable on the driver and the executors (see docs/spark.md).
"""

import sys

from khabar.cli import main

if __name__ == "__main__":
    main(["spark", *sys.argv[1:]])
