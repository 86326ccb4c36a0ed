"""One writer at a time, across threads and processes.

Whoosh allows a single writer and fails fast with LockError.  We serialise
writers ourselves on an flock()ed file with retry and backoff, so a burst
of saves from several web workers queues up instead of failing.  flock
locks belong to the open file, so two threads of one process using their
own open() also exclude each other; the thread lock just avoids spinning.
"""

import fcntl
import os
import random
import threading
import time
from contextlib import contextmanager

from .errors import IndexBusy

_thread_locks = {}
_guard = threading.Lock()


def _thread_lock(path):
    with _guard:
        return _thread_locks.setdefault(path, threading.Lock())


@contextmanager
def exclusive(path, timeout=120.0):
    """Hold the lock file at path; raise IndexBusy after timeout seconds."""
    tlock = _thread_lock(path)
    if not tlock.acquire(timeout=timeout):
        raise IndexBusy(f"Index writer busy (thread lock {path})")
    try:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            _acquire(fd, path, timeout)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    finally:
        tlock.release()


def _acquire(fd, path, timeout):
    deadline, delay = time.monotonic() + timeout, 0.005
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise IndexBusy(f"Index writer busy for {timeout}s ({path})")
            # Jittered exponential backoff keeps waiting processes apart.
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 0.2)
