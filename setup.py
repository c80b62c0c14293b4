"""Build step: copy the top-level ontology/, shapes/ and queries/ into the wheel.

Those folders stay the source of truth; the wheel carries copies of them as
package data under citygraph/_data/, which citygraph.resources finds when
citygraph runs from an installed package rather than from this checkout.
The rest of the configuration is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("ontology", "shapes", "queries")


class BuildWithResources(build_py):
    def run(self):
        super().run()
        here = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "citygraph" / "_data"
        for name in SHIPPED:
            source = here / name
            if not source.is_dir():  # building from an sdist that lacks them
                raise SystemExit(f"{source}: missing; it ships inside the package")
            shutil.rmtree(target / name, ignore_errors=True)
            shutil.copytree(source, target / name,
                            ignore=shutil.ignore_patterns("*~", ".*", "__pycache__"))
        # the theme vocabulary `citygraph init` gives a new project
        shutil.copy2(here / "data" / "themes.ttl", target / "themes.ttl")


setup(cmdclass={"build_py": BuildWithResources})
