from django.urls import path

from learning import views

app_name = "learning"
urlpatterns = [
    path("review/", views.review, name="review"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
