"""The index directory: generations, the atomic swap and the rebuild journal.

  current -> gen-000001   symlink to the live index (swapped atomically)
  gen-NNNNNN/             one full index per rebuild; the previous one is kept
  write.lock              flock()ed by the single writer (see locking.py)
  rebuild.json, journal.jsonl   present while a rebuild runs: writes made
                          meanwhile are replayed into the new index at swap

Plain files only; index.py decides what goes inside a generation.
"""

import json
import os
import socket
import time
from pathlib import Path

from . import documents

STALE_REBUILD = 6 * 3600  # seconds after which a rebuild's marker is taken for a crashed one


class Store:
    def __init__(self, root):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.lockfile = str(self.root / "write.lock")
        self._marker = self.root / "rebuild.json"
        self._journal = self.root / "journal.jsonl"

    def has_live(self):
        return (self.root / "current").exists()

    def live_name(self):
        return os.readlink(self.root / "current")

    def path(self, name):
        return self.root / name

    def new_generation(self):
        gens = sorted(p.name for p in self.root.glob("gen-*"))
        number = int(gens[-1][4:]) + 1 if gens else 1
        gen = self.root / f"gen-{number:06d}"
        gen.mkdir()
        return gen

    def swap(self, gen):
        """Point current at gen; readers see the old or the new, never none."""
        tmp = self.root / f"current.tmp{os.getpid()}"
        if tmp.is_symlink():
            tmp.unlink()
        os.symlink(gen.name, tmp)
        os.replace(tmp, self.root / "current")

    def prune(self, keep=2):
        # The previous generation stays so searchers opened before the swap
        # can finish; anything older is removed.
        live = self.live_name()
        old = sorted(p for p in self.root.glob("gen-*") if p.name != live)
        for gen in old[: max(0, len(old) - (keep - 1))]:
            for f in gen.iterdir():
                f.unlink()
            gen.rmdir()

    # -- rebuild journal ---------------------------------------------------
    def start_rebuild(self, gen):
        self._journal.unlink(missing_ok=True)
        owner = {"gen": gen.name, "host": socket.gethostname(), "pid": os.getpid()}
        self._marker.write_text(json.dumps(owner))

    def rebuilding(self):
        """A rebuild runs: its marker is there, its process (on this machine) is alive, and
        it is not older than STALE_REBUILD (a rebuild killed halfway leaves the old index)."""
        try:
            age = time.time() - self._marker.stat().st_mtime
            owner = json.loads(self._marker.read_text())
        except (FileNotFoundError, ValueError):
            return False
        if age > STALE_REBUILD:
            return False
        if owner.get("host") == socket.gethostname() and owner.get("pid"):
            try:
                os.kill(owner["pid"], 0)
            except ProcessLookupError:
                return False
            except PermissionError:
                return True
        return True

    def record(self, ops):
        """Keep ops for the running rebuild (call while holding the lock)."""
        if self.rebuilding():
            with open(self._journal, "a", encoding="utf-8") as f:
                for op in ops:
                    f.write(json.dumps(op, default=str) + "\n")

    def journal(self):
        if not self._journal.exists():
            return []
        ops = []
        for line in self._journal.read_text(encoding="utf-8").splitlines():
            kind, arg = json.loads(line)
            ops.append((kind, documents.prepare(arg) if kind == "update" else arg))
        return ops

    def end_rebuild(self):
        self._marker.unlink(missing_ok=True)
        self._journal.unlink(missing_ok=True)
