"""The password change page: Django's view with the throttled form (gongkai.security.forms), which needs
the request to count and audit refusals."""

from django.contrib.auth import views as auth_views

from .forms import ThrottledPasswordChangeForm


class ThrottledPasswordChangeView(auth_views.PasswordChangeView):
    form_class = ThrottledPasswordChangeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}
