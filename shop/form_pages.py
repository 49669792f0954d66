"""The page of a form that saves on POST, for every view that shows one."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def form_page(
    request: HttpRequest, *, template: str, form: forms.Form, **context: object
) -> HttpResponse:
    """The form (again): with 400 after a POST that saved nothing, so that a client or a test
    sees the failure without reading the page."""
    return render(
        request, template, {"form": form, **context}, status=400 if form.is_bound else 200
    )
