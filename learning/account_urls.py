"""Sign up, sign in, sign out, password change: Django's auth views where they exist."""

from django.contrib.auth import views as auth_views
from django.urls import path

from learning import account_views

urlpatterns = [
    path("signup/", account_views.signup, name="signup"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]
