"""Absolute links with a person's id and a token, as the account mails carry them."""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode


def user_token_link(request: HttpRequest, view_name: str, *, user, token: str) -> str:
    path = reverse(
        view_name, kwargs={"uidb64": urlsafe_base64_encode(force_bytes(user.pk)), "token": token}
    )
    return request.build_absolute_uri(path)
