"""Scoring a corpus on a Dask cluster (optional extra: ``pip install 'framing[dask]'``).

Workers read their own files: the bag holds file paths, not texts. Results come back in
input order, identical to a serial run.

>>> from dask.distributed import Client            # doctest: +SKIP
>>> client = Client("tcp://scheduler:8786")        # doctest: +SKIP
>>> frame = articles_frame(paths, client=client)   # doctest: +SKIP
"""
from __future__ import annotations

import json
from typing import Iterator, Optional

from .corpus import Options, score_line
from .tables import article_row


def _require_dask():
    try:
        import dask.bag as db
        from dask.distributed import Client
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise RuntimeError("Dask is not installed: pip install 'framing[dask]'") from e
    return db, Client


def score_bag(paths: list[str], options: Options = Options(), npartitions: Optional[int] = None):
    """A ``dask.bag`` of JSON lines (one report or error per path), in input order."""
    db, _ = _require_dask()
    n = npartitions or max(1, min(len(paths), 64))
    return db.from_sequence([(p, options) for p in paths], npartitions=n).map(score_line)


def map_scores_dask(paths: list[str], options: Options, address: str) -> Iterator[str]:
    """JSON lines in input order, scored on the cluster at ``address`` (``tcp://host:port``)."""
    _, Client = _require_dask()
    with Client(address) as client:
        yield from map_scores_client(paths, options, client)


def map_scores_client(paths: list[str], options: Options, client) -> Iterator[str]:
    """JSON lines in input order, scored by an existing ``dask.distributed.Client``."""
    bag = score_bag(paths, options)
    futures = client.compute(bag.to_delayed())
    for future in futures:  # partitions in order; each is released once read
        yield from future.result()
        future.release()


def articles_frame(paths: list[str], options: Options = Options(), client=None):
    """A Dask DataFrame with one row per scored article (errors dropped)."""
    db, _ = _require_dask()
    rows = score_bag(paths, options).map(json.loads).filter(lambda r: "report" in r).map(lambda r: article_row(r["report"]))
    frame = rows.to_dataframe()
    return frame if client is None else client.persist(frame)


def to_parquet(paths: list[str], out_dir: str, options: Options = Options(), client=None) -> None:
    """Write one row per article to a Parquet dataset in ``out_dir``."""
    task = articles_frame(paths, options).to_parquet(out_dir, write_index=False, compute=False)
    if client is None:
        task.compute()
    else:
        client.compute(task).result()

