from django import forms
from django.utils.translation import gettext_lazy as _

from search import registry
from search.engine.query import MAX_CHARS

# Filters that narrow the results, besides the date range (facet name -> GET parameter).
FACET_PARAMS = {
    "type": "type",
    "organisations": "organisation",
    "year": "year",
    "status": "status",
    "forum": "forum",
    "agreement": "agreement",
}


class DateInput(forms.DateInput):
    input_type = "date"


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_CHARS,
        error_messages={
            "max_length": _("The query is too long (at most %(limit_value)d characters).")
        },
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "list": "search-completions"}
        ),
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    date_from = forms.DateField(label=_("From date"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("To date"), required=False, widget=DateInput)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("relevance", _("Relevance")), ("date", _("Newest first"))],
    )
    organisation = forms.CharField(required=False, widget=forms.HiddenInput)
    year = forms.CharField(required=False, widget=forms.HiddenInput)
    status = forms.CharField(required=False, widget=forms.HiddenInput)
    forum = forms.CharField(required=False, widget=forms.HiddenInput)
    agreement = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types"))] + [
            (type_, adapter.label()) for type_, adapter in registry.adapters().items()
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def filters(self):
        data = self.cleaned_data
        chosen = {param: data.get(param) for param in FACET_PARAMS.values()}
        chosen.update(date_from=data.get("date_from"), date_to=data.get("date_to"))
        return {key: value for key, value in chosen.items() if value}

    def has_query(self):
        return bool(self.cleaned_data.get("q", "").strip())
