"""The models' BLAS thread limit: held only inside model calls, configurable, never left
on the user's numpy."""

import pytest
from threadpoolctl import threadpool_info, threadpool_limits

import geonews_nlp
from geonews_nlp.components import models


def _blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


@pytest.fixture(autouse=True)
def _default_limit():
    yield
    geonews_nlp.set_model_threads(1)


def test_model_calls_hold_one_thread_and_restore_the_users_setting():
    geonews_nlp.extract("Макрон прибыл в Берлин.")  # numpy and its BLAS are loaded
    with threadpool_limits(2, user_api="blas"):
        before = _blas_threads()
        with models.limited_threads():
            assert _blas_threads() == {1}
            with models.limited_threads():  # nested: the inner exit leaves the limit on
                pass
            assert _blas_threads() == {1}
        assert _blas_threads() == before
        geonews_nlp.extract("Путин встретился с Си Цзиньпином.")
        assert _blas_threads() == before


def test_numpys_own_setting_on_request():
    geonews_nlp.extract("Макрон прибыл в Берлин.")
    geonews_nlp.set_model_threads(None)
    with threadpool_limits(2, user_api="blas"):
        before = _blas_threads()
        with models.limited_threads():
            assert _blas_threads() == before


@pytest.mark.parametrize("bad", [0, -1, 1.5, "2", True])
def test_bad_thread_counts_are_refused(bad):
    with pytest.raises(ValueError, match="positive int"):
        geonews_nlp.set_model_threads(bad)


@pytest.mark.parametrize("value, expected", [("1", 1), ("4", 4), ("default", None)])
def test_thread_count_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv("GEONEWS_NLP_BLAS_THREADS", value)
    assert models._from_environment() == expected


def test_a_bad_environment_value_says_which_variable(monkeypatch):
    monkeypatch.setenv("GEONEWS_NLP_BLAS_THREADS", "many")
    with pytest.raises(ValueError, match="GEONEWS_NLP_BLAS_THREADS"):
        models._from_environment()
