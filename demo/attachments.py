"""Demo files, generated in code, on the demo city's records: the municipal council's
decision adopting the local agreement (PDF, on the adopted revision), an umbrella
organisation's consultation response (DOCX, on its comment on revision 1) and the
action plan (XLSX, on the latest meeting of the agreement's dialogue forum).

Idempotent: a record that already has the file is left alone, and a record that is
missing (another app's demo not seeded) is skipped.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from attachments import filetypes
from attachments.models import Attachment
from demo import samples

BOARD_DECISION = "Kommunfullmäktiges beslut § 87 – antagande.pdf"
CONSULTATION_RESPONSE = "Remissvar från Kullahamns Föreningsråd.docx"
ACTION_PLAN = "Handlingsplan 2025–2026.xlsx"


def board_decision():
    return samples.pdf_bytes(
        [
            "Protokollsutdrag – Kommunfullmäktige i Kullahamn",
            "§ 87 Antagande av lokal överenskommelse (KS 2024/0412)",
            "Kommunfullmäktige beslutar att anta den lokala överenskommelsen mellan",
            "Kullahamns stad och den idéburna sektorn, version 3.",
            "Kommunstyrelsens ordförande får i uppdrag att underteckna överenskommelsen.",
        ]
    )


def consultation_response():
    return samples.docx_bytes(
        "Remissvar: förslag till lokal överenskommelse",
        [
            "Kullahamns Föreningsråd välkomnar förslaget och ställer sig bakom de sex principerna.",
            "Vi föreslår att principen om självständighet och oberoende förtydligas så att "
            "föreningarnas rätt att granska och kritisera staden framgår.",
            "Dialogforumet bör mötas minst fyra gånger per år och minnesanteckningarna "
            "bör vara allmänt tillgängliga.",
        ],
    )


def action_plan():
    return samples.xlsx_bytes(
        "Handlingsplan",
        [
            ["Aktivitet", "Ansvarig", "Klart senast", "Status"],
            [
                "Gemensam utbildning om IOP",
                "Kultur- och fritidsförvaltningen",
                "2025-10-31",
                "Pågår",
            ],
            ["Föreningsdag i Stadsparken", "Kullahamns Föreningsråd", "2026-05-15", "Planerad"],
            [
                "Uppföljning av åtagandena",
                "Stadsledningsförvaltningen",
                "2026-12-31",
                "Ej påbörjad",
            ],
        ],
    )


# The records are looked up by name through the app registry: attachments never import the
# apps they serve, and a demo without agreements or dialogues simply gets fewer files.
LOCAL_AGREEMENT = "lokal-overenskommelse-kullahamn"


def adopted_revision():
    revisions = apps.get_model("agreements", "Revision").objects
    return revisions.filter(agreement__slug=LOCAL_AGREEMENT, state="adopted").first()


def umbrella_comment():
    """The umbrella organisation's first comment on the local agreement's first revision."""
    comments = apps.get_model("agreements", "Comment").objects.filter(
        revision__agreement__slug=LOCAL_AGREEMENT,
        revision__number=1,
        organisation__slug="kullahamns-foreningsrad",
        parent__isnull=True,
    )
    return comments.select_related("author").order_by("created_at", "pk").first()


def dialogue_meeting():
    """The latest meeting with approved minutes of the agreement's (public) dialogue forum."""
    meetings = apps.get_model("dialogues", "Meeting").objects
    approved = meetings.filter(forum__slug="dialogforum-lo", minutes_status="approved")
    return approved.order_by("-starts_at").first()


FILES = [
    # record, uploader (None: the record's author), name, content, description
    (adopted_revision, "samordnare", BOARD_DECISION, board_decision, "Protokollsutdrag"),
    (umbrella_comment, None, CONSULTATION_RESPONSE, consultation_response, "Remissvar"),
    (dialogue_meeting, "samordnare", ACTION_PLAN, action_plan, "Styrgruppens förslag"),
]


def seed(stdout):
    users = get_user_model().objects
    for find_record, username, name, content, description in FILES:
        record = find_record()
        if record is None or files_named(record, name).exists():
            continue
        upload = SimpleUploadedFile(name, content())
        Attachment.create_from_upload(
            record,
            upload,
            filetypes.check_upload(upload),
            by=users.get(username=username) if username else record.author,
            description=description,
        )
    stdout.write(f"  {Attachment.objects.count()} attachments")


def files_named(record, name):
    return Attachment.objects.for_object(record).filter(original_name=name)
