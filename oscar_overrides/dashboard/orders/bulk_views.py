"""The fulfilment staff's bulk rollout page "Mehrere Positionen umstellen": filter the lines,
select them, choose the new status (and the live addresses), check the preview, confirm.
Delegates to shop.orders.bulk; who may use it is declared in apps.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from shop.orders import bulk
from shop.orders.pipeline import ended_statuses

from .forms import BulkChangeForm, BulkFilterForm

TEMPLATE = "oscar/dashboard/orders/bulk_rollout.html"


def _line_ids(request: HttpRequest) -> list[int]:
    return [int(pk) for pk in request.POST.getlist("selected_line") if pk.isdigit()]


@require_http_methods(["GET", "POST"])
def bulk_rollout(request: HttpRequest) -> HttpResponse:
    filter_form = BulkFilterForm(request.GET or None)
    change_form = BulkChangeForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and request.POST.get("action") == "confirm":
        try:
            selection = bulk.bulk_selection_load(token=request.POST.get("selection", ""))
            events = bulk.bulk_lines_status_change(user=request.user, **selection)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(
                request,
                f"{len(events)} Positionen auf „{selection['new_status']}“ gesetzt. "
                "Die Kommunen werden per E-Mail informiert (eine E-Mail je Bestellung).",
            )
            return redirect(request.get_full_path())
    elif request.method == "POST":
        line_ids = _line_ids(request)
        if change_form.is_valid():
            data = change_form.cleaned_data
            try:
                services, urls = bulk.bulk_request_check(
                    line_ids=line_ids,
                    new_status=data["new_status"],
                    form_urls={pk: request.POST.get(f"url_{pk}", "") for pk in line_ids},
                    csv_content=data["csv_file"].read() if data["csv_file"] else None,
                    reason=data["reason"],
                )
            except ValidationError as error:
                problems = error.messages
            else:
                token = bulk.bulk_selection_sign(
                    line_ids=line_ids,
                    new_status=data["new_status"],
                    urls=urls,
                    reason=data["reason"],
                )
                return render(
                    request,
                    TEMPLATE,
                    {
                        "preview": services,
                        "urls": urls,
                        "new_status": data["new_status"],
                        "reason": data["reason"],
                        "selection": token,
                    },
                )
        else:
            problems = [error for errors in change_form.errors.values() for error in errors]
    services = bulk.bulk_lines_list(filters=filter_form.filters())
    capped = len(services) > bulk.BULK_LIMIT
    services = services[: bulk.BULK_LIMIT]
    if request.method == "POST":
        # A refused request shows the person's own selection again, not a new one.
        selected = set(_line_ids(request))
    else:
        ended = ended_statuses()
        selected = {service.line_id for service in services if service.line.status not in ended}
    return render(
        request,
        TEMPLATE,
        {
            "filter_form": filter_form,
            "change_form": change_form,
            "services": services,
            "selected": selected,
            "capped": capped,
            "limit": bulk.BULK_LIMIT,
            "problems": problems,
            "posted_urls": {
                key.removeprefix("url_"): value
                for key, value in request.POST.items()
                if key.startswith("url_")
            },
        },
    )
