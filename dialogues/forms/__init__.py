"""The dialogue forms, one module per page family; the pages and the API both use them."""

from dialogues.forms.actions import ActionItemForm, BoardFilterForm, StatusForm
from dialogues.forms.attendance import AttendanceListForm, AttendanceRowForm
from dialogues.forms.discussion import EditPostForm, HideForm, PostForm, TopicForm
from dialogues.forms.forums import ForumCloseForm, ForumForm
from dialogues.forms.meetings import AgendaItemForm, MeetingForm, MeetingStatusForm
from dialogues.forms.minutes import (
    AddendumForm,
    ApprovalForm,
    MinutesForm,
    ParagraphForm,
    SendForApprovalForm,
    paragraph_forms,
)
from dialogues.forms.widgets import DateInput, DateTimeInput

__all__ = [
    "ActionItemForm",
    "AddendumForm",
    "AgendaItemForm",
    "ApprovalForm",
    "AttendanceListForm",
    "AttendanceRowForm",
    "BoardFilterForm",
    "DateInput",
    "DateTimeInput",
    "EditPostForm",
    "ForumCloseForm",
    "ForumForm",
    "HideForm",
    "MeetingForm",
    "MeetingStatusForm",
    "MinutesForm",
    "ParagraphForm",
    "PostForm",
    "SendForApprovalForm",
    "StatusForm",
    "TopicForm",
    "paragraph_forms",
]
