from django.urls import path

from gongkai.api import views
from gongkai.api.endpoints import ENDPOINTS

app_name = "api"

urlpatterns = [path(e.route, getattr(views, e.view), name=e.name) for e in ENDPOINTS] + [
    # Last: any other address below /api/ answers a JSON 404 rather than the site's HTML page.
    path("<path:rest>", views.unknown, name="unknown"),
]
