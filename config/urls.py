from django.contrib import admin
from django.urls import include, path

from config import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("learning.account_urls")),
    path("", include("content.urls")),
    path("library/", include("content.library_urls")),
    path("", include("learning.urls")),
    path("", include("quizzes.urls")),
    path("admin/", admin.site.urls),
]

# A database outage gives a 503 with Retry-After instead of a bare "Server Error (500)".
handler500 = "config.views.server_error"
