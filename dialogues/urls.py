from django.urls import path

from dialogues.views import actions, agenda, attendance, discussion, forums, meetings, minutes

app_name = "dialogues"

MEETING = "<slug:slug>/meetings/<int:year>/<int:number>/"
AGENDA_ITEM = MEETING + "agenda/<int:item_id>/"
ACTION_ITEM = "<slug:slug>/action-items/<int:pk>/"

urlpatterns = [
    path("", forums.forum_list, name="forum_list"),
    path("new/", forums.forum_create, name="forum_create"),
    path("action-items/", actions.action_board, name="action_board"),
    path("action-items/export.csv", actions.action_board_csv, name="action_board_csv"),
    path("<slug:slug>/", forums.forum_detail, name="forum_detail"),
    path("<slug:slug>/edit/", forums.forum_edit, name="forum_edit"),
    path("<slug:slug>/close/", forums.forum_close, name="forum_close"),
    path("<slug:slug>/reopen/", forums.forum_reopen, name="forum_reopen"),
    path("<slug:slug>/calendar.ics", forums.forum_calendar, name="forum_calendar"),
    path("<slug:slug>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path(MEETING, meetings.meeting_detail, name="meeting_detail"),
    path(MEETING + "edit/", meetings.meeting_edit, name="meeting_edit"),
    path(MEETING + "status/", meetings.meeting_status, name="meeting_status"),
    path(MEETING + "notice/", meetings.notice_send, name="notice_send"),
    path(MEETING + "meeting.ics", meetings.meeting_calendar, name="meeting_calendar"),
    path(MEETING + "agenda/new/", agenda.agenda_item_add, name="agenda_item_add"),
    path(AGENDA_ITEM, agenda.agenda_item_edit, name="agenda_item_edit"),
    path(AGENDA_ITEM + "move/", agenda.agenda_item_move, name="agenda_item_move"),
    path(AGENDA_ITEM + "remove/", agenda.agenda_item_remove, name="agenda_item_remove"),
    path(MEETING + "attendance/", attendance.attendance_edit, name="attendance_edit"),
    path(MEETING + "attendance/print/", attendance.attendance_print, name="attendance_print"),
    path(MEETING + "minutes/", minutes.minutes_edit, name="minutes_edit"),
    path(MEETING + "minutes/send/", minutes.minutes_send, name="minutes_send"),
    path(MEETING + "minutes/take-back/", minutes.minutes_take_back, name="minutes_take_back"),
    path(MEETING + "minutes/approve/", minutes.minutes_approve, name="minutes_approve"),
    path(MEETING + "minutes/addenda/", minutes.addendum_add, name="addendum_add"),
    path(MEETING + "protocol.pdf", minutes.protocol_pdf, name="protocol_pdf"),
    path(MEETING + "protocol.docx", minutes.protocol_docx, name="protocol_docx"),
    path(MEETING + "action-items/new/", actions.action_item_add, name="action_item_add"),
    path(ACTION_ITEM, actions.action_item_detail, name="action_item_detail"),
    path(ACTION_ITEM + "edit/", actions.action_item_edit, name="action_item_edit"),
    path(ACTION_ITEM + "status/", actions.action_item_status, name="action_item_status"),
    path("<slug:slug>/topics/new/", discussion.topic_create, name="topic_create"),
    path("<slug:slug>/topics/<int:pk>/", discussion.topic_detail, name="topic_detail"),
    path("<slug:slug>/topics/<int:pk>/posts/", discussion.post_add, name="post_add"),
    path("<slug:slug>/posts/<int:pk>/edit/", discussion.post_edit, name="post_edit"),
    path("<slug:slug>/posts/<int:pk>/hide/", discussion.post_hide, name="post_hide"),
]
