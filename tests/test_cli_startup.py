"""`citygraph --help` and `--version` stay fast: the CLI imports a command's module only to run it.

Each check runs in a fresh interpreter, since this test process has long
imported everything.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

from citygraph.cli import _read_command
from citygraph.commands import COMMAND_MODULES, load

HEAVY = ("igraph", "matplotlib", "pyshacl", "networkx", "rdflib", "scipy")


def fresh(code):
    env = {**os.environ, "COLUMNS": "80"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def heavy_modules(statement):
    code = (f"import sys, io, contextlib\n"
            f"with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    try:\n        {statement}\n    except SystemExit:\n        pass\n"
            f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    return fresh(code).split()


def test_importing_the_cli_loads_no_heavy_module():
    assert heavy_modules("import citygraph.cli") == []


def test_help_and_version_load_no_heavy_module():
    assert heavy_modules("from citygraph.cli import main; main(['--help'])") == []
    assert heavy_modules("from citygraph.cli import main; main(['--version'])") == []


def test_a_command_loads_only_its_own_module():
    out = fresh("import sys, io, contextlib\nfrom citygraph.cli import main\n"
                "with contextlib.redirect_stdout(io.StringIO()):\n"
                "    try:\n        main(['queries', '--help'])\n    except SystemExit:\n"
                "        pass\n"
                "print(' '.join(sorted(m for m in sys.modules "
                "if m.startswith('citygraph.commands.'))))")
    assert out.split() == ["citygraph.commands.queries"]


def test_the_help_list_read_from_the_sources_equals_the_commands_own():
    lazy = fresh("from citygraph.cli import main\n"
                 "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n")
    eager = fresh("from citygraph.cli import cli, main\nfrom citygraph.commands import COMMANDS\n"
                  "for c in COMMANDS:\n    cli.add_command(c)\n"
                  "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n")
    assert lazy == eager
    assert "  query      Run a query of the catalog (queries/NAME.rq) or an ad-hoc one." in lazy


def test_every_command_module_is_read_without_importing_it():
    for module in COMMAND_MODULES:
        found = _read_command(module)
        assert found is not None, module
        assert found[0] == load(module).name


def test_every_command_module_is_registered():
    # a module under commands/ that defines `command` but is missing from COMMAND_MODULES
    # would silently drop out of the CLI, now that the CLI no longer imports them all
    here = Path(__import__("citygraph.commands").commands.__file__).parent
    defined = sorted(p.stem for p in here.glob("*.py")
                     if re.search(r"^def command\(", p.read_text(encoding="utf-8"), re.M))
    assert "query" in defined
    assert sorted(COMMAND_MODULES) == defined
