from django.urls import path

from privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.personal_data_page, name="page"),
    path("export/", views.export, name="export"),
    path("remove/", views.remove, name="remove"),
]
