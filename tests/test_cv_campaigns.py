"""scripts/cv_campaigns.py: grouped cross-validation of the campaign finder on the tuning part."""
import re
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED


def test_cross_validation_scores_below_resubstitution(devset_dir):
    if not (SHARED / "devset2").is_dir():
        pytest.skip("../shared/devset2 is absent")
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "cv_campaigns.py"), "--folds", "3",
                          "--shared", str(SHARED)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    f1 = [float(x) for x in re.findall(r"F1 ([01]\.\d{3})", out.stdout)]
    assert len(f1) == 2
    resub, cv = f1
    # a model scored on documents it was not trained on cannot beat itself on its training set
    # by much; and it must still find most campaigns
    assert 0.6 < cv <= resub + 0.02
