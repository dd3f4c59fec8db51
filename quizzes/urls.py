from django.urls import path

from quizzes import views

app_name = "quizzes"
urlpatterns = [
    path("quizzes/", views.index, name="index"),
    path("quizzes/start/", views.start, name="start"),
    path("quizzes/attempts/<int:pk>/", views.attempt_detail, name="attempt"),
    path("quizzes/attempts/<int:pk>/answer/", views.answer, name="answer"),
    path("quizzes/attempts/<int:pk>/review/", views.review, name="review"),
    path("quizzes/attempts/<int:pk>/submit/", views.submit, name="submit"),
    path("quizzes/attempts/<int:pk>/results/", views.attempt_results, name="results"),
    path("classes/", views.classes, name="classes"),
]
