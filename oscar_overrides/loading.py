"""Oscar's dynamic class loader with a few classes swapped for ours.

Forking Oscar's partner app to replace its strategy module would make Oscar's partner models and
migrations ours to carry; Oscar's documented loader hook replaces just the class.
"""

from importlib import import_module

from oscar.core.loading import default_class_loader

REPLACED_CLASSES = {
    ("partner.strategy", "Selector"): "oscar_overrides.strategy",
    ("basket.views", "BasketView"): "oscar_overrides.basket_views",
    ("customer.views", "AccountAuthView"): "oscar_overrides.customer_views",
    ("customer.views", "AccountRegistrationView"): "oscar_overrides.customer_views",
    ("customer.views", "OrderHistoryView"): "oscar_overrides.customer_views",
    ("customer.views", "OrderDetailView"): "oscar_overrides.customer_views",
    ("customer.views", "OrderLineView"): "oscar_overrides.customer_views",
    ("communication.utils", "Dispatcher"): "oscar_overrides.communication",
    ("customer.views", "LogoutView"): "oscar_overrides.customer_views",
    ("customer.forms", "PasswordResetForm"): "oscar_overrides.customer_forms",
    ("customer.forms", "ProfileForm"): "oscar_overrides.customer_forms",
    ("customer.forms", "EmailAuthenticationForm"): "oscar_overrides.customer_forms",
}


def class_loader(module_label, classnames, module_prefix):
    classes = default_class_loader(module_label, classnames, module_prefix)
    return [
        getattr(import_module(REPLACED_CLASSES[(module_label, name)]), name)
        if (module_label, name) in REPLACED_CLASSES
        else found
        for name, found in zip(classnames, classes, strict=True)
    ]
