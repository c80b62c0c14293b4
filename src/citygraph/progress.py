"""Progress bars for long steps: shown on a terminal after a second, never in pipes or with --quiet.

Every command that can run past a second (import, build, validate, report,
export) wraps its loops or steps in :func:`bar`. A bar appears on standard
error only when standard error is a terminal, only once the step has taken a
second (tqdm's ``delay``; ``CITYGRAPH_PROGRESS_DELAY`` sets another number of
seconds), and never after ``citygraph --quiet`` (or with ``CITYGRAPH_QUIET=1``).
Once shown, a bar is redrawn every half second even while one slow item or one
long call holds it (tqdm itself draws only when a bar advances). What the
command prints on standard output is not touched, so piping a table or CSV
stays clean.
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


def _delay(default):
    """Seconds before a bar shows: ``CITYGRAPH_PROGRESS_DELAY`` if set, else ``default``."""
    try:
        return max(0.0, float(os.environ["CITYGRAPH_PROGRESS_DELAY"]))
    except (KeyError, ValueError):
        return default


def _bar_class():
    """tqdm with a thread that redraws the bar until it is closed (made once, when first used)."""
    if "class" not in _STATE:
        from tqdm import tqdm

        class Bar(tqdm):
            # tqdm draws only when a bar advances: a first item that takes long, or a step
            # that is one long call (inferring, validating), would show nothing; so a thread
            # redraws the bar (its elapsed time) from its delay on, until it is closed
            def start_ticking(self, delay, every=0.5):
                self._stop = threading.Event()
                self._ticker = threading.Thread(target=self._tick, args=(delay, every),
                                                daemon=True, name="citygraph-progress")
                self._ticker.start()

            def _tick(self, delay, every):
                if self._stop.wait(delay):
                    return
                while not self._stop.wait(every):
                    self.refresh()

            def close(self):
                ticker = getattr(self, "_ticker", None)
                if ticker is not None:
                    self._stop.set()
                    if ticker is not threading.current_thread():
                        ticker.join()
                super().close()

        _STATE["class"] = Bar
    return _STATE["class"]


def _sized():
    """Whether the terminal on standard error reports its width: a pseudo-terminal given no
    size (as ``script`` makes one) reports 0 columns, on which tqdm would draw nothing."""
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns > 0
    except (OSError, ValueError, AttributeError):
        return False


def bar(iterable=None, total=None, desc=None, unit="it", delay=1.0, bar_format=None):
    """An iterable (or manual) progress bar that shows only on a terminal after ``delay`` seconds.

    >>> sum(bar(range(4), desc="counting"))
    6
    """
    delay = _delay(delay)
    sized = _sized()
    progress = _bar_class()(iterable, total=total, desc=desc, unit=unit, delay=delay,
                            bar_format=bar_format, disable=is_quiet(), file=sys.stderr,
                            leave=False, dynamic_ncols=sized, ncols=None if sized else 80,
                            nrows=None if sized else 24)
    if not progress.disable:
        progress.start_ticking(delay)
    return progress


@contextmanager
def step(desc, total=None, unit="it"):
    """A block with a bar for a step of known or unknown size; ``update(n)`` advances it.

    >>> with step("loading", total=2) as progress:
    ...     progress.update(2)
    """
    # a step of unknown size shows its name and the time it has taken
    progress = bar(total=total, desc=desc, unit=unit,
                   bar_format=None if total is not None else "{desc}: {elapsed}")
    try:
        yield progress
    finally:
        progress.close()
