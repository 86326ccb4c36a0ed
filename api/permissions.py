"""The API's default: anyone may read what the pages show them; changing needs a user.

Which records a user may see or change is never decided here: each view asks the
permission module of its app (organisations/permissions.py, agreements/permissions.py, …),
as the pages do.
"""

from rest_framework import permissions


class SignedInOrPublicRead(permissions.BasePermission):
    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_authenticated)


class SignedIn(permissions.IsAuthenticated):
    """For endpoints with nothing public, e.g. the caller's own records."""
