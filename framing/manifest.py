"""Run manifests: what a corpus run read, with which framing, lexicons and model, and what it wrote.

Every corpus run writes ``OUT.manifest.json`` beside its output: the framing version, the
lexicon version and SHA-256, the model's SHA-256 (if a model is shipped), the options, every
input file with its size and SHA-256, the outputs with theirs, and the start and end time.
``framing rerun OUT.manifest.json`` checks the inputs and lexicons are unchanged and scores
them again; scoring is deterministic, so the outputs come out byte for byte the same.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import platform
from pathlib import Path
from typing import Any, Iterable, Optional

from . import __version__
from .writers import write_atomic

SCHEMA = "framing.manifest/1"
MODEL_FILES_SKIPPED = {"__init__.py", "README.md"}


def manifest_path(output: Path) -> Path:
    """``OUT.manifest.json`` beside ``OUT``."""
    return output.with_name(output.name + ".manifest.json")


def now() -> str:
    """The current time, UTC, ISO 8601 to the second."""
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def sha256_file(path: Path | str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_record(path: str) -> dict[str, Any]:
    """``{"path", "bytes", "sha256"}`` of one file (``None`` values if it cannot be read)."""
    try:
        return {"path": path, "bytes": os.path.getsize(path), "sha256": sha256_file(path)}
    except OSError:
        return {"path": path, "bytes": None, "sha256": None}


def model_sha256(folder: Optional[Path] = None) -> Optional[str]:
    """One SHA-256 over the shipped model files (names and contents), or None without a model."""
    if folder is None:
        try:
            from importlib import resources

            folder = Path(str(resources.files("framing.models")))
        except (ModuleNotFoundError, TypeError):
            return None
    if not folder.is_dir():
        return None
    files = sorted(f for f in folder.iterdir() if f.is_file() and f.name not in MODEL_FILES_SKIPPED and not f.name.endswith(".pyc"))
    if not files:
        return None
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()


def output_files(output: Path, fmt: str, tables: Iterable[str]) -> dict[str, Path]:
    """The files a corpus run writes, by role: articles (or reports), each table, errors."""
    files = {"reports" if fmt == "jsonl" else "articles": output}
    suffix = "." + fmt
    stem = output.name[: -len(suffix)] if output.name.endswith(suffix) else output.name
    for t in tables if fmt != "jsonl" else ():
        files[t] = output.with_name(f"{stem}.{t}{suffix}")
    files["errors"] = output.with_name(output.name + ".errors.tsv")
    return files


def build_manifest(output: Path, inputs: list[str], options: dict[str, Any], lexicon, started: str, summary) -> dict[str, Any]:
    """The manifest of a finished run (see the module docstring)."""
    outputs = {role: file_record(str(p)) for role, p in output_files(output, options["format"], options.get("tables") or ()).items() if p.exists()}
    return {
        "schema": SCHEMA,
        "framing_version": __version__,
        "lexicon_version": lexicon.version,
        "lexicon_sha256": lexicon.sha256,
        "model_sha256": model_sha256(),
        "python": platform.python_version(),
        "cwd": os.getcwd(),
        "output": str(output),
        "options": options,
        "inputs": [file_record(p) for p in inputs],
        "outputs": outputs,
        "summary": {"scored": summary.scored, "failed": summary.failed, "skipped": summary.skipped},
        "started": started,
        "ended": now(),
    }


def write_manifest(output: Path, inputs: list[str], options: dict[str, Any], lexicon, started: str, summary) -> Path:
    """Write ``OUT.manifest.json``; returns its path."""
    path = manifest_path(output)
    data = build_manifest(output, inputs, options, lexicon, started, summary)
    write_atomic(str(path), json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    return path


class ManifestError(ValueError):
    """A manifest that cannot be read or replayed; the message is one line."""


def load_manifest(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ManifestError(f"{path}: cannot be read as a manifest ({e})") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ManifestError(f"{path}: not a framing manifest (schema {SCHEMA})")
    return data


def changed_inputs(manifest: dict[str, Any]) -> list[str]:
    """Inputs that are missing or whose content differs from the manifest, one line each."""
    problems = []
    for rec in manifest["inputs"]:
        now_rec = file_record(rec["path"])
        if now_rec["sha256"] is None:
            problems.append(f"{rec['path']}: missing")
        elif now_rec["sha256"] != rec["sha256"]:
            problems.append(f"{rec['path']}: changed since the run (sha256 {now_rec['sha256'][:12]}…, was {str(rec['sha256'])[:12]}…)")
    return problems


def compare_outputs(manifest: dict[str, Any], output: Path) -> list[str]:
    """Outputs of a rerun at ``output`` that differ from those the manifest recorded."""
    options = manifest["options"]
    now_files = output_files(output, options["format"], options.get("tables") or ())
    differences = []
    for role, rec in manifest.get("outputs", {}).items():
        path = now_files.get(role)
        if path is None or not path.exists():
            differences.append(f"{role}: not written by the rerun")
        elif sha256_file(path) != rec["sha256"]:
            differences.append(f"{role}: {path} differs from the original {rec['path']}")
    return differences


#: Settings that change what a report says: a finished output extended by ``--resume`` must share them.
SCORING_SETTINGS = ("format", "lexicons", "syntax", "max_bytes", "model", "sides", "text_column", "id_column")


def resume_problem(output: Path, options: dict[str, Any], lexicon) -> Optional[str]:
    """Why the finished ``output`` (JSONL, CSV or Parquet) cannot be kept and extended by ``--resume``
    with these ``options`` (as a run's manifest records them) and ``lexicon``; None if it can.

    Its rows are kept only if its manifest shows the same framing, lexicons, model and scoring
    settings, the tables this run asks for, and files unchanged since: otherwise old and new
    rows would silently disagree.
    """
    path = manifest_path(output)
    retry = "drop --resume to score everything again, or write to another file"
    if not path.exists():
        return f"{output}: --resume cannot tell how it was scored ({path.name} is missing); {retry}"
    try:
        manifest = load_manifest(path)
    except ManifestError as e:
        return f"{e}; {retry}"
    earlier = manifest.get("options") or {}
    if manifest.get("framing_version") != __version__ or manifest.get("model_sha256") != model_sha256():
        return f"{output}: scored by another framing version or shipped model; {retry}"
    if manifest.get("lexicon_sha256") != lexicon.sha256:
        return (
            f"{output}: scored with other lexicons ({manifest.get('lexicon_version')}, "
            f"sha256 {str(manifest.get('lexicon_sha256'))[:12]}…) than this run's ({lexicon.version}, {lexicon.sha256[:12]}…); {retry}"
        )
    changed = [k for k in SCORING_SETTINGS if earlier.get(k) != options.get(k)]
    if changed:
        return f"{output}: scored with other settings ({', '.join(changed)}); {retry}"
    missing = [t for t in options.get("tables") or () if t not in (earlier.get("tables") or ())]
    if missing:
        return f"{output}: has no {' or '.join(missing)} table; {retry}"
    recorded = manifest.get("outputs") or {}
    for role, file in output_files(output, options["format"], options.get("tables") or ()).items():
        if role != "errors" and (role not in recorded or not file.exists() or sha256_file(file) != recorded[role]["sha256"]):
            return f"{file}: changed since the run that wrote it; {retry}"
    return None
