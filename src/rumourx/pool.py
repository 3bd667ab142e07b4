"""A pool of worker processes for streams of inputs, which loses nothing when a worker dies.

``multiprocessing.Pool`` waits for ever for the result of a task whose worker was killed (by
the kernel's out-of-memory killer, say), so one bad article could hang a whole batch. Here the
parent talks to each worker over its own pipe, watches the worker's life, and starts a new one
when a worker dies; the inputs the dead worker held are sent again one at a time, so only an
input that kills a worker twice is given up, and it gets a record of its own saying so. The
parent has no helper threads, and sends a worker its next task only once the worker has
returned the last, so neither side can block the other with a large message.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

#: The tasks out at a time, per worker: sent, or back and waiting for an earlier one (memory stays flat).
WINDOW_PER_WORKER = 4
#: How many times an input may be with a worker that dies before it is given up.
TRIES = 2


class WorkerDied(RuntimeError):
    """A worker process died holding an input, and no ``lost`` function was given to record it."""


def start_method() -> str:
    """How workers start: forked where the platform can (they share the loaded pipeline)."""
    return "fork" if "fork" in mp.get_all_start_methods() else "spawn"


def pool_map(func: Callable[[list[Any]], list[Any]], parts: Iterable[list[Any]], n_process: int,
             initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
             lost: Callable[[Any, str], Any] | None = None) -> Iterator[Any]:
    """``func`` (which maps a list to a list of as many results) over ``parts`` in ``n_process``
    worker processes; the results flattened, in input order, as they come.

    A worker that dies is replaced, and the inputs it held are run again one at a time. An input
    that was with two workers that died gives ``lost(input, reason)`` as its result (without
    ``lost``, :class:`WorkerDied` is raised). An exception raised by ``func`` stops the workers
    and is raised here.
    """
    import gc

    run = _Run(func, initializer, initargs, lost, mp.get_context(start_method()))
    forked = run.ctx.get_start_method() == "fork"
    if forked:
        # the loaded pipeline's objects move to the collector's permanent generation: forked
        # workers' collections neither walk them nor write to their pages, which stay shared
        gc.freeze()
    try:
        yield from run.results(iter(parts), max(1, n_process))
    finally:
        run.stop()
        if forked:
            gc.unfreeze()


@dataclass
class _Task:
    seq: int  # the part's place in the stream
    items: list[Any]
    index: int | None = None  # one item of the part, sent again alone after its worker died
    tries: int = 0


@dataclass
class _Worker:
    process: Any
    conn: Any
    task: _Task | None = None


@dataclass
class _Run:
    func: Callable[[list[Any]], list[Any]]
    initializer: Callable[..., None] | None
    initargs: tuple[Any, ...]
    lost: Callable[[Any, str], Any] | None
    ctx: Any
    workers: list[_Worker] = field(default_factory=list)
    retry: deque[_Task] = field(default_factory=deque)
    done: dict[int, list[Any]] = field(default_factory=dict)  # results back, by part
    singles: dict[int, list[Any]] = field(default_factory=dict)  # a part run item by item: its results so far

    def results(self, parts: Iterator[list[Any]], n: int) -> Iterator[Any]:
        from multiprocessing.connection import wait

        self.workers = [self._start() for _ in range(n)]
        window, seq, next_out, exhausted = WINDOW_PER_WORKER * n, 0, 0, False
        while True:
            for w in self.workers:  # every idle worker gets a task: one sent again, or the next part
                if w.task is not None:
                    continue
                if self.retry:
                    self._send(w, self.retry.popleft())
                elif not exhausted and seq - next_out < window:
                    part = next(parts, None)
                    if part is None:
                        exhausted = True
                    else:
                        self._send(w, _Task(seq, list(part)))
                        seq += 1
            while next_out in self.done:
                yield from self.done.pop(next_out)
                next_out += 1
            if exhausted and next_out == seq:
                return
            busy = [w for w in self.workers if w.task is not None]
            if not busy:  # the window was full until the results above went out: send more first
                continue
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy]))
            for w in busy:
                if w.conn in ready or w.process.sentinel in ready:
                    self._collect(w)

    def _start(self) -> _Worker:
        ours, theirs = self.ctx.Pipe()
        process = self.ctx.Process(target=_serve, args=(theirs, self.func, self.initializer, self.initargs),
                                   daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _send(self, w: _Worker, task: _Task) -> None:
        w.task = task
        with suppress(OSError):  # it died before it could read: found dead when its sentinel is waited on
            w.conn.send(task.items if task.index is None else [task.items[task.index]])

    def _collect(self, w: _Worker) -> None:
        """The result of the worker's task, or the worker found dead."""
        task = w.task
        assert task is not None
        try:
            message = w.conn.recv() if w.conn.poll() else None
        except (EOFError, OSError):  # it died before it could answer
            message = None
        if message is None:
            if not w.process.is_alive():
                self._replace(w, task)
            return
        w.task = None
        status, value = message
        if status == "error":
            raise value
        self._finish(task, value)

    def _finish(self, task: _Task, results: list[Any]) -> None:
        if task.index is None:
            self.done[task.seq] = results
            return
        got = self.singles.setdefault(task.seq, [_MISSING] * len(task.items))
        got[task.index] = results[0]
        if _MISSING not in got:
            self.done[task.seq] = self.singles.pop(task.seq)

    def _replace(self, w: _Worker, task: _Task) -> None:
        """A worker died with ``task``: start another; run the task's inputs again one at a
        time, or give up the one input it held if it was held by a worker that died before."""
        w.process.join(timeout=5)
        reason = _death(w.process.exitcode)
        w.conn.close()
        self.workers[self.workers.index(w)] = self._start()
        if task.index is None:
            self.retry.extend(_Task(task.seq, task.items, i, 1) for i in range(len(task.items)))
            if not task.items:  # nothing to run again (a part with no items would otherwise never be done)
                self.done[task.seq] = []
        elif task.tries + 1 < TRIES:
            self.retry.append(_Task(task.seq, task.items, task.index, task.tries + 1))
        elif self.lost is None:
            raise WorkerDied(f"a worker process {reason} while running an input")
        else:
            self._finish(task, [self.lost(task.items[task.index], reason)])

    def stop(self) -> None:
        for w in self.workers:
            if w.task is None and w.process.is_alive():
                with suppress(OSError):
                    w.conn.send(None)  # finish
        for w in self.workers:
            w.process.join(timeout=1 if w.task is None else 0)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers = []


_MISSING = object()


def given_up(source: str, reason: str) -> str:
    """The message of the error record of an input given up (``reason``: how its workers died)."""
    return f"{source}: the worker process extracting it {reason}, {TRIES} times"


def _death(exitcode: int | None) -> str:
    """How a worker process ended, in words."""
    import signal

    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (the system may have run out of memory)" if name == "SIGKILL" else ""
        return f"was killed by {name}{hint}"
    return f"exited with code {exitcode}"


def _serve(conn: Any, func: Callable[[list[Any]], list[Any]], initializer: Callable[..., None] | None,
           initargs: tuple[Any, ...]) -> None:
    """A worker: runs ``func`` on each list it is sent, until it is sent ``None``."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            items = conn.recv()
        except (EOFError, OSError):
            return
        if items is None:
            return
        try:
            reply: tuple[str, Any] = ("ok", func(items))
        except Exception as exc:  # raised in the parent
            reply = ("error", exc)
        try:
            conn.send(reply)
        except Exception as exc:  # an exception that does not pickle
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
