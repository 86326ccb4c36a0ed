"""Named errors of webhooks; the pages show their message, the API answers 409."""

from django.utils.translation import gettext_lazy as _

from core.errors import DomainError


class WebhookError(DomainError):
    message = _("This cannot be done with the webhook.")


class SubscriptionInactive(WebhookError):
    message = _("The subscription is switched off. Switch it on before sending again.")


class DeliveryInProgress(WebhookError):
    message = _("The delivery is being sent right now. Try again in a moment.")


class TargetRefused(WebhookError):
    """The target URL may not be called: not http(s), or an address on a private network."""
