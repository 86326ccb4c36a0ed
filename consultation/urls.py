"""Consultation URLs. They live under /agreements/ (config/urls.py includes them before the
agreements' own, so notifications/ wins over <slug>/) in their own namespace, `consultation:`."""

from django.urls import path

from consultation.views import comments, exports, invitations
from consultation.views import pages as consultation

REVISION = "<slug:slug>/revisions/<int:number>/"
COMMENT = REVISION + "comments/<int:pk>/"

app_name = "consultation"

urlpatterns = [
    path("notifications/", consultation.notification_settings, name="notification_settings"),
    path(REVISION + "consultation/", consultation.consultation, name="consultation"),
    path(REVISION + "consultation/extend/", consultation.extend, name="consultation_extend"),
    path(REVISION + "consultation/report/", consultation.report, name="consultation_report"),
    path(
        REVISION + "consultation/report.csv",
        consultation.report_csv,
        name="consultation_report_csv",
    ),
    path(REVISION + "consultation/report.pdf", exports.report_pdf, name="consultation_report_pdf"),
    path(
        REVISION + "consultation/report.docx",
        exports.report_docx,
        name="consultation_report_docx",
    ),
    path(REVISION + "consultation/invited/", invitations.invitations, name="invitations"),
    path(REVISION + "consultation/invited/new/", invitations.invite, name="invite"),
    path(REVISION + "consultation/invited/remind/", invitations.remind, name="remind_invited"),
    path(REVISION + "consultation/decline/", invitations.decline, name="decline"),
    path(
        REVISION + "consultation/questions/<int:question_id>/answer/",
        invitations.answer,
        name="answer_question",
    ),
    path(REVISION + "comments/", consultation.comment_list, name="comment_list"),
    path(REVISION + "comments/new/", comments.comment_create, name="comment_create"),
    path(COMMENT, comments.comment_detail, name="comment"),
    path(COMMENT + "edit/", comments.comment_edit, name="comment_edit"),
    path(COMMENT + "withdraw/", comments.comment_withdraw, name="comment_withdraw"),
    path(COMMENT + "reply/", comments.comment_reply, name="comment_reply"),
    path(COMMENT + "respond/", comments.comment_respond, name="comment_respond"),
]
