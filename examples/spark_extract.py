"""Spark: extract a table of articles with iterator pandas UDFs (``mapInPandas``).

Each executor process builds the geonews_nlp pipeline once, on its first batch, and
reuses it for every later batch it gets. Needs pyspark (not a dependency of
geonews_nlp):

    spark-submit examples/spark_extract.py articles.parquet OUT_FOLDER

The input has columns ``id``, ``text`` and, optionally, ``date`` (a missing date is no
date). Extraction runs once: every article becomes one row ``id, error, json`` (cached),
and the tables are built from those rows: ``OUT_FOLDER/articles`` has one row per input
row, failed ones with their ``error`` (articles in equal articles out), and
``OUT_FOLDER/events`` one row per event (the columns of
``geonews_nlp.views.frames.EVENT_COLUMNS``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import pandas as pd

from geonews_nlp import Article
from geonews_nlp.runners.batch import extract_item
from geonews_nlp.views.frames import COUNT_COLUMNS, TABLES, table


def extract_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """``mapInPandas`` over the input: article rows in, one ``id, error, json`` row each out."""
    for batch in batches:
        articles = [extract_item(r) for r in batch.to_dict("records")]
        yield pd.DataFrame(
            {"id": [a.id for a in articles], "error": [a.error for a in articles], "json": [a.to_json() for a in articles]}
        )


def table_batches(name: str):
    """``mapInPandas`` over the extracted rows: the rows of one table of ``frames``."""

    def batches(extracted: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        for batch in extracted:
            yield table(name, [Article.from_dict(json.loads(j)) for j in batch["json"]])  # declared dtypes

    return batches


def schema(name: str) -> str:
    return ", ".join(f"{c} long" if c in COUNT_COLUMNS else f"{c} string" for c in TABLES[name][1])


def main(source: str, target: str) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("geonews_nlp").getOrCreate()
    articles = spark.read.parquet(source)
    extracted = articles.mapInPandas(extract_batches, schema="id string, error string, json string").cache()
    for name in ("articles", "events"):
        extracted.mapInPandas(table_batches(name), schema=schema(name)).write.parquet(f"{target}/{name}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
