from django.urls import path

from pilots.followups import review_views, views

urlpatterns = [
    path("follow-ups/pilot/<int:pilot>/<int:months>/", views.follow_up, name="pilots_follow_up"),
    path(
        "follow-ups/review/",
        review_views.FollowUpsToReviewView.as_view(),
        name="pilots_follow_ups_review",
    ),
    path(
        "follow-ups/review/results/",
        review_views.FollowUpsToReviewView.as_view(results_only=True),
        name="pilots_follow_ups_review_results",
    ),
    path(
        "follow-ups/<int:pk>/reopen/",
        review_views.follow_up_reopen_view,
        name="pilots_follow_up_reopen",
    ),
    path(
        "follow-ups/review/act/",
        review_views.follow_ups_review_act,
        name="pilots_follow_ups_review_act",
    ),
]
