from django.urls import path

from organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("mine/", views.my_organisations, name="mine"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/members/", views.add_member, name="add_member"),
    path("<slug:slug>/members/<int:membership_id>/role/", views.change_role, name="change_role"),
    path(
        "<slug:slug>/members/<int:membership_id>/remove/", views.remove_member, name="remove_member"
    ),
]
