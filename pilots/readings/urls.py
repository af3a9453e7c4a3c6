from django.urls import path

from pilots.readings import outliers, views
from pilots.readings import review_views as review

urlpatterns = [
    path("readings/<int:kpi>/", views.readings, name="pilots_readings"),
    path("readings/pilot/<int:pilot>/", views.pilot_readings, name="pilots_pilot_readings"),
    path("readings/unusual/", outliers.outliers, name="pilots_outliers"),
    path("readings/review/", review.ReadingsToReviewView.as_view(), name="pilots_readings_review"),
    path(
        "readings/review/results/",
        review.ReadingsToReviewView.as_view(results_only=True),
        name="pilots_readings_review_results",
    ),
    path("readings/review/act/", review.readings_review_act, name="pilots_readings_review_act"),
    path(
        "readings/reading/<int:pk>/reopen/",
        review.reading_reopen_view,
        name="pilots_reading_reopen",
    ),
]
