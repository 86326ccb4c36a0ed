"""What an irreversible workflow step will do, listed on its confirmation page before it
happens; and the comments still without an answer, which closing and adopting ask about."""

from django.db.models import Max
from django.utils.translation import gettext as _

from agreements.models import Revision

UNANSWERED_SHOWN = 50


def of_opening(agreement):
    number = (agreement.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    parties = agreement.parties.active().count()
    steps = [
        _("The working draft becomes revision %(number)s and never changes again.")
        % {"number": number},
        _("The members of the %(count)s party organisations are told by e-mail.")
        % {"count": parties},
    ]
    if number > 1:
        steps.append(
            _("Comments on revision %(number)s are carried over to the new text.")
            % {"number": number - 1}
        )
    adopted = agreement.adopted_revision
    if adopted is not None:
        steps.append(
            _(
                "Revision %(number)s stays in force and readable for everyone who reads it now "
                "until its successor is adopted."
            )
            % {"number": adopted.number}
        )
    if agreement.status == agreement.Status.IN_FORCE:
        steps.append(_("The agreement is put under review."))
    return steps


def of_closing(agreement, revision):
    if revision is None:
        return []
    return [
        _("No more comments can be made on revision %(number)s.") % {"number": revision.number},
        _("Comments can still be answered; the answers go into the consultation report."),
        _("A new working draft can be started from revision %(number)s.")
        % {"number": revision.number},
    ]


def of_adopting(agreement, revision):
    steps = [
        _("Revision %(number)s becomes the adopted text of the agreement.")
        % {"number": revision.number},
        _("The decision is recorded in the timeline; it cannot be changed afterwards."),
    ]
    earlier = agreement.revisions.filter(state=Revision.State.ADOPTED).first()
    if earlier is not None:
        steps.append(
            _("Revision %(number)s is marked as adopted and later replaced.")
            % {"number": earlier.number}
        )
    if agreement.is_public:
        steps.append(_("Everyone can read and search the adopted text."))
    return steps


def unanswered(revision):
    """{"unanswered": the first comments without an answer, "unanswered_count": all of them}."""
    if revision is None:
        return {"unanswered": [], "unanswered_count": 0}
    comments = revision.comments.top_level().current().unanswered()
    shown = comments.select_related("organisation", "section").order_by("created_at")
    return {
        "unanswered": list(shown[:UNANSWERED_SHOWN]),
        "unanswered_count": comments.count(),
        "unanswered_revision": revision,
    }
