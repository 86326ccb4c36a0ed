"""A throwaway installation served by real worker processes (`manage.py qcluster`).

The site has its own database (a SQLite file, or a PostgreSQL database on the server the suite
uses), migrated once; jobs are put on its queue from a `manage.py shell` of the site, and the
tests read what the jobs left behind with plain SQL.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


class Site:
    def __init__(self, folder):
        self.folder = folder
        self.workers = []
        db = settings.DATABASES["default"]
        if connection.vendor == "postgresql":
            self.pg = {k.lower(): db[k] for k in ("HOST", "PORT", "USER", "PASSWORD") if db.get(k)}
            self.name = f"overens_workers_{uuid.uuid4().hex[:8]}"
            self._admin(f'CREATE DATABASE "{self.name}"')
            url = "postgres://{}{}@{}:{}/{}".format(
                self.pg.get("user", ""),
                f":{self.pg['password']}" if "password" in self.pg else "",
                self.pg.get("host", ""),
                self.pg.get("port", 5432),
                self.name,
            )
        else:
            self.pg = None
            url = f"sqlite:///{folder / 'site.sqlite3'}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DATABASE_URL": url,
            "OVERENS_VAR_DIR": str(folder),
            "SEARCH_BACKEND": "whoosh",
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "JOBS_WORKERS": "1",
            "JOBS_TIMEOUT": "4",
            "JOBS_RETRY_AFTER": "6",
            "JOBS_MAX_ATTEMPTS": "2",
            "JOBS_RETRY_BACKOFF": "1",
            "PYTHONPATH": str(ROOT),
        }
        self.manage("migrate", "--verbosity", "0")

    def manage(self, *args):
        done = subprocess.run(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def shell(self, code):
        return self.manage("shell", "--command", code)

    def enqueue(self, job, *args):
        self.shell(f"from jobs.queue import enqueue; enqueue({job!r}, *{args!r})")

    def start_worker(self):
        process = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "qcluster"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: a kill takes the whole cluster
        )
        self.workers.append(process)
        return process

    def kill(self, process):
        """The machine dies under the worker: no clean-up, no goodbye."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_workers(self):
        for process in self.workers:
            if process.poll() is None:
                # The cluster's own process only: it stops its workers (about 3 s); a TERM to
                # the whole group would leave it waiting for children already gone.
                process.terminate()
        for process in self.workers:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.workers = []

    def query(self, sql, params=()):
        """Rows of a SELECT (or [] for other statements), `?` for parameters."""
        if self.pg:
            with psycopg.connect(dbname=self.name, autocommit=True, **self.pg) as conn:
                cursor = conn.execute(sql.replace("?", "%s"), params)
                return cursor.fetchall() if cursor.description else []
        with sqlite3.connect(self.folder / "site.sqlite3", timeout=20) as conn:
            return conn.execute(sql, params).fetchall()

    def empty(self):
        for table in ("django_q_ormq", "django_q_task", "django_q_schedule", "jobs_heartbeat"):
            self.query(f"DELETE FROM {table}")  # noqa: S608 - our own table names

    def marks(self, prefix):
        rows = self.query("SELECT count(*) FROM jobs_heartbeat WHERE name LIKE ?", (prefix + ":%",))
        return rows[0][0]

    def wait_for(self, condition, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if condition():
                return True
            time.sleep(0.25)
        return condition()

    def close(self):
        self.stop_workers()
        if self.pg:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def _admin(self, sql):
        with psycopg.connect(dbname="postgres", autocommit=True, **self.pg) as conn:
            conn.execute(sql)
