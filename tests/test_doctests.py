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


@pytest.mark.parametrize("name", ["geonews_nlp", *MODULES])
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
