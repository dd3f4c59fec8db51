from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("quizzes/", views.index, name="index"),
    path("classes/", views.classes, name="classes"),
]
