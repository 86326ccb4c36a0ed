import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialogues.forms.widgets import DateInput
from dialogues.models import AgendaItem
from dialogues.models.minutes import PARAGRAPH_FIELDS


class MinutesForm(forms.Form):
    """The notes beside the paragraphs, and the version the writer opened."""

    minutes = forms.CharField(
        label=_("Other notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown: headings with ###, lists with -, **bold**."),
    )
    version = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)


class ParagraphForm(forms.Form):
    """One paragraph (§) of the minutes: what was said about an agenda item and its outcome."""

    discussion_summary = forms.CharField(
        label=_("Discussion"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    outcome_type = forms.ChoiceField(
        label=_("Outcome type"),
        required=False,
        choices=[("", _("(none)")), *AgendaItem.Outcome.choices],
    )
    outcome = forms.CharField(
        label=_("Outcome"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


def paragraph_forms(meeting, data=None):
    """[(agenda item, its ParagraphForm)], each form prefixed `item-<id>`."""
    return [
        (
            item,
            ParagraphForm(
                data,
                prefix=f"item-{item.pk}",
                initial={name: getattr(item, name) for name in PARAGRAPH_FIELDS},
            ),
        )
        for item in meeting.agenda_items.all()
    ]


class SendForApprovalForm(forms.Form):
    deadline = forms.DateField(
        label=_("Approve by"),
        widget=DateInput(),
        help_text=_("The approvers get an e-mail now and a reminder two days before this date."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        start = max(timezone.localtime(meeting.starts_at).date(), timezone.localdate())
        self.fields["deadline"].initial = start + datetime.timedelta(days=14)

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline cannot be in the past."))
        return deadline


class ApprovalForm(forms.Form):
    version = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=_("I have read the minutes and approve them as a true record of the meeting."),
        error_messages={"required": _("Tick the box to confirm that you approve the minutes.")},
    )


class AddendumForm(forms.Form):
    text = forms.CharField(
        label=_("Addendum"), widget=forms.Textarea(attrs={"rows": 4}), help_text=_("Markdown.")
    )
