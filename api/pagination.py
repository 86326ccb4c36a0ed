"""Lists answer a page at a time: `?page=N` (25 a page, as the pages) and `?page_size=` up to
100. Both are checked like any other query parameter (api/filters.py): a value out of bounds,
not a number, or sent twice is a 400 naming the parameter, never quietly replaced; a page past
the end is a 404."""

from django import forms
from django.utils.translation import gettext_lazy as _
from rest_framework import pagination

from api.filters import field_schema, valid_query

MAX_PAGE_SIZE = 100


class PageForm(forms.Form):
    page = forms.IntegerField(label=_("Page number, from 1."), min_value=1, required=False)
    page_size = forms.IntegerField(
        label=_("Results per page (25 unless given)."),
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        required=False,
    )


class PageNumberPagination(pagination.PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def paginate_queryset(self, queryset, request, view=None):
        self.asked = valid_query(PageForm, request).cleaned_data
        return super().paginate_queryset(queryset, request, view)

    def get_page_size(self, request):
        return self.asked["page_size"] or self.page_size

    def get_page_number(self, request, paginator):
        return self.asked["page"] or 1

    def get_schema_operation_parameters(self, view):
        """The form's fields with their bounds, as DRF's paginators describe theirs."""
        return [
            {
                "name": name,
                "required": False,
                "in": "query",
                "description": str(field.label),
                "schema": field_schema(field),
            }
            for name, field in PageForm.base_fields.items()
        ]
