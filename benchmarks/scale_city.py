"""A city at scale for the benchmarks (issue 17, item 7): by default 1,000 associations,
10,000 people, 3 agreements with all of them as parties, 50 forums, 2,000 meetings and
100,000 searchable records (agenda items and forum posts).

Rows are written with bulk_create; the agreements go through their own verbs (create,
consultation, adoption), and the grants are computed by the apps' own permission functions,
so what the pages read is what the apps would have written. `seed(...)` takes every size, so
the tests build the same city at 10 and at 1,000 organisations.

Everyone's password is "scale". Never run it on the demo database: `make bench-scale` uses its
own SQLite file (or SCALE_DATABASE_URL).
"""

import collections
import itertools
import random
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from guardian.models import GroupObjectPermission

from agreements.models import Agreement, Party
from benchmarks import search_corpus as corpus
from dialogues.models import AgendaItem, Forum, ForumMember, Meeting, Post, Topic
from dialogues.permissions import sync_forum_permissions
from organisations.models import Membership, Organisation, OrganisationGroup
from organisations.permissions import role_group

DISTRICTS = ["Centrum", "Norr", "Söder", "Öster", "Väster", "Hamnen", "Åsen", "Dalby"]
AREAS = ["sport", "culture", "social", "youth", "environment", "education"]
AGREEMENT_TEXT = "\n\n".join(
    f"# {n} Avsnitt {n}\n"
    + " ".join(f"Mening {i} om samverkan, dialog och föreningslivet." for i in range(12))
    for n in range(1, 13)
)


@dataclass
class City:
    """What the benchmark and the tests need to find again in the seeded city."""

    municipality: Organisation
    coordinator: object  # the municipality's coordinator
    member: object  # a member of an association that is a party to everything
    associations: list
    agreements: list
    forums: list
    counts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Size:
    orgs: int = 1000
    people: int = 10_000
    agreements: int = 3
    forums: int = 50
    meetings: int = 2000
    records: int = 100_000
    forum_members: int = 20  # member organisations per forum


def seed(size=Size(), name="Skalstad", seed=1):
    """Build the city in one transaction and return it (see City)."""
    rnd = random.Random(seed)
    slug = slugify(name)
    with transaction.atomic():
        municipality, departments, associations = _organisations(name, slug, size.orgs, rnd)
        everyone = [municipality, *departments, *associations]
        _groups(everyone)
        people = _people(slug, size.people, municipality, departments, associations)
        coordinator = people[0]
        agreements = [
            _agreement(municipality, associations, coordinator, f"{slug}-lo-{n}", n)
            for n in range(1, size.agreements + 1)
        ]
        _grant_member_lists(municipality, [*departments, *associations])
        forums = _forums(slug, size, municipality, associations, agreements, rnd)
        meetings = _meetings(forums, size.meetings)
        records = _records(size.records, meetings, forums, associations, people, rnd)
    # A plain member of the first association (its first person is its coordinator).
    member = people[11 + len(associations)] if len(people) > 11 + len(associations) else None
    return City(
        municipality=municipality,
        coordinator=coordinator,
        member=member,
        associations=associations,
        agreements=agreements,
        forums=forums,
        counts={
            "orgs": len(associations),
            "people": len(people),
            "agreements": len(agreements),
            "forums": len(forums),
            "meetings": len(meetings),
            "records": records,
        },
    )


def _organisations(name, slug, count, rnd):
    municipality = Organisation.objects.create(
        name=f"{name}s stad", slug=slug, kind=Organisation.Kind.MUNICIPALITY
    )
    departments = Organisation.objects.bulk_create(
        Organisation(
            name=f"{department}förvaltningen i {name}",
            slug=f"{slug}-{slugify(department)}",
            kind=Organisation.Kind.DEPARTMENT,
            parent=municipality,
        )
        for department in ("Kultur", "Fritids", "Social")
    )
    associations = Organisation.objects.bulk_create(
        Organisation(
            name=f"{name}s förening {n:04d}",
            slug=f"{slug}-forening-{n}",
            kind=Organisation.Kind.ASSOCIATION,
            district=rnd.choice(DISTRICTS),
            areas=rnd.sample(AREAS, rnd.randint(1, 2)),
            email=f"forening-{n}@{slug}.example",
        )
        for n in range(count)
    )
    return municipality, departments, associations


def _groups(organisations):
    """One auth group per organisation and role, as `role_group` would make them (the
    municipality's exist already: its creation granted it every member list)."""
    have = set(
        OrganisationGroup.objects.filter(organisation__in=organisations).values_list(
            "organisation_id", "role"
        )
    )
    wanted = [
        (o, role)
        for o, role in itertools.product(organisations, Membership.Role.values)
        if (o.pk, role) not in have
    ]
    groups = Group.objects.bulk_create(
        (Group(name=f"org-{o.pk}-{role}") for o, role in wanted), batch_size=1000
    )
    OrganisationGroup.objects.bulk_create(
        (
            OrganisationGroup(organisation=o, role=role, group=group)
            for (o, role), group in zip(wanted, groups, strict=True)
        ),
        batch_size=1000,
    )


def _people(slug, count, municipality, departments, associations):
    """The coordinator, ten staff, then members of the associations in turn; the first person
    of each association is its coordinator. Memberships and groups as `sync_user_groups`."""
    User = get_user_model()
    password = make_password("scale")
    places = [(municipality, "samordnare", Membership.Role.COORDINATOR)]
    places += [(departments[n % len(departments)], "tjansteperson", "member") for n in range(10)]
    for n in range(max(count - len(places), 0)):
        role = "member" if n >= len(associations) else Membership.Role.COORDINATOR
        places.append((associations[n % len(associations)], "medlem", role))
    places = places[:count]
    numbers = collections.Counter()
    users = []
    for _, label, _ in places:
        users.append(
            User(
                username=f"{slug}-{label}-{numbers[label]}",
                first_name="Person",
                last_name=f"{label} {numbers[label]}",
                email=f"{label}-{numbers[label]}@{slug}.example",
                password=password,
            )
        )
        numbers[label] += 1
    users = User.objects.bulk_create(users, batch_size=1000)
    memberships = Membership.objects.bulk_create(
        (
            Membership(user=user, organisation=o, role=role)
            for user, (o, _, role) in zip(users, places, strict=True)
        ),
        batch_size=1000,
    )
    groups = {
        (link.organisation_id, link.role): link.group_id
        for link in OrganisationGroup.objects.filter(role__in=Membership.Role.values)
    }
    User.groups.through.objects.bulk_create(
        (
            User.groups.through(user_id=m.user_id, group_id=groups[m.organisation_id, m.role])
            for m in memberships
        ),
        batch_size=1000,
    )
    return users


def _grant_member_lists(municipality, organisations):
    """What `sync_organisation_permissions` grants each organisation, for all at once: its
    own groups and the municipal coordinators see its members, its coordinators manage them."""
    view = Permission.objects.get(content_type__app_label="organisations", codename="view_members")
    manage = Permission.objects.get(
        content_type__app_label="organisations", codename="manage_members"
    )
    content_type = ContentType.objects.get_for_model(Organisation)
    coordinators = role_group(municipality, Membership.Role.COORDINATOR)
    links = OrganisationGroup.objects.filter(organisation__in=organisations)
    rows = [(view, coordinators.pk, o.pk) for o in organisations]
    for link in links:
        rows.append((view, link.group_id, link.organisation_id))
        if link.role == Membership.Role.COORDINATOR:
            rows.append((manage, link.group_id, link.organisation_id))
    GroupObjectPermission.objects.bulk_create(
        (
            GroupObjectPermission(
                permission=perm, group_id=group, content_type=content_type, object_pk=str(pk)
            )
            for perm, group, pk in rows
        ),
        batch_size=1000,
        ignore_conflicts=True,  # a grant made already stays as it is
    )


def _agreement(municipality, associations, by, slug, n):
    """An agreement in force with every association as a party, through the verbs."""
    agreement = Agreement.create(
        municipality=municipality,
        title=f"Lokal överenskommelse {n}",
        slug=slug,
        by=by,
        body=AGREEMENT_TEXT,
    )
    Party.objects.bulk_create(
        Party(agreement=agreement, organisation=o, joined_on=timezone.localdate())
        for o in associations
    )
    # The first publication grants every party at once (agreements/signals.py).
    revision = agreement.open_consultation(closes_at=timezone.now() + timedelta(days=30), by=by)
    agreement.close_consultation(by=by)
    agreement.adopt(
        revision,
        body="Kommunfullmäktige",
        decided_on=timezone.localdate(),
        registration_number=f"KS 2026/{n:04d}",
        minute_reference=f"§ {n}",
        by=by,
    )
    agreement.change_status(Agreement.Status.IN_FORCE, by=by)
    return agreement


def _forums(slug, size, municipality, associations, agreements, rnd):
    visibilities = [Forum.Visibility.PUBLIC, Forum.Visibility.STAFF, Forum.Visibility.MEMBERS]
    forums = Forum.objects.bulk_create(
        Forum(
            name=f"Dialogforum {n}",
            slug=f"{slug}-forum-{n}",
            kind=Forum.Kind.DIALOGUE_FORUM,
            organiser=municipality,
            agreement=agreements[n % len(agreements)] if agreements else None,
            visibility=visibilities[n % 3],
            purpose="Dialog mellan staden och föreningslivet.",
        )
        for n in range(size.forums)
    )
    # The first association is in every forum (the benchmark's member reads them all).
    sample = min(size.forum_members, len(associations))
    ForumMember.objects.bulk_create(
        ForumMember(forum=forum, organisation=o)
        for forum in forums
        for o in {associations[0], *rnd.sample(associations, sample)}
    )
    for forum in forums:
        sync_forum_permissions(forum)
    return forums


def _meetings(forums, count):
    """Meetings numbered per forum and year as Meeting.save would number them."""
    now = timezone.now()
    per_forum = max(count // max(len(forums), 1), 1)
    made = []
    for f, forum in enumerate(forums):
        for n in range(per_forum if f < len(forums) - 1 else count - per_forum * f):
            starts = now - timedelta(days=7 * (n + 1))
            made.append(
                Meeting(
                    forum=forum,
                    year=starts.year,
                    number=n + 1,
                    title=f"Möte {n + 1}",
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=2),
                    place="Stadshuset",
                    status=Meeting.Status.HELD,
                )
            )
    return Meeting.objects.bulk_create(made, batch_size=500)


def _records(count, meetings, forums, associations, people, rnd):
    """`count` searchable records: three in five agenda items, the rest forum posts."""
    words = Words(rnd)
    items = count * 3 // 5
    AgendaItem.objects.bulk_create(
        (
            AgendaItem(
                meeting=meetings[n % len(meetings)],
                position=n // len(meetings) + 1,
                title=words.title(),
                description=words.text(),
                presenter=associations[n % len(associations)],
            )
            for n in range(items)
        ),
        batch_size=1000,
    )
    topics = Topic.objects.bulk_create(
        Topic(forum=forum, title=words.title()) for forum in forums for _ in range(10)
    )
    # The association's own people write its posts (its coordinator, 11 places in).
    authors = people[11 : 11 + len(associations)] or people[:1]
    Post.objects.bulk_create(
        (
            Post(
                topic=topics[n % len(topics)],
                organisation=associations[n % len(associations)],
                author=authors[n % len(authors)],
                body=words.text(),
            )
            for n in range(count - items)
        ),
        batch_size=1000,
    )
    return count


class Words:
    """Short Swedish texts from the search benchmark's vocabulary (20-60 words)."""

    def __init__(self, rnd):
        self.rnd = rnd
        self.vocab = corpus.STOP * 4 + corpus.COMMON + corpus.filler_words(1500)
        self.rare = corpus.rare_words()

    def title(self):
        return " ".join(self.rnd.choices(corpus.COMMON, k=self.rnd.randint(2, 6))).capitalize()

    def text(self):
        body = self.rnd.choices(self.vocab, k=self.rnd.randint(20, 60))
        body[self.rnd.randrange(len(body))] = self.rnd.choice(corpus.PHRASES)
        body[self.rnd.randrange(len(body))] = self.rnd.choice(self.rare)
        return " ".join(body).capitalize() + "."


def find(name="Skalstad"):
    """The city seeded before under `name`, or None."""
    slug = slugify(name)
    municipality = Organisation.objects.filter(slug=slug).first()
    if municipality is None:
        return None
    associations = list(
        Organisation.objects.filter(slug__startswith=f"{slug}-forening-").order_by("pk")
    )
    User = get_user_model()
    people = User.objects.filter(username__startswith=f"{slug}-")
    forums = list(Forum.objects.filter(slug__startswith=f"{slug}-forum-").order_by("pk"))
    return City(
        municipality=municipality,
        coordinator=User.objects.get(username=f"{slug}-samordnare-0"),
        member=User.objects.filter(username=f"{slug}-medlem-{len(associations)}").first(),
        associations=associations,
        agreements=list(Agreement.objects.filter(slug__startswith=f"{slug}-lo-").order_by("pk")),
        forums=forums,
        counts={
            "orgs": len(associations),
            "people": people.count(),
            "meetings": Meeting.objects.filter(forum__in=forums).count(),
            "records": AgendaItem.objects.filter(meeting__forum__in=forums).count()
            + Post.objects.filter(topic__forum__in=forums).count(),
        },
    )


def index():
    """Rebuild the search index from the database (benchmarks/scale_index.py); returns the
    number of documents written."""
    from benchmarks import scale_index

    return scale_index.rebuild()


def add_and_withdraw_party(agreement, by):
    """Add one new association as a party and withdraw it again: (add ms, withdraw ms).
    Rolled back afterwards, so the city stays as seeded."""
    from organisations.permissions import groups_for

    with transaction.atomic():
        organisation = Organisation.objects.create(
            name="Tillfällig förening", slug=f"tillfallig-{agreement.pk}"
        )
        groups_for([organisation])  # its groups exist, as they do once it has members
        start = time.perf_counter()
        party = agreement.add_party(organisation, Party.Role.SIGNATORY, by=by)
        added = time.perf_counter()
        party.withdraw(on=timezone.localdate(), by=by, reason="Mätning")
        withdrawn = time.perf_counter()
        transaction.set_rollback(True)
    return 1000 * (added - start), 1000 * (withdrawn - added)


def small_agreement(city, parties=10):
    """An agreement in force with `parties` parties (the municipality and the first
    associations), seeded on first use."""
    slug = f"{city.municipality.slug}-liten"
    found = Agreement.objects.filter(slug=slug).first()
    if found:
        return found
    with transaction.atomic():
        return _agreement(
            city.municipality, city.associations[: parties - 1], city.coordinator, slug, 99
        )
