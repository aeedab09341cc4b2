"""Run the notebooks top to bottom in a kernel of the running interpreter (nbclient)."""
import os
import sys

import pytest

from conftest import ROOT

NOTEBOOKS = ROOT / "notebooks"

NOTEBOOK_NAMES = ["01_quickstart.ipynb", "02_compare_places.ipynb", "03_batch_archive.ipynb",
                  "04_diffusion_of_a_practice.ipynb"]


def _kernel_manager(tmp_path):
    """A kernel manager whose kernel is ``sys.executable -m ipykernel_launcher`` (no installed
    kernelspec needed, so the notebook runs in this very environment)."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import KernelManager

    spec = KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                      display_name="unionnlp test kernel", language="python",
                      resource_dir=str(tmp_path),
                      env={"PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
                           "MPLBACKEND": "Agg"})

    class _OneSpec(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):  # noqa: D401 - jupyter_client API
            return spec

    return KernelManager(kernel_name="python3", kernel_spec_manager=_OneSpec())


def test_notebooks_are_committed_without_outputs():
    import nbformat

    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    assert [p.name for p in paths] == NOTEBOOK_NAMES
    for p in paths:
        nb = nbformat.read(p, as_version=4)
        nbformat.validate(nb)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, p.name


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOK_NAMES)
def test_notebook_runs(name, tmp_path):
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = NotebookClient(nb, km=_kernel_manager(tmp_path), timeout=600,
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.get("output_type") == "error"]
    assert not errors
    # something was shown: tables (HTML) or figures (PNG)
    shown = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
             if o.get("output_type") in ("execute_result", "display_data")]
    assert shown
