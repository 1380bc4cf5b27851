"""The Dask path gives exactly the serial results, in the same order."""
import json

import pytest

from framing.corpus import Options, expand_inputs, map_scores

from .conftest import SEEDS

distributed = pytest.importorskip("dask.distributed")


def test_local_cluster_matches_serial(tmp_path):
    from framing.distributed import articles_frame, map_scores_client

    paths = expand_inputs([str(SEEDS)]) * 3  # nine scorings, several partitions
    serial = list(map_scores(paths, Options(), jobs=1))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, distributed.Client(cluster) as client:
        on_cluster = list(map_scores_client(paths, Options(), client))
        frame = articles_frame(paths[:3]).compute(scheduler=client.get)
    assert on_cluster == serial
    assert [json.loads(line)["path"] for line in on_cluster] == paths
    assert sorted(frame["path"]) == sorted(paths[:3]) and "loaded_rate" in frame.columns
