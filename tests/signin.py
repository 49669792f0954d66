"""Signing in through the shop's login form, as a person does (with django-axes counting)."""

from django.test import Client
from django.urls import reverse

LOGIN_URL = reverse("customer:login")


def sign_in(client: Client, *, email: str, password: str, remote_addr: str = "192.0.2.10"):
    """POST Oscar's login form; `client.login()` would skip the form and django-axes."""
    return client.post(
        LOGIN_URL,
        {"login-username": email, "login-password": password, "login_submit": "Anmelden"},
        REMOTE_ADDR=remote_addr,
    )


def is_signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session
