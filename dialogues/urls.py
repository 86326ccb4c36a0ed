from django.urls import path

from dialogues.views import actions, discussion, forums, meetings, minutes

app_name = "dialogues"

MEETING = "<slug:slug>/meetings/<int:year>/<int:number>/"

urlpatterns = [
    path("", forums.forum_list, name="forum_list"),
    path("action-items/", actions.action_board, name="action_board"),
    path("<slug:slug>/", forums.forum_detail, name="forum_detail"),
    path("<slug:slug>/calendar.ics", forums.forum_calendar, name="forum_calendar"),
    path("<slug:slug>/meetings/new/", meetings.meeting_create, name="meeting_create"),
    path(MEETING, meetings.meeting_detail, name="meeting_detail"),
    path(MEETING + "edit/", meetings.meeting_edit, name="meeting_edit"),
    path(MEETING + "meeting.ics", meetings.meeting_calendar, name="meeting_calendar"),
    path(MEETING + "agenda/new/", meetings.agenda_item_add, name="agenda_item_add"),
    path(MEETING + "agenda/<int:item_id>/", meetings.agenda_item_edit, name="agenda_item_edit"),
    path(
        MEETING + "agenda/<int:item_id>/move/", meetings.agenda_item_move, name="agenda_item_move"
    ),
    path(MEETING + "attendance/new/", meetings.attendance_add, name="attendance_add"),
    path(
        MEETING + "attendance/<int:attendance_id>/remove/",
        meetings.attendance_remove,
        name="attendance_remove",
    ),
    path(MEETING + "minutes/", minutes.minutes_edit, name="minutes_edit"),
    path(MEETING + "minutes/send/", minutes.minutes_send, name="minutes_send"),
    path(MEETING + "minutes/approve/", minutes.minutes_approve, name="minutes_approve"),
    path(MEETING + "minutes/addenda/", minutes.addendum_add, name="addendum_add"),
    path(MEETING + "action-items/new/", actions.action_item_add, name="action_item_add"),
    path(
        "<slug:slug>/action-items/<int:pk>/", actions.action_item_detail, name="action_item_detail"
    ),
    path(
        "<slug:slug>/action-items/<int:pk>/status/",
        actions.action_item_status,
        name="action_item_status",
    ),
    path("<slug:slug>/topics/new/", discussion.topic_create, name="topic_create"),
    path("<slug:slug>/topics/<int:pk>/", discussion.topic_detail, name="topic_detail"),
    path("<slug:slug>/topics/<int:pk>/posts/", discussion.post_add, name="post_add"),
    path("<slug:slug>/posts/<int:pk>/edit/", discussion.post_edit, name="post_edit"),
    path("<slug:slug>/posts/<int:pk>/hide/", discussion.post_hide, name="post_hide"),
]
