from django.urls import path

from content import views

app_name = "content"
urlpatterns = [
    path("topics/", views.topic_index, name="topic_index"),
    path("topics/category/<slug:slug>/", views.category, name="category"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("sections/<int:pk>/read/", views.mark_read, name="mark_read"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
    path("search/", views.search, name="search"),
]
