"""The router every API area uses.

API views answer for themselves (401 or 404 in JSON), so they are exempt from
LoginRequiredMiddleware, which would redirect a token request to the login page: the
middleware runs before the token is read.
"""

from django.contrib.auth.decorators import login_not_required
from rest_framework.routers import SimpleRouter


class Router(SimpleRouter):
    def get_urls(self):
        urls = super().get_urls()
        for pattern in urls:
            login_not_required(pattern.callback)
        return urls
