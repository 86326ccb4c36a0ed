"""Jobs for the real-worker tests. Each leaves marks in the Heartbeat table (the only model of
the jobs app) so the tests can count runs with plain SQL."""

import os
import time

from jobs.models import Heartbeat


def mark(name):
    Heartbeat.objects.create(name=f"{name}:{os.getpid()}:{time.monotonic_ns()}"[:50])


def record(name):
    mark(name)


def slow(name, seconds):
    mark(f"{name}-start")
    time.sleep(seconds)
    mark(f"{name}-done")


def flaky(name):
    """Fails on its first run, succeeds on the next."""
    if not Heartbeat.objects.filter(name__startswith=f"{name}-failed:").exists():
        mark(f"{name}-failed")
        raise ConnectionError("the mail server did not answer")
    mark(f"{name}-done")


def always_fails(name):
    mark(f"{name}-tried")
    raise ValueError("this job never works")


def scheduled():
    mark("scheduled")
