"""Accounts: log-in (throttled, see gongkai.security.lockout), log-out and password change, with Django's own
views and Chinese templates."""

from django.contrib.auth import views as auth_views
from django.urls import path

from gongkai.security.forms import ThrottledAuthenticationForm
from gongkai.security.views import ThrottledPasswordChangeView

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html",
            redirect_authenticated_user=True,
            authentication_form=ThrottledAuthenticationForm,
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password_change/",
        ThrottledPasswordChangeView.as_view(template_name="registration/password_change_form.html"),
        name="password_change",
    ),
    path(
        "password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(template_name="registration/password_change_done.html"),
        name="password_change_done",
    ),
]
