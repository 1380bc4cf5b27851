"""The notebooks run top to bottom, from the repository root, and are committed without outputs."""
from __future__ import annotations

import sys
import time

import nbformat
import pytest

from .conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_all_notebooks_are_there():
    assert [p.name for p in NOTEBOOKS] == [
        "01_article_report.ipynb",
        "02_compare_two_articles.ipynb",
        "03_classroom_exercise.ipynb",
        "04_corpus_study.ipynb",
        "05_validation.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    book = nbformat.read(path, as_version=4)
    nbformat.validate(book)
    assert book.metadata["kernelspec"]["name"] == "python3"
    for cell in book.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear the outputs"


def this_python_kernel():
    """A kernel manager running this interpreter (where framing is installed), whatever
    other ``python3`` kernel specs the machine has."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    spec = KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"], display_name="Python 3", language="python")

    class ThisPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return spec

    return AsyncKernelManager(kernel_name="python3", kernel_spec_manager=ThisPython())


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path):
    from nbclient import NotebookClient

    book = nbformat.read(path, as_version=4)
    client = NotebookClient(book, km=this_python_kernel(), timeout=120, resources={"metadata": {"path": str(ROOT)}})
    started = time.monotonic()
    client.execute()  # raises CellExecutionError on the first failing cell
    assert time.monotonic() - started < 120
    errors = [o for c in book.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors
