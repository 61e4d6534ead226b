"""Score NER (exact span and type) of geonews_nlp and of bare natasha on one gold file.

    python benchmarks/ner.py ../shared/eval/factru_dev.jsonl [--limit N]

Gold format: JSONL ``{"id", "text", "entities": [{"start", "end", "type"}]}``
(gzip when the name ends in ``.gz``). Prints P/R/F1 per type and micro, and docs/s.
geonews_nlp is scored on two layers: ``names`` (outermost names, as NEREL annotates) and
``mentions`` (names nested in longer names too, as factRuEval splits "Конгресса" + "США").
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Callable

Span = tuple[int, int, str]
TYPES = ("PER", "ORG", "LOC")


def read_gold(path: str, limit: int | None) -> list[dict]:
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f if line.strip()]
    return docs[:limit] if limit else docs


def ours() -> Callable[[str], dict[str, set[Span]]]:
    """Two layers of geonews_nlp: the outermost names (``doc.ents``, NEREL's convention)
    and every mention, names nested in longer names included (factRuEval's parts)."""
    from geonews_nlp import default_pipeline

    nlp = default_pipeline()

    def predict(text: str) -> dict[str, set[Span]]:
        doc = nlp(text)
        return {
            "names": {(s.start_char, s.end_char, s.label_) for s in doc.ents},
            "mentions": {
                (s.start_char, s.end_char, s.label_) for s in doc.spans["geonews_mentions"] if not s.id_
            },  # names only: not the adjectives and offices that stand for an entity
        }

    return predict


def natasha() -> Callable[[str], dict[str, set[Span]]]:
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    segmenter, tagger = Segmenter(), NewsNERTagger(NewsEmbedding())

    def predict(text: str) -> set[Span]:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        return {"spans": {(s.start, s.stop, s.type) for s in doc.spans}}

    return predict


def score(gold: list[set[Span]], pred: list[set[Span]]) -> dict[str, dict[str, float]]:
    counts: dict[str, Counter] = {t: Counter() for t in (*TYPES, "micro")}
    for g, p in zip(gold, pred):
        for kind in (*TYPES, "micro"):
            gk = {s for s in g if kind in ("micro", s[2])}
            pk = {s for s in p if kind in ("micro", s[2])}
            counts[kind].update(tp=len(gk & pk), fp=len(pk - gk), fn=len(gk - pk))
    out = {}
    for kind, c in counts.items():
        p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        out[kind] = {"P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0}
    return out


def run(predict: Callable[[str], dict[str, set[Span]]], texts: list[str]) -> tuple[dict[str, list[set[Span]]], float]:
    """Predictions per layer and documents per second."""
    predict(texts[0])  # load models outside the timing
    start = time.perf_counter()
    preds = [predict(t) for t in texts]
    speed = len(texts) / (time.perf_counter() - start)
    return {layer: [p[layer] for p in preds] for layer in preds[0]}, speed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    args = ap.parse_args()
    docs = read_gold(args.gold, args.limit)
    gold = [{(e["start"], e["end"], e["type"]) for e in d["entities"]} for d in docs]
    texts = [d["text"] for d in docs]
    print(f"{args.gold}: {len(docs)} docs, {sum(map(len, gold))} entities")
    print(f"{'system':22s} {'PER F1':>7s} {'ORG F1':>7s} {'LOC F1':>7s} {'P':>7s} {'R':>7s} {'F1':>7s} {'docs/s':>7s}")
    for name, factory in (("natasha", natasha), ("geonews_nlp", ours)):
        layers, speed = run(factory(), texts)
        for layer, pred in layers.items():
            s = score(gold, pred)
            m = s["micro"]
            print(
                f"{name + ' ' + layer:22s} {s['PER']['F1']:7.3f} {s['ORG']['F1']:7.3f} {s['LOC']['F1']:7.3f} "
                f"{m['P']:7.3f} {m['R']:7.3f} {m['F1']:7.3f} {speed:7.1f}"
            )


if __name__ == "__main__":
    main()
