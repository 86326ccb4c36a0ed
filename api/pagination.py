from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=N` (25 a page, as the pages) and `?page_size=` up to 100."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_schema_operation_parameters(self, view):
        """DRF's two parameters, with the bounds the paginator keeps: page and size from 1,
        size at most 100."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
        return parameters
