"""Who manages webhooks: municipal coordinators (and administrators), each their own
subscriptions; an administrator sees everyone's. Everyone else gets 404, as for any record
they may not see. The API uses the same two functions."""

from django.http import Http404

from organisations.permissions import is_municipal_coordinator
from webhooks.models import Subscription


def can_subscribe(user):
    return is_municipal_coordinator(user)


def subscriptions_of(user):
    """The subscriptions `user` manages; 404 for anyone who may not manage webhooks at all."""
    if not can_subscribe(user):
        raise Http404
    return Subscription.objects.owned_by(user).select_related("owner")


def subscription_or_404(user, pk):
    subscription = subscriptions_of(user).filter(pk=pk).first()
    if subscription is None:
        raise Http404
    return subscription
