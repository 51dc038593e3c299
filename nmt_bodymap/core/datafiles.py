"""Reading the project's YAML data files quickly and safely.

PyYAML's pure-Python parser takes seconds on the knowledge base; its libyaml
binding (``CSafeLoader``) takes milliseconds, so it is used whenever present.
Both are *safe* loaders: data files can never construct Python objects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; raises ``yaml.YAMLError`` or ``OSError`` as PyYAML does."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_SafeLoader)
