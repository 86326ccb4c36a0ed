from dialogues.models.actions import ActionItem, ActionItemStatusChange
from dialogues.models.agenda import Addendum, AgendaItem
from dialogues.models.attendance import Attendance
from dialogues.models.discussion import EDIT_WINDOW, Post, Topic
from dialogues.models.forums import Forum, ForumMember, Theme
from dialogues.models.meetings import Meeting
from dialogues.models.notifications import SentEmail

__all__ = [
    "EDIT_WINDOW",
    "ActionItem",
    "ActionItemStatusChange",
    "Addendum",
    "AgendaItem",
    "Attendance",
    "Forum",
    "ForumMember",
    "Meeting",
    "Post",
    "SentEmail",
    "Theme",
    "Topic",
]
