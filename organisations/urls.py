from django.urls import path

from organisations import views, views_applications, views_invitations, views_parties

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("mine/", views.my_organisations, name="mine"),
    # Before <slug:slug>/; unique_slug never gives an organisation these names.
    path("apply/", views_applications.apply, name="apply"),
    path("apply/<str:key>/", views_applications.application_status, name="application_status"),
    path("applications/", views_applications.application_queue, name="applications"),
    path("applications/<int:pk>/", views_applications.application_detail, name="application"),
    path("applications/<int:pk>/decide/", views_applications.decide, name="decide"),
    path("invitations/<str:key>/", views_invitations.invitation, name="invitation"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/members/", views.add_member, name="add_member"),
    path("<slug:slug>/invitations/", views.invite, name="invite"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
    path("<slug:slug>/agreements/<int:party_id>/sign/", views_parties.sign, name="sign"),
    path(
        "<slug:slug>/agreements/<int:party_id>/withdraw/", views_parties.withdraw, name="withdraw"
    ),
    path("<slug:slug>/members/<int:membership_id>/role/", views.change_role, name="change_role"),
    path(
        "<slug:slug>/members/<int:membership_id>/remove/", views.remove_member, name="remove_member"
    ),
]
