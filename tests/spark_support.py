"""One local SparkSession for the Spark tests (local[2], small shuffles, no UI).

A test that needs Spark is marked `spark` and takes the `spark` fixture built from
`spark_session()`. It skips only when pyspark is not installed; when Java is missing it fails
and says how to install it, because CI is expected to run these tests.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sys

import pytest

INSTALL_HINT = "Java is needed for the Spark tests: run `bash scripts/install-java.sh` (Debian's headless JRE)"


def spark_session():
    """The shared local[2] session (created once per test process, reused after)."""
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed: pip install -e '.[spark]' to run the Spark tests")
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))):
        pytest.fail(INSTALL_HINT, pytrace=False)
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        session = (SparkSession.builder.master("local[2]").appName("khabar-tests")
                   .config("spark.ui.enabled", "false")
                   .config("spark.sql.shuffle.partitions", "2")
                   .config("spark.default.parallelism", "2")
                   .config("spark.ui.showConsoleProgress", "false")
                   .getOrCreate())
    except Exception as error:  # the JVM did not start: almost always a missing or old Java
        pytest.fail(f"{INSTALL_HINT} ({type(error).__name__}: {error})", pytrace=False)
    session.sparkContext.setLogLevel("ERROR")
    return session
