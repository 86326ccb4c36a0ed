from dialogues.models.actions import ActionItem, ActionItemStatusChange
from dialogues.models.discussion import EDIT_WINDOW, Post, Topic
from dialogues.models.forums import Forum, ForumMember, Theme
from dialogues.models.meetings import Addendum, AgendaItem, Attendance, Meeting

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
    "Theme",
    "Topic",
]
