"""Speed and memory of geonews_nlp beside bare natasha, measured in one run.

    python benchmarks/speed.py [ARTICLES.jsonl] [--sizes 10000,100000,1000000,10000000]

ARTICLES defaults to ``../shared/eval/factru_dev.jsonl`` (records with "text"); the
throughput is measured on it and on ``--broad`` (default: ``nerel_meetings_train.jsonl``). Cold
start, memory, cost growth and first passes run in a fresh process each, so that they are
those of a real run; the rates compared run in this process, in alternating rounds, since
the machine may be shared and noisy. ``--sizes ""`` leaves the growth out. Prints:

- throughput (articles/s, tokens/s) of ``extract`` and of bare natasha doing the same
  model work (Segmenter + NewsMorphTagger + NewsSyntaxParser + NewsNERTagger on a
  ``natasha.Doc``), and their ratio;
- the sentences of the development sets where the models, run as ``extract`` runs them,
  read a word otherwise than slovnet's own API (0 is the only good answer);
- cold start: a fresh process's time from ``import geonews_nlp`` to its first result;
- peak resident memory of a process that extracted the whole file;
- cost growth: time and peak memory for one article of each size, made of the file's
  texts joined by blank lines;
- ``extract`` with the models on one BLAS thread (the library's default) and on numpy's
  default threads, on an idle machine and beside CPU-bound processes on every core (a
  shared machine: numpy's threads spin while they wait for a core);
- ``extract_many`` with 1 and 2 processes, and with 1 process held to one BLAS thread:
  numpy's default BLAS threads let a lone process spread its matrix products over every
  core, so only the one-core run says what a second process adds.

- the word cache: peak memory of a run over the whole file and its rate, with a cache of
  0, 5,000 and 20,000 words (``GEONEWS_NLP_WORD_CACHE``), and whether the articles read in
  reverse order give the same output;

``--only throughput,identity,cold,memory,growth,threads,cache,many`` runs some sections.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "factru_dev.jsonl"
#: rounds of the in-process throughput comparison; each system's best round counts
ROUNDS = 5

#: run in a fresh process: measures what the snippet does, prints JSON. The peak is the
#: process's own high-water mark (``VmHWM``): ``ru_maxrss`` would start from the size of
#: the benchmark process that forked it.
PROBE = """
import json, sys, time
start = time.perf_counter()
{body}
peak = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({{"seconds": time.perf_counter() - start, "peak_mb": peak / 1024, **extra}}))
"""


def probe(body: str, *args: str, env: dict[str, str] | None = None) -> dict:
    code = PROBE.format(body=body)
    environment = {**os.environ, "OPENBLAS_NUM_THREADS": "1", **(env or {})}
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, env=environment).stdout
    return json.loads(out.strip().splitlines()[-1])


def read_texts(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def throughput(texts: list[str]) -> None:
    """Articles/s and tokens/s of both systems in this process, models loaded first."""
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter
    from razdel import tokenize
    from threadpoolctl import threadpool_limits

    from geonews_nlp import extract

    tokens = sum(1 for t in texts for _ in tokenize(t))
    emb = NewsEmbedding()
    segmenter, morph, syntax, ner = Segmenter(), NewsMorphTagger(emb), NewsSyntaxParser(emb), NewsNERTagger(emb)

    def natasha(text: str) -> None:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
        doc.tag_ner(ner)

    systems = {"natasha": natasha, "geonews_nlp": extract}
    rates = dict.fromkeys(systems, 0.0)
    for run in systems.values():
        run(texts[0])
    with threadpool_limits(1):  # one BLAS thread on both sides, as extract holds its models
        for _ in range(ROUNDS):  # rounds alternate the systems: the machine is shared and noisy
            for name, run in systems.items():
                start = time.perf_counter()
                for text in texts:
                    run(text)
                rates[name] = max(rates[name], len(texts) / (time.perf_counter() - start))
    for name, rate in rates.items():
        print(f"{name:12s} {rate:8.1f} articles/s {rate * tokens / len(texts):10.0f} tokens/s")
    print(f"ratio geonews_nlp / natasha: {rates['geonews_nlp'] / rates['natasha']:.2f}")


#: the sets whose every sentence the fast tagger path is checked on against slovnet's API
IDENTITY_SETS = ("events_dev", "events_dev2", "factru_dev", "nerel_dev")


def identical(directory: Path) -> None:
    """Sentences where ``components.taggers`` reads a word otherwise than slovnet's own
    ``map`` (morphology, syntax, NER), over every sentence of the development sets."""
    from geonews_nlp import load
    from geonews_nlp.components import models, taggers
    from geonews_nlp.components.morphology import body_pieces

    nlp = load()
    ner = models.ner_tagger().infer

    def slovnet_ner(items):
        for at in range(0, len(items), 8):
            yield from ner.decoder(ner.process(ner.encoder(items[at : at + 8])))

    for name in IDENTITY_SETS:
        path = directory / f"{name}.jsonl"
        if not path.exists():
            print(f"{name}: not found beside {directory}")
            continue
        items = [[t.text for t in p] for text in read_texts(path) for p in body_pieces(nlp.make_doc(text))]
        order = sorted(range(len(items)), key=lambda k: len(items[k]))
        ordered = [items[k] for k in order]
        ours = [taggers.morph(ordered), taggers.syntax(ordered), taggers.ner(ordered)]
        theirs = [
            [[(t.pos, t.feats) for t in m.tokens] for m in models.morph_tagger().map(ordered)],
            [([int(t.head_id) - 1 for t in m.tokens], [t.rel for t in m.tokens]) for m in models.syntax_parser().map(ordered)],
            list(slovnet_ner(ordered)),
        ]
        differ = sum(a != b for mine, slovnet in zip(ours, theirs) for a, b in zip(mine, slovnet))
        print(f"{name:12s} {len(items):5d} sentences: {differ} read otherwise than slovnet's API")


#: what runs beside ``extract`` on a shared machine: a CPU-bound loop per core
BUSY = "while True:\n    pass"


def threads_under_load(texts: list[str]) -> None:
    """``extract``'s rate and CPU per article with one BLAS thread and with numpy's default,
    on an idle machine and beside a busy process on every core, the settings alternating."""
    import resource

    from geonews_nlp import extract, set_model_threads

    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    extract(texts[0])
    settings = {"one BLAS thread": 1, "numpy's default threads": None}
    for load in ("idle", "busy"):
        busy = [subprocess.Popen([sys.executable, "-c", BUSY]) for _ in range(os.cpu_count() or 1)] if load == "busy" else []
        try:
            best = {label: (0.0, 0.0) for label in settings}
            for _ in range(ROUNDS):
                for label, threads in settings.items():
                    set_model_threads(threads)
                    began, used = time.perf_counter(), cpu()
                    for text in texts:
                        extract(text)
                    rate = len(texts) / (time.perf_counter() - began)
                    if rate > best[label][0]:
                        best[label] = (rate, (cpu() - used) / len(texts))
        finally:
            for process in busy:
                process.kill()
                process.wait()
            set_model_threads(1)
        others = f"beside {len(busy)} busy processes" if busy else "idle machine"
        for label, (rate, used) in best.items():
            print(f"{others:24s} {label:24s} {rate:6.1f} articles/s, {used * 1000:6.1f} CPU ms/article")
        one, default = (best[label][0] for label in settings)
        print(f"{others:24s} one thread / default: {one / default:.2f}x")


#: the ``extract_many`` setups compared: label, processes, BLAS threads per process
#: (None: numpy's default, which on a multi-core machine puts a lone process on every core)
SETUPS = [("1 process", 1, None), ("1 process, one BLAS thread", 1, 1), ("2 processes", 2, None)]


def many_rounds(texts: list[str]) -> dict[str, tuple[float, float]]:
    """Best rate and its CPU seconds per article for each setup, rounds alternating."""
    import resource

    from threadpoolctl import threadpool_limits

    import geonews_nlp

    def cpu() -> float:
        return sum(
            usage.ru_utime + usage.ru_stime
            for usage in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        )

    list(geonews_nlp.extract_many(texts))  # fill the lemma caches the workers inherit
    best = {label: (0.0, 0.0) for label, _, _ in SETUPS}
    for _ in range(ROUNDS):
        for label, n, threads in SETUPS:
            geonews_nlp.set_model_threads(threads)
            with threadpool_limits(threads):
                began, used = time.perf_counter(), cpu()
                list(geonews_nlp.extract_many(texts, n_process=n))
                rate = len(texts) / (time.perf_counter() - began)
                best[label] = max(best[label], (rate, (cpu() - used) / len(texts)))
    geonews_nlp.set_model_threads(1)
    return best


SECTIONS = ("throughput", "identity", "cold", "memory", "growth", "threads", "cache", "many")

#: the word cache sizes compared
CACHE_SIZES = (0, 5000, 20000)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--broad", type=Path, default=DEFAULT.parent / "nerel_meetings_train.jsonl", help="broad news")
    ap.add_argument("--sizes", default="10000,100000,1000000,10000000", help="article sizes (characters)")
    ap.add_argument("--only", default=",".join(SECTIONS), help="the sections to run, comma-separated")
    args = ap.parse_args()
    only = set(args.only.split(","))
    if only - set(SECTIONS):
        ap.error(f"unknown sections {sorted(only - set(SECTIONS))}; known: {', '.join(SECTIONS)}")
    texts = read_texts(args.articles)
    print(f"{args.articles}: {len(texts)} articles, {sum(map(len, texts))} characters")

    if "throughput" in only:
        print(f"\n# throughput (best of {ROUNDS} alternating rounds, in one process)")
        throughput(texts)
        if args.broad.exists():
            print(f"{args.broad}: broad news")
            throughput(read_texts(args.broad))

    if "identity" in only:
        print("\n# the models' readings: the fast path against slovnet's own API, every sentence")
        identical(args.articles.parent)

    if "cold" in only:
        print("\n# cold start: import to first result, fresh process")
        cold = probe("import geonews_nlp\ngeonews_nlp.extract('Макрон прибыл в Берлин.')\nextra = {}")
        print(f"cold start: {cold['seconds']:.2f} s (peak {cold['peak_mb']:.0f} MB)")

    if "memory" in only:
        print("\n# peak memory of a run over the whole file, fresh process")
        whole = probe(
            "import geonews_nlp, json\n"
            "texts = [json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8') if l.strip()]\n"
            "for t in texts:\n    geonews_nlp.extract(t)\n"
            "extra = {'articles': len(texts)}",
            str(args.articles),
        )
        print(f"whole file: {whole['seconds']:.1f} s, peak RSS {whole['peak_mb']:.0f} MB")

    if "growth" in only:
        print("\n# cost growth: one article of each size, fresh process each")
        corpus = "\n\n".join(texts)
        for size in (int(s) for s in args.sizes.split(",") if s):
            path = Path(f"/tmp/geonews_speed_{size}.txt")
            path.write_text((corpus * (size // len(corpus) + 1))[:size], encoding="utf-8")
            grown = probe(
                "import geonews_nlp\n"
                "text = open(sys.argv[1], encoding='utf-8').read()\n"
                "geonews_nlp.extract('Прогрев.')\n"
                "start = time.perf_counter()\n"
                "article = geonews_nlp.extract(text)\n"
                "extra = {'extract_seconds': time.perf_counter() - start, 'entities': len(article.entities)}",
                str(path),
            )
            per_mb = grown["extract_seconds"] / (size / 1e6)
            print(
                f"{size:>10d} chars: {grown['extract_seconds']:7.2f} s ({per_mb:6.1f} s/MB), peak RSS {grown['peak_mb']:6.0f} MB"
            )
            path.unlink()

    if "cache" in only:
        print("\n# the word cache: a fresh process each, the whole file; then the file in reverse order")
        for words in CACHE_SIZES:
            run = probe(
                "import os, hashlib, geonews_nlp, json\n"
                "texts = [json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8') if l.strip()]\n"
                "geonews_nlp.extract('Прогрев.')\n"
                "began = time.perf_counter()\n"
                "out = [geonews_nlp.extract(t).to_json() for t in texts]\n"
                "rate = len(texts) / (time.perf_counter() - began)\n"
                "back = [geonews_nlp.extract(t).to_json() for t in reversed(texts)][::-1]\n"
                "extra = {'rate': rate, 'digest': hashlib.sha1('\\n'.join(out).encode()).hexdigest(), 'same_reversed': back == out}",
                str(args.articles),
                env={"GEONEWS_NLP_WORD_CACHE": str(words)},
            )
            print(f"cache {words:6d} words: {run['rate']:6.1f} articles/s, peak RSS {run['peak_mb']:4.0f} MB, "
                  f"output {run['digest'][:12]}, reversed order gives the same: {run['same_reversed']}")
    if "threads" in only:
        print("\n# extract on one BLAS thread and on numpy's default, idle and beside busy processes")
        threads_under_load(texts[:40])
    if "many" in only:
        print("\n# extract_many, first pass: a fresh process each, lemma caches empty")
        first = {}
        for label, n, threads in SETUPS:
            first[label] = probe(
                "import geonews_nlp, json\n"
                "from threadpoolctl import threadpool_limits\n"
                "texts = [json.loads(l)['text'] for l in open(sys.argv[1], encoding='utf-8') if l.strip()]\n"
                "geonews_nlp.pipeline.warm()\n"
                f"geonews_nlp.set_model_threads({threads})\n"
                f"with threadpool_limits({threads}):\n"
                "    began = time.perf_counter()\n"
                f"    done = list(geonews_nlp.extract_many(texts, n_process={n}))\n"
                "extra = {'rate': len(done) / (time.perf_counter() - began)}",
                str(args.articles),
            )["rate"]
            print(f"{label:28s} {first[label]:6.1f} articles/s")
        print("\n# extract_many, steady state: one process, warm caches, setups alternating,")
        print(f"# best of {ROUNDS} rounds; CPU counts the process and its workers")
        steady = many_rounds(texts)
        for label, (rate, cpu) in steady.items():
            print(f"{label:28s} {rate:6.1f} articles/s, {cpu * 1000:5.1f} CPU ms/article")
        for runs, name in ((first, "first pass"), ({k: v[0] for k, v in steady.items()}, "steady")):
            one, blas, two = (runs[label] for label, _, _ in SETUPS)
            print(f"{name}: 2 processes / 1 process {two / one:.2f}x; / 1 process on one core {two / blas:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
