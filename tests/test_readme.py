"""The README is documentation that runs: its Python example and its test command."""

import doctest
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_python_example(monkeypatch):
    monkeypatch.chdir(ROOT)  # the examples name the bundled files by their paths in the checkout
    result = doctest.testfile(str(ROOT / "README.md"), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^python3 -m venv .*pytest$", readme, flags=re.M)
    assert len(commands) == 1
    assert commands[0] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def _example_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split("## On the example article", 1)[1].split("\n## ", 1)[0]


def test_example_article_figures_are_what_the_program_prints():
    from geonews_nlp import extract

    section = _example_section()
    article = extract((ROOT / "fixtures" / "article-2026-01-06.txt").read_text(encoding="utf-8"))
    counts = re.search(
        r"finds (\d+) entities and (\d+) events\s+\((\d+) meetings, (\d+) commitments, (\d+) security guarantees\)",
        section,
    )
    assert counts, "the section states the entity and event counts"
    types = [sum(e.type == t for e in article.events) for t in ("meeting", "commitment", "security_guarantee")]
    assert [int(n) for n in counts.groups()] == [len(article.entities), len(article.events), *types]
    rows = re.findall(r"^\| ([^|]+?) \| (\d+) \|", section, flags=re.M)
    assert len(rows) >= 10
    mentions = {e.name: len(e.mentions) for e in article.entities}
    assert {name: int(n) for name, n in rows} == {name: mentions.get(name) for name, _ in rows}
    first = article.events[0]
    assert (first.type, first.status, first.date, first.source) == ("meeting", "actual", "2026-01-06", "Reuters")
    assert {a.name for a in first.arguments} == {"Владимир Зеленский", "Париж"}
