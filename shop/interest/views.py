"""A member registers, updates or withdraws a Verwaltung's interest in a service that is in
Vorbereitung (/konto/interesse/<dienst>/<verwaltung>/). The profile's interest box posts here;
this page shows the same form on its own, with the errors of a rejected submission."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from shop.models import Dienst

from . import selectors, services
from .forms import InterestForm


@login_required
@require_http_methods(["GET", "POST"])
def interest(request: HttpRequest, dienst_id: int, verwaltung_id: int) -> HttpResponse:
    state = selectors.dienst_interest_state(
        user=request.user, dienst_id=dienst_id, verwaltung_id=verwaltung_id
    )
    if state is None:
        raise Http404
    dienst = get_object_or_404(Dienst, pk=dienst_id, is_published=True)
    verwaltung = state.verwaltung
    form = InterestForm(
        request.POST or None, initial={"note": state.interest.note if state.interest else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            if form.withdraws:
                services.dienst_interest_withdraw(
                    user=request.user, dienst=dienst, verwaltung=verwaltung
                )
                message = (
                    f"Das Interesse von {verwaltung.name} an „{dienst.title}“ ist zurückgezogen."
                )
            else:
                services.dienst_interest_register(
                    user=request.user,
                    dienst=dienst,
                    verwaltung=verwaltung,
                    note=form.cleaned_data["note"],
                )
                message = (
                    f"Das Interesse von {verwaltung.name} an „{dienst.title}“ ist gespeichert. "
                    "Alle Mitglieder Ihrer Verwaltung erhalten eine E-Mail, sobald der Dienst "
                    "bestellbar ist."
                )
        except services.InterestError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, message)
            return redirect(dienst.url or request.path)
    return render(
        request,
        "shop/interest/interest.html",
        {
            "dienst": dienst,
            "state": state,
            "form": form,
            "accepts_interest": selectors.dienst_accepts_interest(dienst=dienst),
        },
        status=400 if form.is_bound else 200,
    )
