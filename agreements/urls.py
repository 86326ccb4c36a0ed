from django.urls import path

from agreements.views import drafting, exports, pages, sections, workflow

app_name = "agreements"
urlpatterns = [
    path("", pages.agreement_list, name="list"),
    path("new/", drafting.create, name="create"),
    path("<slug:slug>/", pages.agreement_detail, name="detail"),
    path("<slug:slug>/print/", pages.print_view, name="print"),
    path("<slug:slug>/print.pdf", exports.agreement_pdf, name="print_pdf"),
    path("<slug:slug>/print.docx", exports.agreement_docx, name="print_docx"),
    path("<slug:slug>/compare/", pages.compare, name="compare"),
    path("<slug:slug>/revisions/<int:number>/", pages.revision_detail, name="revision"),
    path("<slug:slug>/revisions/<int:number>/adopt/", workflow.adopt, name="adopt"),
    path("<slug:slug>/draft/", drafting.draft, name="draft"),
    path("<slug:slug>/draft/start/", drafting.start_draft, name="start_draft"),
    path("<slug:slug>/draft/new-section/", sections.add_section, name="add_section"),
    path("<slug:slug>/draft/sections/<slug:anchor>/", sections.edit_section, name="draft_section"),
    path(
        "<slug:slug>/draft/sections/<slug:anchor>/move/",
        sections.move_section,
        name="move_section",
    ),
    path(
        "<slug:slug>/draft/sections/<slug:anchor>/remove/",
        sections.remove_section,
        name="remove_section",
    ),
    path("<slug:slug>/consultation/open/", workflow.open_consultation, name="open_consultation"),
    path("<slug:slug>/consultation/close/", workflow.close_consultation, name="close_consultation"),
    path("<slug:slug>/status/", workflow.change_status, name="change_status"),
    path("<slug:slug>/details/", workflow.settings, name="settings"),
    path("<slug:slug>/parties/", workflow.add_party, name="add_party"),
    path("<slug:slug>/parties/<int:party_id>/sign/", workflow.sign, name="sign"),
    path("<slug:slug>/parties/<int:party_id>/withdraw/", workflow.withdraw, name="withdraw"),
]
