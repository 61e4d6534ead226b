"""The examples in the package's docstrings run and hold."""

import doctest
import importlib
import pkgutil

import pytest

import geonews_nlp

MODULES = sorted(
    m.name
    for m in pkgutil.walk_packages(geonews_nlp.__path__, prefix="geonews_nlp.")
    if not m.name.endswith("__main__")  # importing it runs the command line
)


def has_examples(name: str) -> bool:
    """Whether a module's docstrings hold any example."""
    return any(t.examples for t in doctest.DocTestFinder().find(importlib.import_module(name)))


WITH_EXAMPLES = [name for name in ["geonews_nlp", *MODULES] if has_examples(name)]


def test_some_modules_have_examples():
    assert {"geonews_nlp", "geonews_nlp.text.header"} <= set(WITH_EXAMPLES)


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
