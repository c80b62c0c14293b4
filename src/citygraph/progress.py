"""Progress bars for long steps: shown on a terminal after a second, never in pipes or with --quiet.

Every command that can run past a second (import, build, validate, report,
export) wraps its loops or steps in :func:`bar`. A bar appears on standard
error only when standard error is a terminal, only once the step has taken a
second (tqdm's ``delay``), and never after ``citygraph --quiet`` (or with
``CITYGRAPH_QUIET=1``). What the command prints on standard output is not
touched, so piping a table or CSV stays clean.
"""

import os
import sys
import threading
from contextlib import contextmanager

__all__ = ["set_quiet", "is_quiet", "bar", "step"]

_STATE = {"quiet": False}


def set_quiet(quiet=True):
    """Turn progress bars off (``citygraph --quiet``) or back on.

    >>> set_quiet(True); is_quiet()
    True
    >>> set_quiet(False)
    """
    _STATE["quiet"] = bool(quiet)


def is_quiet():
    """Whether progress bars are off: ``--quiet``, ``CITYGRAPH_QUIET=1``, or stderr not a terminal.

    >>> import io, contextlib
    >>> with contextlib.redirect_stderr(io.StringIO()):
    ...     is_quiet()
    True
    """
    if _STATE["quiet"] or os.environ.get("CITYGRAPH_QUIET", "") not in ("", "0"):
        return True
    stream = sys.stderr
    return not (hasattr(stream, "isatty") and stream.isatty())


def bar(iterable=None, total=None, desc=None, unit="it", delay=1.0, bar_format=None):
    """An iterable (or manual) progress bar that shows only on a terminal after ``delay`` seconds.

    >>> sum(bar(range(4), desc="counting"))
    6
    """
    from tqdm import tqdm

    return tqdm(iterable, total=total, desc=desc, unit=unit, delay=delay, bar_format=bar_format,
                disable=is_quiet(), file=sys.stderr, leave=False, dynamic_ncols=True)


@contextmanager
def step(desc, total=None, unit="it"):
    """A block with a bar for a step of known or unknown size; ``update(n)`` advances it.

    >>> with step("loading", total=2) as progress:
    ...     progress.update(2)
    """
    # a step of unknown size shows its name and the time it has taken
    progress = bar(total=total, desc=desc, unit=unit,
                   bar_format=None if total is not None else "{desc}: {elapsed}")
    done = threading.Event()
    ticker = None
    if not progress.disable:
        # tqdm draws only when a step advances; a step that runs one long call (inferring,
        # validating) would show nothing, so redraw it (elapsed time) until it ends
        ticker = threading.Thread(target=_tick, args=(progress, done), daemon=True)
        ticker.start()
    try:
        yield progress
    finally:
        done.set()
        if ticker is not None:
            ticker.join()
        progress.close()


def _tick(progress, done, delay=1.0, every=0.5):
    if done.wait(delay):
        return
    while not done.wait(every):
        progress.refresh()
