"""Spark: extract a table of articles with an iterator pandas UDF (``mapInPandas``).

Each executor process builds the geonews_nlp pipeline once, on its first batch, and
reuses it for every later batch it gets. Needs pyspark (not a dependency of
geonews_nlp):

    spark-submit examples/spark_extract.py articles.parquet events.parquet

The input has columns ``id``, ``text`` and, optionally, ``date``; the output has one row
per event (the columns of ``geonews_nlp.frames.EVENT_COLUMNS``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pandas as pd

from geonews_nlp.batch import extract_item
from geonews_nlp.frames import EVENT_COLUMNS, events_frame


def extract_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """The function given to ``mapInPandas``: article rows in, event rows out."""
    for batch in batches:
        records = batch.to_dict("records")
        frame = events_frame([extract_item(r) for r in records])
        yield frame.astype({c: "string" for c in EVENT_COLUMNS if c not in ("event", "sentence_start", "sentence_end")})


def main(source: str, target: str) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("geonews_nlp").getOrCreate()
    schema = ", ".join(
        f"{c} long" if c in ("event", "sentence_start", "sentence_end") else f"{c} string" for c in EVENT_COLUMNS
    )
    articles = spark.read.parquet(source)
    articles.mapInPandas(extract_batches, schema=schema).write.parquet(target)


if __name__ == "__main__":
    main(*sys.argv[1:3])
