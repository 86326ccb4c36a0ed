from django.urls import path

from attachments import views

app_name = "attachments"
urlpatterns = [
    path("<int:pk>/", views.download, name="download"),
    path("<int:pk>/text/", views.text_status, name="text_status"),
    path("<int:pk>/remove/", views.remove, name="remove"),
    path("<int:pk>/supersede/", views.supersede, name="supersede"),
    path("<str:label>/<int:object_id>/", views.upload, name="upload"),
]
