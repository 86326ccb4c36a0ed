from django.core.management.base import BaseCommand

from config import health
from jobs import queue


class Command(BaseCommand):
    help = (
        "Is the installation healthy? The same checks as /readyz (database, search index, "
        "job queue, workers), with the errors in full, and the scheduled jobs."
    )

    def handle(self, *args, **options):
        result = health.report(detail=True)
        style = {"ok": self.style.SUCCESS, "degraded": self.style.WARNING}
        self.stdout.write(style.get(result["status"], self.style.ERROR)(result["status"]))
        for name, check in result["checks"].items():
            mark = "ok  " if check["ok"] else "FAIL"
            facts = ", ".join(f"{k}={v}" for k, v in check.items() if k != "ok")
            self.stdout.write(f"  {mark} {name}: {facts}")
        self.stdout.write("Scheduled jobs:")
        for entry in queue.schedules():
            self.stdout.write(f"  {entry['name']}: {entry['cron']} (next {entry['next_run']})")
        if result["status"] == "failing":
            raise SystemExit(1)
