"""No module of the app imports YAML or pydantic to read its data (issue 18).

The data files are read from their pre-validated cache (``core/data_cache.py``,
``core/knowledge_cache.py``); PyYAML and the pydantic models are imported only inside the
functions that validate a file. A fresh process imports every module of ``nmt_bodymap.core``
and ``nmt_bodymap.ui`` (each room's code) and records who first loads ``yaml`` or
``pydantic``: neither the core nor the rooms (with the store they call) may load either
(the store's row checks are plain code since storeimport). The validating modules themselves are
left out: they run only on a cache miss, in the self-test and for data authors.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
VALIDATORS = (
    "nmt_bodymap.core.data_models",
    "nmt_bodymap.core.knowledge_models",
    "nmt_bodymap.core.translations_schema",
)

CHILD = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys, traceback

    first = {}

    def hook(event, args):
        if event == "import" and args[0].split(".")[0] in ("yaml", "pydantic"):
            top = args[0].split(".")[0]
            if top not in first:
                frames = traceback.extract_stack()[:-1]
                first[top] = [f.filename for f in frames if "nmt_bodymap" in f.filename]

    sys.addaudithook(hook)
    skip = set(json.loads(sys.argv[1]))
    report = {}
    for package in ("nmt_bodymap.core", "nmt_bodymap.ui"):
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, package + "."):
            if info.name not in skip:
                importlib.import_module(info.name)
        report[package] = {name: list(stack) for name, stack in first.items()}
    print(json.dumps(report))
    """
)


def test_no_module_of_the_core_or_the_rooms_imports_yaml_or_pydantic_for_data() -> None:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(VALIDATORS)],
        cwd=REPO_ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    report = json.loads(out.strip().splitlines()[-1])

    assert report["nmt_bodymap.core"] == {}, report["nmt_bodymap.core"]
    assert report["nmt_bodymap.ui"] == {}, report["nmt_bodymap.ui"]
