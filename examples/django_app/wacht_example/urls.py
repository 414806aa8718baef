from django.urls import path

from . import views

urlpatterns = [
    path("apps/<str:slug>/clients/", views.list_clients, name="list-clients"),
    path(
        "apps/<str:slug>/clients/<int:client_id>/rotate-secret/",
        views.rotate_client_secret,
        name="rotate-client-secret",
    ),
]
