from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from dialogues.exceptions import DialogueError
from dialogues.forms import AttendanceListForm
from dialogues.permissions import shows_private_names
from dialogues.views.common import back_to, meeting_or_404, report


def attendance_edit(request, slug, year, number):
    """Everyone of the member organisations in one form, with chair, secretary and approvers."""
    forum, _rights, meeting = meeting_or_404(request, slug, year, number, "manage")
    try:
        meeting.ensure_agenda_open()
    except DialogueError as error:
        report(request, error)
        return back_to(meeting, "attendance")
    form = AttendanceListForm(request.POST or None, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            meeting.record_attendance(form.entries(), by=request.user)
        except DialogueError as error:
            report(request, error)
        else:
            messages.success(request, _("The attendance was saved."))
            return back_to(meeting, "attendance")
    context = {"forum": forum, "meeting": meeting, "form": form}
    return render(request, "dialogues/attendance_form.html", context)


@login_not_required
def attendance_print(request, slug, year, number):
    """A list to print: before the meeting to sign in, after it with the presence recorded."""
    forum, rights, meeting = meeting_or_404(request, slug, year, number)
    show_names = shows_private_names(rights)
    rows = {row.user_id: row for row in meeting.attendances.all() if row.user_id}
    groups = []
    for organisation, users in forum.people() if show_names else []:
        groups.append((organisation, [(user, rows.get(user.pk)) for user in users]))
    listed = {user.pk for _organisation, people in groups for user, _row in people}
    others = [row for row in meeting.attendances.all() if row.user_id not in listed]
    context = {
        "forum": forum,
        "meeting": meeting,
        "groups": groups,
        "others": others,
        "show_names": show_names,
    }
    return render(request, "dialogues/attendance_print.html", context)
