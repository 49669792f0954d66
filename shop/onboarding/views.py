"""The members' page of a line's checklist under Meine Dienste ("Noch benötigte Angaben"), and
the permission-checked download of an uploaded file for members and fulfilment. Delegates to
shop.onboarding.selectors and .services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from shop.models import ENDED_STATUSES
from shop.orders import changes
from shop.orders import selectors as order_selectors

from . import selectors, services
from .forms import OnboardingForm


def _line(request: HttpRequest, number: str, line_id: int):
    """The order record and the state of its line `line_id`, for an approved member of the
    order's Verwaltung; else 404."""
    try:
        record = order_selectors.order_record_for_user(user=request.user, number=number)
    except order_selectors.Order.DoesNotExist as error:
        raise Http404("Keine Bestellung Ihrer Verwaltungen mit dieser Nummer.") from error
    for service in record.services:
        if service.line.pk == line_id and service.ordered_service is not None:
            return record, service
    raise Http404("Kein Dienst dieser Bestellung.")


@require_http_methods(["GET", "POST"])
@login_required
def onboarding(request: HttpRequest, number: str, line_id: int) -> HttpResponse:
    """The data the service needs before setup, per Verwaltung and per Gemeinde where the field
    says so. Members with ordering rights fill it in while the service is not ended; reading
    members see it (a POST of theirs gets 403)."""
    record, service = _line(request, number, line_id)
    state = selectors.onboarding_state(ordered_service=service.ordered_service)
    if not state.has_checklist:
        raise Http404("Für diesen Dienst werden keine Angaben benötigt.")
    may_edit = service.status not in ENDED_STATUSES and changes.may_change_orders(
        user=request.user, verwaltung=record.verwaltung
    )
    if request.method == "POST" and not may_edit:
        return render(request, "403.html", {"refusal": changes.READ_ONLY}, status=403)
    form = OnboardingForm(request.POST or None, request.FILES or None, state=state)
    if request.method == "POST" and form.is_valid():
        try:
            state = services.onboarding_answers_save(
                ordered_service=service.ordered_service, user=request.user, values=form.values()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                "Ihre Angaben sind gespeichert. "
                + (
                    "Alle Pflichtangaben liegen vor; das Umsetzungsteam kann den Dienst einrichten."
                    if state.is_complete
                    else f"Es fehlen noch {len(state.missing)} Pflichtangabe(n)."
                ),
            )
            return redirect(request.path)
    return render(
        request,
        "shop/onboarding/onboarding_form.html",
        {
            "record": record,
            "service": service,
            "state": state,
            "form": form,
            "may_edit": may_edit,
        },
    )


@require_GET
@login_required
def onboarding_file(request: HttpRequest, number: str, line_id: int, answer_id: int):
    """An uploaded file, streamed from the private storage as a download: for approved members
    of the line's Verwaltung and fulfilment staff; 404 for everybody else."""
    answer = selectors.onboarding_answer_for_reader(
        user=request.user, answer_id=answer_id, line_id=line_id, number=number
    )
    if answer is None:
        raise Http404("Keine Datei Ihrer Verwaltungen.")
    try:
        handle = answer.file.storage.open(answer.file.name, "rb")
    except FileNotFoundError as error:
        raise Http404("Die Datei ist nicht mehr vorhanden.") from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=answer.file_name or "datei",
        content_type=answer.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
