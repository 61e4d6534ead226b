"""slovnet's CNN encoders over one flat sequence: the same weights and operations, less waste.

slovnet pads each batch of sentences to its longest and runs every layer batch by batch.
Here all sentences of a call lie end to end in one channels-last matrix, one zero row
before each and after the last: the zero row is the convolution's zero padding (kernel 3,
padding 1), so a sentence's windows never reach its neighbour, no row is a pad token, and
a layer is one matrix product per call. After each layer the separator rows are zeroed,
as slovnet zeroes its pad rows. The heads (morphology, syntax, NER) then run, as slovnet
runs them, on batches of sentences cut from the flat rows.

The first layer is linear in its input, so a word's share of it (its vector times each
of the three kernel columns) is kept once computed, for up to ``word_cache()`` words (9 KB
a word for the three networks: 20,000 words, 184 MB); the layer is then a sum of three
shifted rows per token. A word's share is computed in a product of at least
``MIN_ROWS`` rows, so its bits are the same whichever call computed it: the output does
not depend on what was read before.

The readings are slovnet's: padding changes no tag, only float rounding moves (other
matrix shapes, sums in another order), and the tests and ``benchmarks/speed.py`` compare
every network reading with slovnet's own API on every sentence of the development sets.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from typing import Any

import numpy
from numpy.lib.stride_tricks import as_strided

#: kernel width and padding of the encoders' convolutions (checked when a network loads)
KERNEL, PADDING = 3, 1


@dataclass(frozen=True)
class Layer:
    """One conv + ReLU + batch norm layer, its kernel laid out for channels-last windows."""

    kernel: numpy.ndarray  # (KERNEL * in, out): window rows, then channels
    bias: numpy.ndarray
    mean: numpy.ndarray
    std: numpy.ndarray
    scale: numpy.ndarray
    shift: numpy.ndarray


@dataclass
class Encoder:
    """A network's CNN encoder; its first layer as the words' and shapes' shares of it."""

    layers: tuple[Layer, ...]
    by_word: numpy.ndarray  # (word dim, KERNEL * out): a word vector's share at each kernel column
    by_shape: numpy.ndarray  # (shapes, KERNEL * out): each shape's share, computed once
    slot: numpy.ndarray  # each vocabulary word's row in ``shares``, -1 if not kept
    shares: numpy.ndarray = field(default_factory=lambda: numpy.zeros((0, 0), numpy.float32))
    kept: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


#: the fewest rows a word's share is computed in (a product of one row has other bits)
MIN_ROWS = 16
_CACHE_ENV = "GEONEWS_NLP_WORD_CACHE"


def _cache_from_environment() -> int:
    value = os.environ.get(_CACHE_ENV, "20000").strip()
    if not value.isdigit():
        raise ValueError(f"{_CACHE_ENV} must be a count of words (0 or more), not {value!r}")
    return int(value)


_CACHE = {"words": _cache_from_environment()}


def set_word_cache(words: int) -> None:
    """How many words' first-layer shares are kept (per process; 0 keeps none). Memory:
    about 9 KB a word for the three networks; speed: see ``benchmarks/speed.py``."""
    if not isinstance(words, int) or isinstance(words, bool) or words < 0:
        raise ValueError(f"words must be an int, 0 or more, not {words!r}")
    _CACHE["words"] = words
    for _, net in _ENCODERS.values():
        with net.lock:
            net.slot[:] = -1
            net.shares, net.kept = numpy.zeros((0, 0), numpy.float32), 0


def word_cache() -> int:
    """How many words' first-layer shares are kept."""
    return _CACHE["words"]


@dataclass(frozen=True)
class Flat:
    """Sentences laid end to end: the token rows of each, and the separator rows."""

    rows: int  # all rows, separators included
    starts: numpy.ndarray  # each sentence's first row
    lengths: numpy.ndarray
    tokens: numpy.ndarray  # the row of every token, sentence after sentence
    separators: numpy.ndarray


def layout(lengths: list[int]) -> Flat:
    """Where the tokens of sentences of these lengths lie in the flat sequence."""
    size = numpy.asarray(lengths, dtype=numpy.int64)
    starts = numpy.cumsum(size + PADDING) - size  # a separator row before each sentence
    rows = int(size.sum()) + PADDING * (len(lengths) + 1)
    tokens = numpy.concatenate([numpy.arange(s, s + n) for s, n in zip(starts, size)]) if len(lengths) else numpy.zeros(0, numpy.int64)
    mask = numpy.ones(rows, dtype=bool)
    mask[tokens] = False
    return Flat(rows, starts, size, tokens, numpy.flatnonzero(mask))


_ENCODERS: dict[int, tuple[Any, Encoder]] = {}  # by the model's id (slovnet's records do not hash)


def encoder(model: Any) -> Encoder:
    """The encoder of a slovnet ``Tag`` or ``Syntax`` model, its kernels laid out once."""
    known = _ENCODERS.get(id(model))
    if known is not None and known[0] is model:
        return known[1]
    layers: list[Layer] = []
    for layer in model.encoder.layers:
        weight = layer.conv.weight.array  # (out, in, kernel)
        if weight.shape[2] != KERNEL or layer.conv.padding != PADDING:
            raise ValueError(f"the flat encoder expects kernel {KERNEL}, padding {PADDING}; got {weight.shape}")
        kernel = numpy.ascontiguousarray(weight.transpose(2, 1, 0).reshape(-1, weight.shape[0]))
        norm = layer.norm
        layers.append(Layer(kernel, layer.conv.bias.array, norm.mean.array, norm.std.array, norm.weight.array, norm.bias.array))
    first = layers[0].kernel.reshape(KERNEL, -1, layers[0].kernel.shape[1])  # (column, in, out)
    words_dim = model.emb.word.codes.array.shape[0] * model.emb.word.codes.array.shape[2]
    by_word = numpy.ascontiguousarray(numpy.concatenate(first[:, :words_dim], axis=1))
    by_shape_kernel = numpy.concatenate(first[:, words_dim:], axis=1)
    by_shape = _product(model.emb.shape.weight.array, by_shape_kernel)
    slot = numpy.full(model.emb.word.indexes.array.shape[0], -1, dtype=numpy.int64)
    made = Encoder(tuple(layers), by_word, by_shape, slot)
    _ENCODERS[id(model)] = (model, made)  # the model kept with it: its id is not reused
    return made


def words(model: Any, word_ids: numpy.ndarray) -> numpy.ndarray:
    """navec's vectors of the words."""
    navec = model.emb.word
    indexes = navec.indexes.array[word_ids]
    return navec.codes.array[navec.qdims, indexes].reshape(len(word_ids), -1)


def encode(model: Any, flat: Flat, word_ids: numpy.ndarray, shape_ids: numpy.ndarray) -> numpy.ndarray:
    """The encoder's output row of every flat row (separators zero): slovnet's embedding
    and CNN layers; the first layer from the words' shares, the others one matrix
    product each over the whole sequence."""
    net = encoder(model)
    first = net.layers[0]
    out_dim = first.kernel.shape[1]
    share = numpy.zeros((flat.rows, KERNEL * out_dim), dtype=numpy.float32)
    share[flat.tokens] = _word_shares(model, net, word_ids)
    share[flat.tokens] += net.by_shape[shape_ids]
    x = numpy.zeros((flat.rows, out_dim), dtype=numpy.float32)
    inner = x[PADDING : flat.rows - PADDING]
    for column in range(KERNEL):  # output row r takes input row r - 1 + column
        numpy.add(inner, share[column : column + len(inner), column * out_dim : (column + 1) * out_dim], out=inner)
    _finish(inner, first)
    x[flat.separators] = 0
    for layer in net.layers[1:]:
        x = _layer(x, layer, flat)
    return x


def _word_shares(model: Any, net: Encoder, word_ids: numpy.ndarray) -> numpy.ndarray:
    """Each token's word share of the first layer: kept ones read, the others computed
    from navec's vectors (and kept while the cache has room)."""
    unique, inverse = numpy.unique(word_ids, return_inverse=True)
    slots = net.slot[unique]
    missing = numpy.flatnonzero(slots < 0)
    shares = numpy.empty((len(unique), net.by_word.shape[1]), dtype=numpy.float32)
    known = numpy.flatnonzero(slots >= 0)
    if len(known):
        shares[known] = net.shares[slots[known]]
    if len(missing):
        shares[missing] = _product(words(model, unique[missing]), net.by_word)
        _keep(net, unique[missing], shares[missing])
    return shares[inverse]


def _keep(net: Encoder, ids: numpy.ndarray, shares: numpy.ndarray) -> None:
    """Keep the shares of new words while the cache has room."""
    with net.lock:
        room = word_cache() - net.kept
        new = ids[net.slot[ids] < 0][: max(room, 0)]
        if not len(new):
            return
        if net.kept + len(new) > len(net.shares):  # grow by doubling, up to the bound
            size = min(word_cache(), max(2 * len(net.shares), net.kept + len(new), 1024))
            grown = numpy.empty((size, shares.shape[1]), dtype=numpy.float32)
            if net.kept:
                grown[: net.kept] = net.shares[: net.kept]
            net.shares = grown
        rows = {int(i): k for k, i in enumerate(ids)}
        places = numpy.arange(net.kept, net.kept + len(new))
        net.shares[places] = shares[[rows[int(i)] for i in new]]
        net.slot[new] = places
        net.kept += len(new)


def _product(rows: numpy.ndarray, kernel: numpy.ndarray) -> numpy.ndarray:
    """``rows @ kernel`` computed on at least ``MIN_ROWS`` rows, so each row's bits do not
    depend on how many rows were computed with it."""
    if len(rows) >= MIN_ROWS:
        return numpy.matmul(rows, kernel)
    padded = numpy.zeros((MIN_ROWS, rows.shape[1]), dtype=rows.dtype)
    padded[: len(rows)] = rows
    return numpy.matmul(padded, kernel)[: len(rows)]


def _finish(inner: numpy.ndarray, layer: Layer) -> None:
    """Bias, ReLU and batch norm in place, in slovnet's order of operations."""
    inner += layer.bias
    numpy.maximum(inner, 0, out=inner)
    inner -= layer.mean
    inner /= layer.std
    inner *= layer.scale
    inner += layer.shift


def _layer(x: numpy.ndarray, layer: Layer, flat: Flat) -> numpy.ndarray:
    rows, dim = x.shape
    windows = as_strided(x, shape=(rows - 2 * PADDING, KERNEL, dim), strides=(x.strides[0], x.strides[0], x.strides[1]))
    out = numpy.zeros((rows, layer.kernel.shape[1]), dtype=numpy.float32)
    inner = out[PADDING : rows - PADDING]
    numpy.matmul(windows.reshape(rows - 2 * PADDING, KERNEL * dim), layer.kernel, out=inner)
    _finish(inner, layer)
    out[flat.separators] = 0  # slovnet zeroes its pad rows after every layer
    return out


def batches(flat: Flat, size: int) -> list[tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]]:
    """The sentences by length, in batches of ``size``: each batch's sentence numbers,
    the flat row of each of its (padded) positions, and its pad mask (True on pads)."""
    order = numpy.argsort(flat.lengths, kind="stable")
    out = []
    for at in range(0, len(order), size):
        chunk = order[at : at + size]
        longest = int(flat.lengths[chunk].max())
        positions = numpy.arange(longest)
        pad = positions[None, :] >= flat.lengths[chunk][:, None]
        rows = numpy.where(pad, 0, flat.starts[chunk][:, None] + positions[None, :])  # row 0 is a separator: zero
        out.append((chunk, rows, pad))
    return out
