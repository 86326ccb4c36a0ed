"""Consultation demo: about 60 comments from a dozen associations on revisions 1 and 2 of
the city's local agreement, answered with dispositions and carried over into the next
revision (exact, fuzzy and orphaned), and a consultation open right now for two weeks.

Runs at the end of agreements/demo.py on whatever agreement that demo created (the
Kullahamns stad agreement with the most published revisions); safe to run again.
"""

import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify

from agreements import demo_consultation_texts as texts
from agreements.carryover import _classify_quote, _Target, carry_over
from agreements.exceptions import AgreementError
from agreements.models import Agreement, CarryOver, Comment, Disposition, Party
from agreements.passages import plain_text
from organisations.models import Membership, Organisation

MUNICIPALITY = "Kullahamns stad"
OWN_ASSOCIATION = "Kullahamns IF"
LEFT_OUT = "Modelljärnvägsklubben Rälsen"
COMMENTS_PER_REVISION = 30
REVIEW_SECTION = (
    "\n\n# Tillägg vid revideringen\nParterna har inför revideringen sett över hur "
    "överenskommelsen har fungerat och föreslår att dialogforumet träffas oftare.\n"
)


def seed(stdout):
    coordinator = get_user_model().objects.get(username="samordnare")
    agreement = _agreement(coordinator)
    commenters = _commenters(agreement)
    revisions = list(agreement.revisions.published().order_by("number"))
    for index, revision in enumerate(revisions[:2]):
        following = revisions[index + 1] if index + 1 < len(revisions) else None
        if not revision.comments.exists():
            _comment_round(revision, following, commenters, coordinator, offset=index * 7)
        if following is not None:
            carry_over(following)
    open_revision = _open_consultation_now(agreement, coordinator, stdout)
    if open_revision is not None and not open_revision.comments.exists():
        _comments_on_open_revision(open_revision, commenters[1:5])
    stdout.write(f"  {Comment.objects.filter(revision__agreement=agreement).count()} comments")


def _agreement(coordinator):
    published = Count("revisions", filter=~Q(revisions__state="draft"))
    agreement = (
        Agreement.objects.filter(municipality__name=MUNICIPALITY)
        .annotate(published=published)
        .filter(published__gte=1)
        .order_by("-published", "pk")
        .first()
    )
    return agreement or _fallback_agreement(coordinator)


def _fallback_agreement(coordinator):
    """A small agreement for when the agreements demo has not made one (yet)."""
    city = Organisation.objects.get(name=MUNICIPALITY)
    agreement = Agreement.create(
        municipality=city, by=coordinator, slug="lo-remissdemo",
        title="Lokal överenskommelse mellan Kullahamns stad och den idéburna sektorn",
        body=texts.FALLBACK_REVISION_1,
    )  # fmt: skip
    associations = Organisation.objects.filter(kind=Organisation.Kind.ASSOCIATION)
    for organisation in associations.exclude(name=LEFT_OUT).order_by("name")[:13]:
        agreement.add_party(organisation, Party.Role.SIGNATORY, by=coordinator)
    for body in (texts.FALLBACK_REVISION_1, texts.FALLBACK_REVISION_2):
        draft = agreement.revisions.drafts().first() or agreement.start_draft(by=coordinator)
        draft.save_text(
            title=draft.title, body=body, change_summary="", base_version=draft.version,
            by=coordinator,
        )  # fmt: skip
        agreement.open_consultation(closes_at=timezone.now() + timedelta(days=1), by=coordinator)
        agreement.close_consultation(by=coordinator)
    return agreement


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
    """Sentences of `revision` grouped by how they carry into `following` (exact/fuzzy/…)."""
    target = _Target(following) if following else None
    groups = {kind: [] for kind in CarryOver.Kind.values}
    for section in revision.sections.all():
        for sentence in plain_text(section.body).split(". "):
            sentence = sentence.strip().rstrip(".")
            if len(sentence) < 25:
                continue
            counterpart = target.counterpart(section) if target else None
            kind = _classify_quote(sentence, counterpart, target)[0] if target else "exact"
            groups[kind].append((section, sentence))
    return groups


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


def _open_consultation_now(agreement, coordinator, stdout):
    """The scheduled review as the next revision, open for two weeks from today."""
    for revision in agreement.revisions.published():
        if revision.consultation_is_open:
            return revision
    try:
        for step in (Agreement.Status.IN_FORCE, Agreement.Status.UNDER_REVIEW):
            if agreement.status in (Agreement.Status.ADOPTED, Agreement.Status.IN_FORCE):
                agreement.change_status(step, by=coordinator)
        draft = agreement.revisions.drafts().first() or agreement.start_draft(by=coordinator)
        if REVIEW_SECTION.strip() not in draft.body:
            draft.save_text(
                title=draft.title, body=draft.body.rstrip() + REVIEW_SECTION,
                change_summary="Revidering enligt plan.", base_version=draft.version,
                by=coordinator,
            )  # fmt: skip
        closes = timezone.now() + timedelta(days=14)
        return agreement.open_consultation(closes_at=closes, by=coordinator)
    except AgreementError as error:
        stdout.write(f"  no open consultation: {error}")
        return None


def _comments_on_open_revision(revision, commenters):
    sections = list(revision.sections.all())
    for index, (author, organisation) in enumerate(commenters):
        Comment.post(
            revision=revision, author=author, organisation=organisation,
            section=sections[(index * 3) % len(sections)] if sections else None,
            body=texts.COMMENTS[(index * 5) % len(texts.COMMENTS)],
        )  # fmt: skip
