"""Where the published test suites and schemas the tests check against are found.

They are not part of the repository: ``suites/NAME`` of the shared folder holds a copy of each
(the W3C ``sparql11/protocol`` cases; the reconciliation-api/specs schemas), each with its
licence, or ``$CITYGRAPH_SUITES/NAME`` does. Tests that need one are skipped without it.
"""

import os
from pathlib import Path

from conftest import SHARED

__all__ = ["suite_folder"]


def suite_folder(name, marker="manifest.ttl"):
    """The folder of a copied test suite that holds ``marker``, or None."""
    for root in (os.environ.get("CITYGRAPH_SUITES"), SHARED / "suites"):
        if root and (Path(root) / name / marker).is_file():
            return Path(root) / name
    return None
