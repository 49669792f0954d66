"""The dashboard's start page as the fulfilment workbench (shop.orders.staff.workbench_for_staff)
instead of Oscar's shop statistics (sales, customers, stock, vouchers)."""

from django.views.generic import TemplateView

from shop.orders import staff


class IndexView(TemplateView):
    template_name = "oscar/dashboard/index.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        # Staff without the right to see orders reach the start page, but no order data.
        if self.request.user.has_perm("order.view_order"):
            ctx["workbench"] = staff.workbench_for_staff()
        return ctx
