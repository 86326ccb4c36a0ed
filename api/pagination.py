from rest_framework import pagination


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=N` (25 a page, as the pages) and `?page_size=` up to 100."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
