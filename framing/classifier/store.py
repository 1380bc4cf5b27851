"""Saving and loading heads as JSON and NumPy arrays: nothing on load can run code.

A model folder holds, per head, ``<head>.json`` (format version, labels, block settings,
vocabularies, training notes) and ``<head>.npz`` (idf weights, scaling, coefficients,
calibration; read with ``allow_pickle=False``), and ``manifest.json`` with the SHA-256 of
every file. Loading checks the manifest first, then the format and every array's shape,
and refuses anything else with a one-line ``ModelError``.
"""
from __future__ import annotations

import hashlib
import io
import json
import zipfile
from importlib import resources
from pathlib import Path
from typing import Optional, Union

import numpy as np

from .cuewords import CueWordTable
from .linear import LinearHead, Standardised
from .tfidf import TfidfTable

FORMAT = "framing.classifier/1"
MANIFEST = "manifest.json"
HEADS = ("bias", "hedge")  # bias: the sentence ``score``; hedge: ``hedge_score``


class ModelError(ValueError):
    """A model folder is missing, tampered with, truncated or of another format."""


def default_folder() -> Path:
    """The folder of the models shipped inside the package."""
    return Path(str(resources.files("framing.models")))


# -- saving -------------------------------------------------------------------------------
def _table_json(table: TfidfTable) -> dict:
    return {**table.settings(), "vocabulary": table.vocabulary}


def save_head(head: LinearHead, folder: Union[str, Path]) -> None:
    """Write ``<head.name>.json`` and ``.npz`` into ``folder`` and update its manifest."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    arrays: dict[str, np.ndarray] = {
        "coef": head.coef,
        "intercept": head.intercept,
        "calibration_a": np.asarray(head.calibration_a, dtype=np.float64),
        "calibration_b": np.asarray(head.calibration_b, dtype=np.float64),
    }
    blocks: dict[str, dict] = {}
    for name, table, weight in (("word", head.word, head.word_weight), ("char", head.char, head.char_weight)):
        if table is not None:
            blocks[name] = {**_table_json(table), "weight": weight}
            arrays[f"{name}_idf"] = table.idf
    for name, dense in (("lexicon", head.lexicon), ("cues", head.cues)):
        if dense is not None:
            blocks[name] = {"names": list(dense.names), "weight": dense.weight}
            arrays[f"{name}_mean"], arrays[f"{name}_scale"] = dense.mean, dense.scale
    if head.cue_words is not None:
        blocks["cues"]["words"] = {**_table_json(head.cue_words.table), "intercept": head.cue_words.intercept}
        arrays["cue_words_idf"], arrays["cue_words_coef"] = head.cue_words.table.idf, head.cue_words.coef
    document = {
        "format": FORMAT,
        "head": head.name,
        "classes": list(head.classes),
        "positive": list(head.positive),
        "threshold": head.threshold,
        "meta": head.meta,
        "blocks": blocks,
    }
    (folder / f"{head.name}.json").write_text(json.dumps(document, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    with open(folder / f"{head.name}.npz", "wb") as fh:
        np.savez_compressed(fh, **arrays)
    write_manifest(folder)


def write_manifest(folder: Path) -> None:
    """Record the SHA-256 of every head file in ``folder``."""
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.suffix in (".json", ".npz") and p.name != MANIFEST}
    (folder / MANIFEST).write_text(json.dumps({"format": FORMAT, "sha256": files}, indent=1) + "\n", encoding="utf-8")


# -- loading ------------------------------------------------------------------------------
def has_head(folder: Union[str, Path], name: str) -> bool:
    return (Path(folder) / f"{name}.json").is_file()


def read_verified(folder: Union[str, Path], name: str) -> tuple[dict[str, bytes], dict[str, str]]:
    """The bytes of a head's files (by suffix), read once and checked against the folder's
    manifest, and their SHA-256 (by file name)."""
    folder = Path(folder)
    manifest_path = folder / MANIFEST
    if not folder.is_dir():
        raise ModelError(f"{folder}: not a model folder")
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        listed = manifest["sha256"]
        fmt = manifest["format"]
    except FileNotFoundError:
        raise ModelError(f"{manifest_path}: missing; a model folder needs its manifest") from None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        raise ModelError(f"{manifest_path}: unreadable or damaged manifest") from None
    if fmt != FORMAT:
        raise ModelError(f"{folder}: model format {fmt!r}, this framing reads {FORMAT!r}; retrain the model")
    out, hashes = {}, {}
    for suffix in (".json", ".npz"):
        path = folder / f"{name}{suffix}"
        if not path.is_file():
            raise ModelError(f"{path}: missing")
        expected = listed.get(path.name) if isinstance(listed, dict) else None
        if expected is None:
            raise ModelError(f"{path}: not listed in {MANIFEST}")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != expected:
            raise ModelError(f"{path}: SHA-256 does not match {MANIFEST} (changed, truncated or corrupted); refusing to load")
        out[suffix], hashes[path.name] = data, expected
    return out, hashes


def load_head(folder: Union[str, Path], name: str) -> LinearHead:
    """Load and check one head from ``folder``."""
    folder = Path(folder)
    data, hashes = read_verified(folder, name)
    where = folder / f"{name}.json"
    try:
        document = json.loads(data[".json"].decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise ModelError(f"{where}: not valid JSON") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ModelError(f"{where}: not a {FORMAT} head")
    try:
        with np.load(io.BytesIO(data[".npz"]), allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as e:
        raise ModelError(f"{folder / name}.npz: unreadable arrays ({e})") from None
    try:
        head = _build(document, arrays)
    except (KeyError, TypeError, ValueError, IndexError) as e:
        raise ModelError(f"{where}: incompatible model ({e})") from None
    head.meta = {**head.meta, "sha256": hashes, "folder": str(folder)}
    return head


def _build(document: dict, arrays: dict[str, np.ndarray]) -> LinearHead:
    for key, value in arrays.items():
        if value.dtype.kind not in "fi":
            raise ValueError(f"array {key} has dtype {value.dtype}")
    blocks = document["blocks"]

    def table(spec: dict, idf: np.ndarray) -> TfidfTable:
        return TfidfTable(spec["analyzer"], spec["ngram_range"], spec["vocabulary"], idf, spec["sublinear_tf"], spec["norm"])

    def dense(name: str) -> Optional[Standardised]:
        if name not in blocks:
            return None
        spec = blocks[name]
        mean, scale = arrays[f"{name}_mean"], arrays[f"{name}_scale"]
        if not len(spec["names"]) == len(mean) == len(scale):
            raise ValueError(f"block {name}: {len(spec['names'])} names, {len(mean)} means, {len(scale)} scales")
        return Standardised(tuple(spec["names"]), mean, scale, float(spec["weight"]))

    cue_words = None
    if "cues" in blocks:
        spec = blocks["cues"]["words"]
        cue_words = CueWordTable(table(spec, arrays["cue_words_idf"]), arrays["cue_words_coef"], float(spec["intercept"]))
    return LinearHead(
        name=document["head"],
        classes=tuple(str(c) for c in document["classes"]),
        positive=tuple(str(c) for c in document["positive"]),
        coef=arrays["coef"],
        intercept=arrays["intercept"],
        calibration_a=arrays["calibration_a"],
        calibration_b=arrays["calibration_b"],
        word=table(blocks["word"], arrays["word_idf"]) if "word" in blocks else None,
        char=table(blocks["char"], arrays["char_idf"]) if "char" in blocks else None,
        word_weight=float(blocks.get("word", {}).get("weight", 1.0)),
        char_weight=float(blocks.get("char", {}).get("weight", 1.0)),
        lexicon=dense("lexicon"),
        cues=dense("cues"),
        cue_words=cue_words,
        threshold=float(document.get("threshold", 0.5)),
        meta=dict(document.get("meta", {})),
    )
