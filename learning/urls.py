from django.urls import path

from learning import views

app_name = "learning"
urlpatterns = [
    path("review/", views.review, name="review"),
    path("review/rate/", views.rate, name="rate"),
    path("review/undo/", views.undo, name="undo"),
    path("dashboard/", views.dashboard, name="dashboard"),
]
