"""Coverage-guided fuzzing of ``extract`` with atheris: any text must give a well-formed
article (offsets into the text, names that do not cross) and never raise.

    pip install atheris && python fuzz/fuzz_extract.py fuzz/corpus -max_total_time=300
"""

import sys

import atheris

with atheris.instrument_imports(include=["geonews_nlp"]):
    from geonews_nlp import extract

sys.path.insert(0, __file__.rsplit("/", 2)[0] + "/tests")
from invariants import check_article  # noqa: E402


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    text = provider.ConsumeUnicode(provider.ConsumeIntInRange(0, 2000))
    check_article(extract(text), text)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
