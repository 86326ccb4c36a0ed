"""Who may do what in the register. The register itself is public (the law says so); a
secret entry's subject and organisation, private persons' names, corrections and requests
are for the coordinators who manage the case: those who manage its agreement or its forum."""

from django.db.models import Q

from agreements.models import Agreement
from agreements.permissions import MANAGE, can_manage
from dialogues.models import Forum
from organisations.permissions import has_perm, visible

MANAGE_FORUM = "dialogues.manage_forum"


def managed_cases(user, queryset):
    agreements = visible(user, MANAGE, Agreement.objects.all()).values("pk")
    forums = visible(user, MANAGE_FORUM, Forum.objects.all()).values("pk")
    return queryset.filter(Q(agreement__in=agreements) | Q(forum__in=forums))


def can_manage_case(user, case):
    if case.agreement_id:
        return can_manage(user, case.agreement)
    return has_perm(user, MANAGE_FORUM, case.forum)


def can_view_document(user, document):
    """The entry: anyone, but a secret one only those who manage its case (events, API)."""
    return not document.is_secret or can_manage_case(user, document.case)


def shows_everything(user, document):
    """Subject, organisation and private names of the entry, as the coordinators see them."""
    return can_manage_case(user, document.case)


def can_answer_request(user, request):
    return can_manage_case(user, request.document.case)
