from django.urls import path

from followup.views import areas, indicators, plans, public, rounds

app_name = "followup"
urlpatterns = [
    path("<slug:slug>/follow-up/", public.overview, name="overview"),
    path("<slug:slug>/areas/", areas.area_list, name="areas"),
    path("<slug:slug>/areas/new/", areas.area_create, name="area_create"),
    path("<slug:slug>/areas/<int:pk>/edit/", areas.area_edit, name="area_edit"),
    path("<slug:slug>/action-plans/", plans.plan_list, name="plans"),
    path("<slug:slug>/action-plans/new/", plans.plan_create, name="plan_create"),
    path("<slug:slug>/action-plans/<int:pk>/", plans.plan_detail, name="plan"),
    path("<slug:slug>/action-plans/<int:pk>/adopt/", plans.plan_adopt, name="plan_adopt"),
    path(
        "<slug:slug>/action-plans/<int:pk>/commitments/new/",
        plans.commitment_create,
        name="commitment_create",
    ),
    path("<slug:slug>/action-plans/<int:pk>/follow-ups/new/", rounds.round_open, name="round_open"),
    path(
        "<slug:slug>/action-plans/<int:pk>/indicators/new/",
        indicators.indicator_create,
        name="indicator_create",
    ),
    path(
        "<slug:slug>/action-plans/<int:pk>/indicators/computed/",
        indicators.indicators_computed,
        name="indicators_computed",
    ),
    path("<slug:slug>/indicators/<int:pk>/", indicators.indicator_detail, name="indicator"),
    path(
        "<slug:slug>/indicators/<int:pk>/values/",
        indicators.indicator_value,
        name="indicator_value",
    ),
    path("<slug:slug>/commitments/<int:pk>/", plans.commitment_detail, name="commitment"),
    path("<slug:slug>/commitments/<int:pk>/edit/", plans.commitment_edit, name="commitment_edit"),
    path(
        "<slug:slug>/commitments/<int:pk>/status/",
        plans.commitment_status,
        name="commitment_status",
    ),
    path("<slug:slug>/commitments/<int:pk>/link/", plans.commitment_link, name="commitment_link"),
    path(
        "<slug:slug>/commitments/<int:pk>/links/<int:item_id>/remove/",
        plans.commitment_unlink,
        name="commitment_unlink",
    ),
    path("<slug:slug>/follow-ups/<int:year>/", rounds.round_detail, name="round"),
    path("<slug:slug>/follow-ups/<int:year>/report.csv", public.report_csv, name="report_csv"),
    path("<slug:slug>/follow-ups/<int:year>/report.pdf", public.report_pdf, name="report_pdf"),
    path("<slug:slug>/follow-ups/<int:year>/survey/", rounds.survey, name="survey"),
    path("<slug:slug>/follow-ups/<int:year>/publish/", rounds.publish, name="publish"),
    path(
        "<slug:slug>/follow-ups/<int:year>/commitments/<int:pk>/report/",
        rounds.report,
        name="report",
    ),
]
