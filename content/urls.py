from django.urls import path

from content import views

app_name = "content"
urlpatterns = [
    path("topics/", views.topic_index, name="topic_index"),
]
