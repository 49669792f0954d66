"""The municipal checkout: Oscar's session, pre-conditions and order placement, with the steps
Verwaltung, Gemeinden, Ansprechpersonen, Starttermin and Vereinbarungen instead of shipping and
payment. What is entered is kept in the checkout session; the shop's services check all of it
again when the order is placed (oscar_overrides never decides what is valid on its own)."""

import datetime
import logging
from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.views import generic
from oscar.apps.checkout import exceptions
from oscar.apps.checkout import views as oscar_views
from oscar.core.loading import get_class

from shop.accounts.selectors import verwaltungen_user_may_order_for
from shop.agreements.selectors import agreements_required_for, requires_data_protection_contact
from shop.dienste.responsibility import responsibility_validate
from shop.http import client_address
from shop.models import AgreementVersion, ContactRole, Dienst, Gemeinde
from shop.orders import selectors as order_selectors
from shop.orders import services as order_services
from shop.oscar_models import Order

from .forms import ContactsForm, PlaceOrderForm
from .steps import STEPS, step_after, step_conditions, step_get, steps_after

CheckoutSessionMixin = get_class("checkout.session", "CheckoutSessionMixin")
NoShippingRequired = get_class("shipping.methods", "NoShippingRequired")

logger = logging.getLogger("oscar.checkout")


class MunicipalCheckoutMixin(CheckoutSessionMixin):
    """What every step knows: the person's Verwaltung, the chosen Gemeinden, the basket's
    services; and a pre-condition per step, so that no step can be reached before the ones it
    builds on (a tampered or outdated session sends the person back to the step to redo)."""

    step = ""  # its name in steps.STEPS, set by apps.py for each step's URL
    # Whether the person may order at all comes before the lines: one message, not one a line.
    base_conditions = ("check_basket_is_not_empty", "check_user_may_order", "check_basket_is_valid")

    def get_pre_conditions(self, request):
        return [*self.base_conditions, *step_conditions(self.step)]

    # What the steps captured

    @cached_property
    def verwaltungen(self):
        return verwaltungen_user_may_order_for(user=self.request.user).select_related("kreis")

    @cached_property
    def verwaltung(self):
        chosen = self.checkout_session.get_step_data("verwaltung")
        if chosen is None:
            return None
        return next((v for v in self.verwaltungen if v.pk == chosen), None)

    @cached_property
    def selectable_gemeinden(self) -> list[Gemeinde]:
        return order_selectors.gemeinden_for_ordering(verwaltung=self.verwaltung)

    @property
    def goes_through_verwaltung(self) -> bool:
        """A member of one Verwaltung has nothing to choose: it is chosen for them."""
        return len(self.verwaltungen) > 1

    @property
    def goes_through_gemeinden(self) -> bool:
        """Until the Verwaltung is chosen, the Gemeinden step may yet come."""
        return self.verwaltung is None or self.has_gemeinden_to_choose

    @property
    def has_gemeinden_to_choose(self) -> bool:
        """A Kreis orders for itself; a kreisfreie Stadt or amtsfreie Gemeinde for its one
        Gemeinde: only an Amt (or Kirchspielslandgemeinde) chooses."""
        return len(self.selectable_gemeinden) > 1

    @cached_property
    def gemeinden(self) -> list[Gemeinde] | None:
        if not self.has_gemeinden_to_choose:
            return self.selectable_gemeinden
        chosen = self.checkout_session.get_step_data("gemeinden")
        if chosen is None:
            return None
        by_pk = {gemeinde.pk: gemeinde for gemeinde in self.selectable_gemeinden}
        return [by_pk[pk] for pk in chosen if pk in by_pk] or None

    @cached_property
    def dienste(self) -> list[Dienst]:
        product_ids = [line.product_id for line in self.request.basket.all_lines()]
        by_product = {d.product_id: d for d in Dienst.objects.filter(product_id__in=product_ids)}
        return [by_product[pk] for pk in product_ids if pk in by_product]

    @cached_property
    def agreement_versions(self) -> list[AgreementVersion]:
        return agreements_required_for(dienste=self.dienste)

    @property
    def data_protection_required(self) -> bool:
        return requires_data_protection_contact(versions=self.agreement_versions)

    def plan_for(self, gemeinden):
        return order_selectors.order_plan(
            verwaltung=self.verwaltung, gemeinden=gemeinden, dienste=self.dienste
        )

    @property
    def schedule(self) -> dict | None:
        return self.checkout_session.get_step_data("schedule")

    # Pre-conditions, in the order of the steps

    @staticmethod
    def _holds(validate, *, otherwise: str, tell: bool = True, **kwargs) -> None:
        """Run one of the shop's rules; if it refuses, send the person to the page named
        `otherwise`, with the rule's messages if `tell`."""
        try:
            validate(**kwargs)
        except ValidationError as error:
            raise exceptions.FailedPreCondition(
                url=reverse(otherwise), messages=error.messages if tell else []
            ) from None

    def check_user_may_order(self, request):
        self._holds(order_services.ordering_validate, otherwise="basket:summary", user=request.user)

    def check_verwaltung_is_chosen(self, request):
        if self.verwaltung is None:
            raise exceptions.FailedPreCondition(url=reverse("checkout:verwaltung"))

    def check_verwaltung_is_responsible(self, request):
        self._holds(
            responsibility_validate,
            # A member of one Verwaltung chose nothing: only the basket can change.
            otherwise="checkout:verwaltung" if self.goes_through_verwaltung else "basket:summary",
            verwaltung=self.verwaltung,
            dienste=self.dienste,
        )

    def check_gemeinden_are_chosen(self, request):
        if self.gemeinden is None:
            raise exceptions.FailedPreCondition(url=reverse("checkout:gemeinden"))
        self._holds(
            order_services.plan_validate,
            # Where there is nothing to choose, only the basket can change.
            otherwise="checkout:gemeinden" if self.has_gemeinden_to_choose else "basket:summary",
            plan=self.plan_for(self.gemeinden),
        )

    def check_contacts_are_captured(self, request):
        self._holds(
            order_services.contacts_validate,
            otherwise="checkout:contacts",
            tell=False,  # the contacts page shows what is missing at its fields
            contacts=self._contact_data(self.checkout_session.get_step_data("contacts") or {}),
            data_protection_required=self.data_protection_required,
        )

    def check_schedule_is_captured(self, request):
        if self.schedule is None:
            raise exceptions.FailedPreCondition(url=reverse("checkout:schedule"))

    def check_agreements_have_current_versions(self, request):
        self._holds(
            order_services.agreements_publishable_validate,
            otherwise="basket:summary",
            dienste=self.dienste,
        )

    def check_agreements_are_accepted(self, request):
        self._holds(
            order_services.agreements_validate,
            otherwise="checkout:agreements",
            dienste=self.dienste,
            accepted_ids=set(self.accepted_version_ids),
        )

    @property
    def accepted_version_ids(self) -> list[int]:
        return self.checkout_session.get_step_data("agreements") or []

    @staticmethod
    def _contact_data(contacts: dict) -> list[order_services.ContactData]:
        return [
            order_services.ContactData(
                role=role,
                name=values.get("name", ""),
                email=values.get("email", ""),
                phone=values.get("phone", ""),
            )
            for role, values in contacts.items()
        ]

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        taken = [step for step in STEPS if not step.only_if or getattr(self, step.only_if)]
        current = next(i for i, step in enumerate(taken) if step.name == self.step)
        ctx["steps"] = [
            {
                "number": i + 1,
                "label": step.label,
                "url": reverse(step.url_name),
                "state": "current" if i == current else ("done" if i < current else "todo"),
            }
            for i, step in enumerate(taken)
        ]
        ctx["step_number"] = current + 1
        ctx["step_label"] = taken[current].label
        ctx["step_heading"] = taken[current].heading
        # Where a step's choice decides the way on (resets_later), its button names no goal.
        if current + 1 < len(taken) and not taken[current].resets_later:
            ctx["next_step"] = taken[current + 1]
        ctx["verwaltung"] = self.verwaltung
        ctx["dienste"] = self.dienste
        return ctx


class StepFormView(MunicipalCheckoutMixin, generic.FormView):
    """A step with a form of its own, declared in steps.STEPS: the form is built with the view's
    properties the step names, starts from what the step captured before, and keeps what it
    captures; then the person goes on to the next step."""

    def get_form_class(self):
        return get_class("checkout.forms", step_get(self.step).form)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            **{name: getattr(self, name) for name in step_get(self.step).form_kwargs},
        }

    def get_initial(self):
        captured = self.checkout_session.get_step_data(self.step)
        return {} if captured is None else self.get_form_class().initial_from(captured)

    def get_template_names(self):
        return [f"oscar/checkout/step_{self.step}.html", "oscar/checkout/step_form.html"]

    def get_success_url(self):
        return reverse(step_after(self.step).url_name)

    def form_valid(self, form):
        self.step_data_set(form.step_value())
        return super().form_valid(form)

    def step_data_set(self, value) -> None:
        """Keep what the step captured; where the step `resets_later` and the value changed,
        forget what every later step captured."""
        step = step_get(self.step)
        if step.resets_later and self.checkout_session.get_step_data(step.name) != value:
            self.checkout_session.forget_steps(*(later.name for later in steps_after(step.name)))
        self.checkout_session.set_step_data(step.name, value)


class IndexView(oscar_views.IndexView):
    """Anonymous people never get here (login required); signed-in people start with the
    Verwaltung."""

    success_url = reverse_lazy("checkout:verwaltung")


class VerwaltungView(StepFormView):
    """A member of one Verwaltung skips the step: it is chosen for them."""

    def get(self, request, *args, **kwargs):
        if not self.goes_through_verwaltung and self.verwaltungen:
            self.step_data_set(self.verwaltungen[0].pk)
            return redirect(self.get_success_url())
        return super().get(request, *args, **kwargs)


class GemeindenView(StepFormView):
    skip_conditions = ["skip_unless_gemeinden_to_choose"]

    def skip_unless_gemeinden_to_choose(self, request):
        if self.verwaltung is not None and not self.has_gemeinden_to_choose:
            raise exceptions.PassedSkipCondition(url=self.get_success_url())

    # "Alle auswählen" and "Keine auswählen" are links: the page again, all or none ticked.
    SELECT = "auswahl"
    SELECT_ALL = "alle"
    SELECT_NONE = "keine"

    @cached_property
    def already_ordered(self) -> dict[int, list[str]]:
        """Per Gemeinde id the titles of the basket's services already ordered or live there."""
        already_ordered: dict[int, list[str]] = {}
        for planned in self.plan_for(self.selectable_gemeinden):
            for gemeinde in planned.already_ordered:
                already_ordered.setdefault(gemeinde.pk, []).append(planned.dienst.title)
        return already_ordered

    @cached_property
    def ordered_everything(self) -> set[int]:
        """The Gemeinden for which every service in the basket is already ordered or live."""
        return {
            pk for pk, titles in self.already_ordered.items() if len(titles) == len(self.dienste)
        }

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "gemeinden": self.selectable_gemeinden,
            "plan_for": self.plan_for,
            "already_ordered": self.already_ordered,
            "ordered_everything": self.ordered_everything,
        }

    def get_initial(self):
        select = self.request.GET.get(self.SELECT)
        if select == self.SELECT_NONE:
            chosen = []
        elif select == self.SELECT_ALL:
            chosen = self.selectable_gemeinden
        else:
            chosen = self.gemeinden or self.selectable_gemeinden
        return {"gemeinden": [g for g in chosen if g.pk not in self.ordered_everything]}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "select_all": f"?{self.SELECT}={self.SELECT_ALL}",
            "select_none": f"?{self.SELECT}={self.SELECT_NONE}",
        }


class ContactsView(StepFormView):
    """The first time, the contacts of the Verwaltung's last order are offered."""

    def get_initial(self):
        if self.checkout_session.get_step_data(self.step) is None:
            return ContactsForm.initial_from(
                order_selectors.contacts_from_previous_order(verwaltung=self.verwaltung)
            )
        return super().get_initial()

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["prefilled"] = self.checkout_session.get_step_data(self.step) is None and any(
            ctx["form"].initial.values()
        )
        return ctx


class AgreementsView(StepFormView):
    def form_valid(self, form):
        # A service is never shipped: Oscar's preview expects the (free) method to be chosen.
        self.checkout_session.use_shipping_method(NoShippingRequired().code)
        return super().form_valid(form)


class PaymentDetailsView(MunicipalCheckoutMixin, oscar_views.PaymentDetailsView):
    """Oscar's preview and order placement. Only the preview URL is used: there is no payment.
    Placing writes the Oscar order and the shop's order details in one transaction."""

    step = "preview"  # Oscar's own URL, not one of apps.py's
    template_name_preview = "oscar/checkout/preview.html"

    def dispatch(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().dispatch(request, *args, **kwargs)

    def get_pre_conditions(self, request):
        return ["check_order_not_already_placed", *super().get_pre_conditions(request)]

    def get_skip_conditions(self, request):
        return []

    def check_order_not_already_placed(self, request):
        """A second click, a reload or a second tab after the order was placed shows the order
        placed. The posted review names its basket, so the order is found even when this
        request read the session before the first click's request stored the order in it."""
        reviewed_basket = (
            PlaceOrderForm(data=request.POST).reviewed_basket_id()
            if request.method == "POST"
            else None
        )
        placed = reviewed_basket and order_selectors.order_placed_from_basket(
            user=request.user, basket_id=reviewed_basket
        )
        if placed:
            self._remember(placed)
        if placed or (request.basket.is_empty and request.session.get("checkout_order_id")):
            raise exceptions.FailedPreCondition(
                url=reverse("checkout:thank-you"), message=order_services.ORDER_ALREADY_PLACED
            )

    def _remember(self, order) -> None:
        """Point the thank-you page at the order. This request's session may predate the one
        that placed the order, and the session saved last wins: so this one, too, forgets the
        finished checkout's steps."""
        self.checkout_session.flush()
        self.request.session["checkout_order_id"] = order.pk

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["plan"] = self.plan_for(self.gemeinden or [])
        contacts = self.checkout_session.get_step_data("contacts") or {}
        ctx["contacts"] = [
            {"label": role.label, **contacts[role.value]}
            for role in ContactRole
            if role.value in contacts
        ]
        ctx["wished_start_date"] = datetime.date.fromisoformat(self.schedule["wished_start_date"])
        ctx["remarks"] = self.schedule.get("remarks", "")
        ctx["agreement_versions"] = self.agreement_versions
        ctx["place_order_form"] = PlaceOrderForm.for_review(
            basket_id=self.request.basket.pk, plan=ctx["plan"]
        )
        return ctx

    def order_submission(self, *, confirmed_plan) -> order_services.OrderSubmission:
        """What the steps captured, as the shop's order_place takes it."""
        return order_services.OrderSubmission(
            user=self.request.user,
            verwaltung=self.verwaltung,
            gemeinden=tuple(self.gemeinden or ()),
            contacts=tuple(self._contact_data(self.checkout_session.get_step_data("contacts"))),
            wished_start_date=datetime.date.fromisoformat(self.schedule["wished_start_date"]),
            remarks=self.schedule.get("remarks", ""),
            accepted_version_ids=tuple(self.accepted_version_ids),
            ip_address=client_address(self.request),
            confirmed_plan=confirmed_plan,
        )

    def handle_place_order_submission(self, request):
        review = PlaceOrderForm(data=request.POST)
        if not review.is_valid():
            return self.render_preview(request, error=PlaceOrderForm.REVIEW_INCOMPLETE)
        submission = self.order_submission(confirmed_plan=review.cleaned_data["shown_plan"])
        try:
            order = order_services.order_place(submission=submission, basket=request.basket)
        except order_services.OrderAlreadyPlaced as placed:
            if placed.order is not None:
                self._remember(placed.order)
            messages.info(request, str(placed))
            return redirect("checkout:thank-you")
        except ValidationError as error:
            return self._refused(" ".join(error.messages))
        except order_services.OrderConflict as error:
            return self._refused(str(error))
        return self.handle_successful_order(order)

    def _refused(self, message: str):
        logger.info("Basket #%s: order refused (%s)", self.request.basket.pk, message)
        return self.render_preview(self.request, error=message)

    def send_order_placed_email(self, order):
        """Nothing to send here: order_place mailed the confirmation with the order."""


class ThankYouView(oscar_views.ThankYouView):
    """The confirmation page, with what the shop recorded for the order."""

    def get_context_data(self, *args, **kwargs):
        ctx = super().get_context_data(*args, **kwargs)
        try:
            ctx["order"] = order_selectors.order_get_for_user(
                user=self.request.user, number=self.object.number
            )
        except Order.DoesNotExist:
            raise Http404 from None
        return ctx
