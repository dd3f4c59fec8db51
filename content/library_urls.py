from django.urls import path

from content import library_views as views

app_name = "library"
urlpatterns = [
    path("", views.library_index, name="index"),
    path("upload/", views.upload, name="upload"),
    path("jobs/<int:pk>/", views.job_detail, name="job"),
    path("jobs/<int:pk>/publish/", views.publish_upload, name="publish"),
    path("jobs/<int:pk>/assign/", views.assign_heading, name="assign"),
    path("notes/<int:pk>/", views.note_detail, name="note"),
    path("notes/<int:pk>/edit/", views.edit, name="edit"),
    path("notes/<int:pk>/rename/", views.rename, name="rename"),
    path("notes/<int:pk>/delete/", views.delete, name="delete"),
    path("notes/<int:pk>/download/", views.download, name="download"),
    path("notes/<int:pk>/versions/", views.versions, name="versions"),
    path("notes/<int:pk>/versions/<int:number>/download/", views.download, name="download_version"),
    path("notes/<int:pk>/versions/<int:number>/restore/", views.restore, name="restore"),
]
