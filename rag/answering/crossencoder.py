"""The answer-sentence cross-encoder at query time: onnxruntime + tokenizers, no torch.

It reads a question and one candidate together and gives the probability that the candidate
answers the question. It was fine-tuned from all-MiniLM-L6-v2 by scripts/train_answerer.py
(`make train-answerer`), which writes the files of MODEL_DIR and records their sha256 in
MODEL_DIR/model.sha256; a file that is missing or does not match is refused with one line.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from concurrent.futures import Executor, ThreadPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_DIR = Path(__file__).parent / "model"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "meta.json"
CHECKSUM_FILE = "model.sha256"
REBUILD = "make train-answerer"

# Word pieces the model reads per pair, and the most a question may take of them: a long
# question is cut deliberately so the candidate keeps at least the rest of the window.
MAX_LENGTH = 96
MAX_QUESTION_TOKENS = 40
# How pairs are run (pair_logits); caches of the model's scores are keyed by it. 2: one run per pair.
INFERENCE_VERSION = 2


class ModelFileError(RuntimeError):
    """The shipped answer model is missing or corrupt; the message is one line."""


def encode_pairs(
    tokenizer: Any, question: str, candidates: Sequence[str], max_length: int = MAX_LENGTH
) -> dict[str, np.ndarray]:
    """Token ids for (question, candidate) pairs, padded to the longest: the training script
    calls this too, so the model is fitted on exactly the inputs it sees here."""
    q_ids = tokenizer.encode(question, add_special_tokens=False).ids[:MAX_QUESTION_TOKENS]
    room = max_length - len(q_ids) - 3  # [CLS] q [SEP] c [SEP]
    cls_id, sep_id = tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]")
    rows: list[tuple[list[int], list[int]]] = []
    for enc in tokenizer.encode_batch(list(candidates), add_special_tokens=False):
        c_ids = enc.ids[: max(room, 1)]
        ids = [cls_id, *q_ids, sep_id, *c_ids, sep_id]
        types = [0] * (len(q_ids) + 2) + [1] * (len(c_ids) + 1)
        rows.append((ids, types))
    width = max((len(r[0]) for r in rows), default=0)
    n = len(rows)
    input_ids = np.zeros((n, width), dtype=np.int64)
    mask = np.zeros((n, width), dtype=np.int64)
    token_types = np.zeros((n, width), dtype=np.int64)
    for i, (ids, types) in enumerate(rows):
        input_ids[i, : len(ids)] = ids
        mask[i, : len(ids)] = 1
        token_types[i, : len(types)] = types
    return {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": token_types}


def pair_logits(
    session: Any,
    tokenizer: Any,
    question: str,
    candidates: Sequence[str],
    max_length: int = MAX_LENGTH,
    *,
    pool: Executor | None = None,
) -> np.ndarray:
    """The model's logit for each (question, candidate), one run per pair. The int8 model
    quantises activations with one scale per run, so in a batch a candidate's score would depend
    on the other candidates and on their padding; alone it does not, and with no padding to
    compute, 12 pairs take ~140 ms against ~210 ms batched on 2 cores. `session` may be a list
    of sessions, each on one thread: with a pool the pairs are shared out among them (pair i on
    session i mod n). Two one-thread runs at once take half the time of one two-thread run on
    2 cores (20 pairs: 47 against 93 ms; one pair is too small to split well), and each pair's
    logit is the same. scripts/train_answerer.py scores its dev questions with it too."""
    sessions = list(session) if isinstance(session, (list, tuple)) else [session]
    inputs = {i.name for i in sessions[0].get_inputs()}
    # Tokenised together (the question once), run one by one without their padding.
    encoded = encode_pairs(tokenizer, question, candidates, max_length)
    lengths = encoded["attention_mask"].sum(axis=1)
    feed = {k: v for k, v in encoded.items() if k in inputs}

    def share(k: int) -> list[tuple[int, float]]:
        """Session k's pairs, with their logits."""
        done = []
        for i in range(k, len(candidates), len(sessions)):
            run = sessions[k].run(None, {n: v[i : i + 1, : lengths[i]] for n, v in feed.items()})[0]
            done.append((i, float(np.asarray(run).reshape(-1)[0])))
        return done

    shares = range(len(sessions))
    out = np.empty(len(candidates), dtype=np.float32)
    for part in pool.map(share, shares) if pool is not None and len(sessions) > 1 else map(share, shares):
        for i, logit in part:
            out[i] = logit
    return out


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def recorded_checksums(model_dir: Path = MODEL_DIR) -> dict[str, str]:
    """{file name: sha256} as written by the training script ("<sha256>  <name>" lines)."""
    path = model_dir / CHECKSUM_FILE
    if not path.is_file():
        raise ModelFileError(f"answer model checksum file {path} is missing; rebuild it with `{REBUILD}`")
    out = {}
    for line in path.read_text().splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            out[name.strip()] = digest
    return out


def verify_model_files(model_dir: Path = MODEL_DIR) -> None:
    """Raise ModelFileError (one line, naming the file and the fix) unless every file matches."""
    for name, digest in recorded_checksums(model_dir).items():
        path = model_dir / name
        if not path.is_file():
            raise ModelFileError(f"answer model file {path} is missing; rebuild it with `{REBUILD}`")
        if sha256_of(path) != digest:
            raise ModelFileError(
                f"answer model file {path} is corrupt (sha256 differs from {CHECKSUM_FILE}); "
                f"rebuild it with `{REBUILD}`"
            )


class CrossEncoder:
    """(question, candidates) -> probabilities on onnxruntime: one run per pair, `threads` pairs
    at a time (one session each)."""

    def __init__(self, model_dir: Path = MODEL_DIR, *, threads: int = 2, verify: bool = True) -> None:
        if verify:
            verify_model_files(model_dir)
        import onnxruntime as ort
        from tokenizers import Tokenizer

        try:
            self.tokenizer = Tokenizer.from_file(str(model_dir / TOKENIZER_FILE))
            self.tokenizer.no_truncation()
            self.tokenizer.no_padding()
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = 1
            opts.inter_op_num_threads = 1
            # One session per thread, run side by side (pair_logits).
            self.sessions = [
                ort.InferenceSession(str(model_dir / MODEL_FILE), opts, providers=["CPUExecutionProvider"])
                for _ in range(max(1, threads))
            ]
        except Exception as err:  # onnxruntime/tokenizers raise their own types for bad files
            first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise ModelFileError(
                f"answer model in {model_dir} cannot be loaded ({first[:120]}); "
                f"rebuild it with `{REBUILD}`"
            ) from None
        meta_path = model_dir / META_FILE
        self.meta: dict[str, Any] = json.loads(meta_path.read_text()) if meta_path.is_file() else {}
        self.max_length = int(self.meta.get("max_length", MAX_LENGTH))
        self._pool = ThreadPoolExecutor(len(self.sessions), "answer-model") if len(self.sessions) > 1 else None

    def logits(self, question: str, candidates: Sequence[str]) -> np.ndarray:
        return pair_logits(self.sessions, self.tokenizer, question, candidates, self.max_length, pool=self._pool)

    def probabilities(self, question: str, candidates: Sequence[str]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(question, candidates)))


@cache
def shared(model_dir: Path = MODEL_DIR, threads: int = 2) -> CrossEncoder:
    """One loaded model per process (about 20 MB and 0.2 s to load)."""
    return CrossEncoder(model_dir, threads=threads)


def support_probability(claim: str, passages: Sequence[str], *, threads: int = 2) -> float:
    """How likely the best of `passages` (sentences) states what `claim` asks or says: the
    same model, usable by the LLM verifier as a support check."""
    if not passages:
        return 0.0
    return float(shared(MODEL_DIR, threads).probabilities(claim, list(passages)).max())
