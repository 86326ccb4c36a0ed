from django import forms
from django.utils.translation import gettext_lazy as _

from imports.models import coordinated_municipalities
from imports.reading import RegisterUnreadable, read_register
from organisations.models import Organisation


class UploadForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=Organisation.objects)
    file = forms.FileField(
        label=_("Register file"),
        help_text=_(
            "CSV (UTF-8) or Excel (XLSX), with the columns organisationsnummer, namn, e-post, "
            "kategori and stadsdel in the first row."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        queryset = Organisation.objects.municipalities()
        if not user.is_superuser:
            queryset = coordinated_municipalities(user)
        self.fields["municipality"].queryset = queryset
        self.fields["municipality"].empty_label = None

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.rows = read_register(upload)
        except RegisterUnreadable as error:
            raise forms.ValidationError(str(error)) from None
        return upload
