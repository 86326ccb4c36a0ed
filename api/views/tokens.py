"""The personal API token page: create (the token is shown once), list and revoke."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from api.forms import TokenForm
from api.models import ApiToken

NEW_TOKEN = "api_new_token"


@never_cache
def token_list(request):
    """POST creates a token and redirects (post/redirect/get, so reloading creates no second
    token); the next GET shows the new token once, taken from the session."""
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record, token = ApiToken.issue(
            request.user, form.cleaned_data["name"], expires_at=form.expires_at()
        )
        request.session[NEW_TOKEN] = token
        messages.success(request, _("The token “%(name)s” was created.") % {"name": record.name})
        return redirect("api:tokens")
    new_token = request.session.pop(NEW_TOKEN, None) if request.method == "GET" else None
    return render(
        request,
        "api/tokens.html",
        {"form": form, "new_token": new_token, "tokens": request.user.api_tokens.all()},
        status=400 if form.errors else 200,
    )


@require_POST
def revoke(request, pk):
    token = get_object_or_404(request.user.api_tokens, pk=pk)
    token.revoke(by=request.user)
    messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("api:tokens")
