from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from attachments import filetypes


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        allow_empty_file=True,  # refused by filetypes.check_size with our own message
        widget=forms.ClearableFileInput(attrs={"accept": filetypes.ACCEPT}),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=500,
        required=False,
        help_text=_("Optional, e.g. “Signed copy” or “Board decision 12 March”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("%(types)s, at most %(size)s.") % {
            "types": filetypes.allowed_labels(),
            "size": filesizeformat(filetypes.max_size()),
        }

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.checked = filetypes.check_upload(upload)
        return upload

    def save(self, parent, by):
        """Store the checked upload on `parent`; a job reads its text for search."""
        from attachments.models import Attachment

        return Attachment.create_from_upload(
            parent,
            self.cleaned_data["file"],
            self.checked,
            by=by,
            description=self.cleaned_data["description"],
        )
