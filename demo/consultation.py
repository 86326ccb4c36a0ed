"""Consultation demo: about 60 comments from a dozen associations on revisions 1 and 2 of
the city's local agreement, answered with dispositions and carried over into the next
revision (exact, fuzzy and orphaned), and a consultation open right now for two weeks, to
which its parties and two organisations that are no party are invited, with a cover letter
and questions; one invited body has answered a question and one party has declined.

The open consultation is a second, smaller agreement (leisure for children and young
people) rather than a review of the local agreement: opening a review takes the local
agreement out of "in force", and the agreements app shows only adopted and in-force
agreements to the public, which the demo's public pages rely on. Runs at the end of
demo/agreements.py; safe to run again.
"""

import itertools
from datetime import timedelta
from difflib import SequenceMatcher

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify

from agreements.models import Agreement, CarryOver, Comment, Disposition, Invited, Party
from agreements.passages import plain_text
from consultation.carryover import _classify_quote, _Target, carry_over
from demo import consultation_texts as texts
from organisations.models import Membership, Organisation

MUNICIPALITY = "Kullahamns stad"
OWN_ASSOCIATION = "Kullahamns IF"
LEFT_OUT = "Modelljärnvägsklubben Rälsen"
COMMENTS_PER_REVISION = 30
YOUTH_SLUG = "fritid-barn-och-unga"


def seed(stdout):
    coordinator = get_user_model().objects.get(username="samordnare")
    agreement = _agreement()
    if agreement is None:
        stdout.write("  no published local agreement: no consultation comments added")
        return
    commenters = _commenters(agreement)
    revisions = list(agreement.revisions.published().order_by("number"))
    for index, revision in enumerate(revisions[:2]):
        following = revisions[index + 1] if index + 1 < len(revisions) else None
        if not revision.comments.exists():
            _comment_round(revision, following, commenters, coordinator, offset=index * 7)
        if following is not None:
            carry_over(following)
    youth = _youth_agreement(coordinator)
    open_revision = youth.revisions.published().order_by("-number").first()
    if open_revision.consultation_is_open and not open_revision.comments.exists():
        _comments_on_open_revision(open_revision, _commenters(youth)[1:5])
        _answers_and_declines(open_revision)
    count = Comment.objects.filter(revision__agreement__in=[agreement, youth]).count()
    stdout.write(f"  {count} comments")


def _agreement():
    """The city's agreement with the most published revisions (the local agreement)."""
    published = Count("revisions", filter=~Q(revisions__state="draft"))
    return (
        Agreement.objects.filter(municipality__name=MUNICIPALITY)
        .annotate(published=published)
        .filter(published__gte=2)
        .order_by("-published", "pk")
        .first()
    )


def _youth_agreement(coordinator):
    """The agreement whose first revision is out for consultation now, for two weeks."""
    agreement = Agreement.objects.filter(slug=YOUTH_SLUG).first()
    if agreement is not None:
        return agreement
    agreement = Agreement.create(
        municipality=Organisation.objects.get(name=MUNICIPALITY), by=coordinator,
        slug=YOUTH_SLUG, title=texts.YOUTH_AGREEMENT_TITLE, body=texts.YOUTH_AGREEMENT,
        summary="Samverkan om fritidsverksamhet för barn och unga.",
    )  # fmt: skip
    for name in texts.YOUTH_PARTIES:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is not None:
            agreement.add_party(organisation, Party.Role.SIGNATORY, by=coordinator)
    closes = timezone.now() + timedelta(days=14)
    invited = [p.organisation for p in agreement.parties.active().select_related("organisation")]
    invited += Organisation.objects.filter(name__in=texts.YOUTH_INVITED)
    agreement.open_consultation(closes_at=closes, by=coordinator, invited=Invited(
        organisations=invited, questions=texts.YOUTH_QUESTIONS,
        cover_letter=texts.YOUTH_COVER_LETTER,
    ))  # fmt: skip
    return agreement


def _answers_and_declines(revision):
    """An invited body that is no party answers a question; a party declines ("avstår")."""
    umbrella = Organisation.objects.get(name=texts.YOUTH_INVITED[0])
    question = revision.questions.order_by("position").first()
    question.answer(organisation=umbrella, body=texts.YOUTH_ANSWER, by=_contact(umbrella, 3))
    name, reason = texts.YOUTH_DECLINING
    invitation = revision.invitations.filter(organisation__name=name).first()
    if invitation is not None:
        invitation.decline(reason=reason, by=_contact(invitation.organisation, 5))


def _commenters(agreement):
    """(user, organisation) for about a dozen party associations; forening's comes first."""
    parties = agreement.parties.active().select_related("organisation")
    organisations = [
        p.organisation
        for p in parties
        if p.organisation.kind != Organisation.Kind.MUNICIPALITY and p.organisation.name != LEFT_OUT
    ]
    organisations.sort(key=lambda o: (o.name != OWN_ASSOCIATION, o.name))
    return [
        (_contact(organisation, index), organisation)
        for index, organisation in enumerate(organisations[:12])
    ]


def _contact(organisation, index):
    if organisation.name == OWN_ASSOCIATION:
        return get_user_model().objects.get(username="forening")
    first, last = texts.CONTACTS[index % len(texts.CONTACTS)]
    username = f"kontakt-{slugify(organisation.name)}"[:150]
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={"first_name": first, "last_name": last, "email": f"{username}@demo.example"},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Membership.objects.get_or_create(user=user, organisation=organisation)
    return user


def _quote_candidates(revision, following):
    """Passages of `revision` grouped by how they carry into `following` (exact/fuzzy/…):
    its sentences, and the words that `following` replaced or deleted."""
    target = _Target(following) if following else None
    groups = {kind: [] for kind in CarryOver.Kind.values}
    for section in revision.sections.all():
        text = plain_text(section.body)
        counterpart = target.counterpart(section) if target else None
        passages = [s.strip().rstrip(".") for s in text.split(". ")]
        if counterpart is not None:
            passages += _changed_passages(text, target.text[counterpart.pk])
        for passage in passages:
            if len(passage) < 12:
                continue
            kind = _classify_quote(passage, counterpart, target)[0] if target else "exact"
            groups[kind].append((section, passage))
    return groups


def _changed_passages(old, new):
    """Word runs of `old` that `new` replaced or deleted, with a word of context."""
    old_words, new_words = old.split(" "), new.split(" ")
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    return [
        " ".join(old_words[max(0, i1 - 1) : i2])
        for tag, i1, i2, _, _ in matcher.get_opcodes()
        if tag in ("replace", "delete")
    ]


PATTERN = ["exact", "section", "fuzzy", "orphaned", "exact", "section", "fuzzy", "whole"]


def _comment_round(revision, following, commenters, coordinator, offset):
    candidates = {
        k: itertools.cycle(v) for k, v in _quote_candidates(revision, following).items() if v
    }
    sections = itertools.cycle(list(revision.sections.all()))
    start = revision.published_at or timezone.now()
    for index in range(COMMENTS_PER_REVISION):
        author, organisation = commenters[index % len(commenters)]
        kind = PATTERN[index % len(PATTERN)]
        section, quote = next(candidates[kind]) if kind in candidates else (None, "")
        if kind == "section" or (kind != "whole" and section is None):
            section, quote = next(sections), ""
        comment = Comment(
            revision=revision, section=section, author=author, organisation=organisation,
            body=texts.COMMENTS[(index + offset) % len(texts.COMMENTS)],
            created_at=start + timedelta(hours=3 + index * 5),
        )  # fmt: skip
        comment.set_quote(quote)
        comment.save()
        if index % 7 == 3:
            _reply(comment, commenters[(index + 1) % len(commenters)], index)
        if index % 6 != 5:
            _answer(comment, index, coordinator, following)


def _reply(comment, commenter, index):
    author, organisation = commenter
    Comment.objects.create(
        revision=comment.revision, section=comment.section, parent=comment, author=author,
        organisation=organisation, body=texts.REPLIES[index % len(texts.REPLIES)],
        created_at=comment.created_at + timedelta(hours=2),
    )  # fmt: skip


def _answer(comment, index, coordinator, following):
    disposition = Disposition.values[index % len(Disposition.values)]
    reasons = texts.REASONS[disposition]
    addressed = None
    if following is not None and disposition in ("accepted", "partly_accepted"):
        addressed = following.sections.filter(anchor=getattr(comment.section, "anchor", "")).first()
    comment.answer(
        disposition=disposition, reason=reasons[index % len(reasons)], by=coordinator,
        addressed_in=following if addressed else None, addressed_section=addressed,
    )  # fmt: skip


def _comments_on_open_revision(revision, commenters):
    sections = list(revision.sections.all())
    for index, (author, organisation) in enumerate(commenters):
        Comment.post(
            revision=revision, author=author, organisation=organisation,
            section=sections[(index * 3) % len(sections)] if sections else None,
            body=texts.COMMENTS[(index * 5) % len(texts.COMMENTS)],
        )  # fmt: skip
