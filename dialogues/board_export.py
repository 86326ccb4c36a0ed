"""The action board as a CSV file for a spreadsheet (UTF-8 with a byte order mark, so Excel
reads å, ä and ö; semicolons, as Swedish Excel expects)."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from exports.responses import file_download

# A cell starting with one of these is a formula to a spreadsheet: keep it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def rows(items, named_forums, request):
    yield [
        _("What"),
        _("Forum"),
        _("Meeting"),
        _("Owner"),
        _("Department"),
        _("Responsible person"),
        _("Due"),
        _("Status"),
        _("Overdue"),
        _("Link"),
    ]
    for item in items:
        person = item.responsible if item.meeting.forum_id in named_forums else None
        yield [
            item.title,
            item.meeting.forum.name,
            item.meeting.reference,
            item.owner.name,
            item.department.name if item.department else "",
            (person.get_full_name() or person.username) if person else "",
            item.due_date.isoformat(),
            item.get_status_display(),
            _("yes") if item.is_overdue else "",
            request.build_absolute_uri(item.get_absolute_url()),
        ]


def csv_response(items, named_forums, request):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in rows(items, named_forums, request):
        writer.writerow([cell(value) for value in row])
    content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    name = _("action-items-%(day)s.csv") % {"day": timezone.localdate().isoformat()}
    return file_download(content, name, "text/csv; charset=utf-8")
