from django.urls import path

from records.views import archive, disposals, register, requests

app_name = "records"
urlpatterns = [
    path("", register.register, name="register"),
    path("<int:pk>/", register.document, name="document"),
    path("<int:pk>/correct/", register.correct, name="correct"),
    path("<int:pk>/request/", requests.ask, name="ask"),
    path("cases/<int:pk>/archive/", archive.case_archive, name="archive"),
    path("packages/<int:pk>/download/", archive.download, name="download_package"),
    path("packages/<int:pk>/retry/", archive.retry, name="retry_package"),
    path("plan/", disposals.plan, name="plan"),
    path("disposals/", disposals.disposal_list, name="disposals"),
    path("disposals/<int:pk>/approve/", disposals.approve, name="approve_disposal"),
    path("requests/", requests.request_list, name="requests"),
    path("requests/<int:pk>/answer/", requests.answer, name="answer"),
    path("requests/<str:code>/", requests.request_page, name="request"),
]
