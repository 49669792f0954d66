"""Municipal accounts: registration with e-mail confirmation, membership requests, change of
the sign-in address."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode
from django.views.decorators.http import require_http_methods

from shop.members.selectors import verwaltungen_administered_by
from shop.models import Verwaltung

from . import selectors, services
from .forms import (
    ConfirmationResendForm,
    EmailChangeForm,
    MembershipFields,
    RegistrationForm,
)
from .links import user_token_link

SEARCH_PARAMETER = "verwaltung_suche"


def _verwaltung_search(request: HttpRequest) -> tuple[list[Verwaltung], dict[str, object]]:
    """The Verwaltungen a form offers (those the search parameter finds) and what the template
    needs to show the search."""
    search = request.GET.get(SEARCH_PARAMETER, "")[:100]
    found = list(selectors.verwaltung_search(text=search, limit=200))
    return found, {"search": search, "search_parameter": SEARCH_PARAMETER, "found": found}


def _confirm_url_for(request: HttpRequest):
    return lambda user, token: user_token_link(
        request, "shop_accounts:confirm", user=user, token=token
    )


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("shop_accounts:memberships")
    verwaltungen, search_context = _verwaltung_search(request)
    form = RegistrationForm(request.POST or None, verwaltungen=verwaltungen)
    if request.method == "POST" and form.is_valid():
        try:
            services.registration_create(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                verwaltung=form.cleaned_data["verwaltung"],
                role=form.cleaned_data["role"],
                confirm_url_for=_confirm_url_for(request),
            )
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            return redirect("shop_accounts:registered")
    return render(
        request,
        "shop/accounts/register.html",
        {
            "form": form,
            **search_context,
        },
    )


def registered(request: HttpRequest) -> HttpResponse:
    return render(request, "shop/accounts/registered.html")


@require_http_methods(["GET", "POST"])
def confirmation_resend(request: HttpRequest) -> HttpResponse:
    """The same answer whether or not the address has an unconfirmed account."""
    form = ConfirmationResendForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.registration_confirmation_resend(
            email=form.cleaned_data["email"], confirm_url_for=_confirm_url_for(request)
        )
        return redirect("shop_accounts:confirmation_resent")
    return render(request, "shop/accounts/confirmation_resend.html", {"form": form})


def confirmation_resent(request: HttpRequest) -> HttpResponse:
    return render(request, "shop/accounts/confirmation_resent.html")


def confirm(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    user_model = get_user_model()
    try:
        user = user_model.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (ValueError, TypeError, OverflowError, user_model.DoesNotExist):
        user = None
    confirmed = user is not None and services.registration_confirm(user=user, token=token)
    return render(
        request,
        "shop/accounts/confirmed.html",
        {"confirmed": confirmed, "already_active": user is not None and user.is_active},
        status=200 if confirmed or (user is not None and user.is_active) else 400,
    )


@login_required
@require_http_methods(["GET", "POST"])
def memberships(request: HttpRequest) -> HttpResponse:
    verwaltungen, search_context = _verwaltung_search(request)
    form = MembershipFields(request.POST or None, verwaltungen=verwaltungen)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_request(
                user=request.user,
                verwaltung=form.cleaned_data["verwaltung"],
                role=form.cleaned_data["role"],
            )
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                "Ihr Antrag ist eingegangen. Sie erhalten eine E-Mail, sobald der ITVSH "
                "entschieden hat.",
            )
            return redirect("shop_accounts:memberships")
    return render(
        request,
        "shop/accounts/memberships.html",
        {
            "form": form,
            "memberships": selectors.membership_list_for_user(user=request.user),
            "ordering_obstacle": selectors.membership_ordering_obstacle(user=request.user),
            "administers": verwaltungen_administered_by(user=request.user).exists(),
            **search_context,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def email_change(request: HttpRequest) -> HttpResponse:
    form = EmailChangeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["new_email"]
        services.email_change_request(
            user=request.user,
            new_email=new_email,
            confirm_url_for=lambda token: request.build_absolute_uri(
                reverse("shop_accounts:email_change_confirm", kwargs={"token": token})
            ),
        )
        messages.success(
            request,
            f"Wir haben einen Link an {new_email} geschickt. Ihre Anmeldeadresse ändert sich, "
            "sobald Sie ihn angemeldet öffnen und bestätigen.",
        )
        return redirect("shop_accounts:email_change")
    return render(request, "shop/accounts/email_change.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def email_change_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """Opening the link shows a button; only the POST changes the address, so that a mail
    scanner following the link changes nothing."""
    try:
        if request.method == "POST":
            user = services.email_change_confirm(user=request.user, token=token)
            messages.success(request, f"Ihre Anmeldeadresse ist jetzt {user.email}.")
            return redirect("customer:profile-view")
        new_email = selectors.email_change_target(user=request.user, token=token)
    except selectors.EmailChangeError as error:
        return render(
            request, "shop/accounts/email_change_confirm.html", {"error": str(error)}, status=400
        )
    return render(request, "shop/accounts/email_change_confirm.html", {"new_email": new_email})
