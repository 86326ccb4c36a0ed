"""What Överens holds about one person, as plain values for a JSON download (GDPR art. 15).

Only rows that are the person's own or that name them; never another person's name or
e-mail. Applications and document requests carry no account, so they are matched on the
account's e-mail address.
"""

from agreements.models import Comment, Invitation
from api.models import ApiToken
from dialogues.models import Post
from notifications.models import Notification, Setting
from organisations.models import Application
from organisations.models import Invitation as MembershipInvitation
from records.models import DocumentRequest
from webhooks.models import Subscription


def personal_data(user):
    """{section: rows} of everything the person's account holds or wrote."""
    return {
        "account": {
            "username": user.username,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
        },
        "memberships": list(user.memberships.values("organisation__name", "role", "created_at")),
        "comments": list(
            Comment.objects.filter(author=user).values(
                "id",
                "revision__agreement__title",
                "revision__number",
                "organisation__name",
                "quote",
                "body",
                "created_at",
                "edited_at",
                "withdrawn_at",
            )
        ),  # fmt: skip
        "discussion_posts": list(
            Post.objects.filter(author=user).values(
                "id", "topic__title", "organisation__name", "body", "created_at", "edited_at"
            )
        ),
        "notifications": list(
            Notification.objects.filter(user=user).values("kind", "created_at", "read_at")
        ),
        "notification_settings": list(Setting.objects.filter(user=user).values("kind", "delivery")),
        **_by_email(user.email),
        "consultation_invitations_declined": list(
            Invitation.objects.filter(declined_by=user).values(
                "organisation__name", "declined_at", "decline_reason"
            )
        ),
        "api_tokens": list(
            ApiToken.objects.filter(user=user).values("name", "created_at", "expires_at")
        ),
        "webhooks": list(
            Subscription.objects.filter(owner=user).values("name", "target_url", "created_at")
        ),
    }


def _by_email(email):
    if not email:
        return {"applications": [], "invitations": [], "document_requests": []}
    return {
        "applications": list(
            Application.objects.filter(contact_email__iexact=email).values(
                "name",
                "organisation_number",
                "contact_name",
                "contact_email",
                "status",
                "submitted_at",
            )
        ),  # fmt: skip
        "invitations": list(
            MembershipInvitation.objects.filter(email__iexact=email).values(
                "organisation__name", "name", "email", "role", "created_at", "accepted_at"
            )
        ),
        "document_requests": list(
            DocumentRequest.objects.filter(contact_email__iexact=email).values(
                "code",
                "document__number",
                "document__subject",
                "message",
                "contact_email",
                "status",
                "arrived_at",
                "answered_at",
            )
        ),  # fmt: skip
    }
