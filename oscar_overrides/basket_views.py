"""Oscar's basket page, reading the product classes and services of all lines at once: Oscar
asks each line's product whether it needs shipping, and each line links to its service's profile
(`Dienst.url`) rather than to Oscar's product page; each would otherwise cost a query per line."""

from django.db.models import prefetch_related_objects
from oscar.apps.basket import views


class BasketView(views.BasketView):
    def get_queryset(self):
        lines = super().get_queryset()
        prefetch_related_objects([line.product for line in lines], "product_class", "ozg_dienst")
        return lines
