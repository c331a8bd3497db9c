"""Compile the LaTeX builder's output to a PDF, as ``sphinx-build -M latexpdf`` does.

``latexmk`` reads the ``latexmkrc`` Sphinx writes beside the ``.tex`` file, so
the engine is the one ``latex_engine`` names. :class:`LatexRun` starts latexmk
in the background (the website's PDF compiles while the HTML is written, see
:mod:`sphinx_cv.pdf.site`) and :meth:`LatexRun.wait` collects it;
:func:`compile_tex` does both at once (the tests).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import subprocess
import threading
from pathlib import Path
from typing import Any

from . import texlog

#: Programs a PDF build needs (xelatex is the engine sphinx_cv sets by default).
TOOLS = ("latexmk", "xelatex")

#: The command of Sphinx's LaTeX Makefile, stopping at the first TeX error.
LATEXMK = ("latexmk", "-pdf", "-dvi-", "-ps-", "-interaction=nonstopmode", "-halt-on-error")


def missing_tools() -> list[str]:
    """The programs of :data:`TOOLS` that are not on ``PATH``."""
    return [tool for tool in TOOLS if shutil.which(tool) is None]


#: The compiles running now: stopped if the build is stopped (SIGTERM, SIGHUP, its end).
_running: set[LatexRun] = set()
#: The handlers of those signals before the first compile started.
_previous: dict[int, Any] = {}
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP)


def _stop_all(signum: int, frame: Any) -> None:
    """A signal stops the build: stop its compiles (latexmk and the TeX it runs) first."""
    for run in list(_running):
        run.stop()
    _restore_handlers()
    os.kill(os.getpid(), signum)  # the signal again, as it would have been handled


def _watch(run: LatexRun) -> None:
    _running.add(run)
    if _previous or threading.current_thread() is not threading.main_thread():
        return
    for signum in STOP_SIGNALS:
        _previous[signum] = signal.signal(signum, _stop_all)


def _unwatch(run: LatexRun) -> None:
    _running.discard(run)
    if not _running:
        _restore_handlers()


def _restore_handlers() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for signum, handler in _previous.items():
        signal.signal(signum, handler)
    _previous.clear()


@atexit.register
def _stop_at_exit() -> None:
    for run in list(_running):
        run.stop()


class LatexRun:
    """latexmk compiling ``tex`` in its directory, started at once, TeX's output in a file.

    latexmk and the TeX programs it runs are a process group of their own, stopped
    together when the build stops (:meth:`stop`), is stopped by a signal, or exits.
    """

    def __init__(self, tex: Path) -> None:
        self.tex = tex
        self.output = tex.with_suffix(".latexmk.out")
        env = {
            **os.environ,
            "LATEXOPTS": "-interaction=nonstopmode -halt-on-error",
            texlog.SKIP_ENV: "1",  # reported by wait(), as Sphinx warnings
        }
        with self.output.open("w", encoding="utf-8") as out:
            self.process = subprocess.Popen(
                [*LATEXMK, tex.name],
                cwd=tex.parent,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        _watch(self)

    def wait(self, timeout: float | None = None) -> Path:
        """Wait for latexmk; return the PDF.

        What LaTeX only logs (overfull lines, missing characters) becomes Sphinx
        warnings. Raises :class:`subprocess.CalledProcessError` (with TeX's output) when it
        fails, :class:`subprocess.TimeoutExpired` (after stopping it) when it takes
        longer than ``timeout`` seconds.
        """
        try:
            returncode = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise
        finally:
            _unwatch(self)
        if returncode != 0:
            text = self.output.read_text(encoding="utf-8", errors="replace")
            raise subprocess.CalledProcessError(returncode, self.process.args, output=text)
        texlog.warn(self.tex)
        return self.tex.with_suffix(".pdf")

    def stop(self) -> None:
        """Stop latexmk and what it runs (the build it serves failed or was stopped)."""
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        _unwatch(self)


def compile_tex(tex: Path) -> Path:
    """Run latexmk on ``tex`` in its directory; return the PDF.

    Raises :class:`subprocess.CalledProcessError` (with TeX's output) when it fails.
    """
    return LatexRun(tex).wait()
