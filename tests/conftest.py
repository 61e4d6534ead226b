"""Shared fixtures: one pipeline for the whole session (models load once)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geonews_nlp import default_pipeline

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    return default_pipeline()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (FIXTURES / "article-2026-01-06.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads((FIXTURES / "article-2026-01-06.expected.json").read_text(encoding="utf-8"))
