"""Oscar's dynamic class loader with a few classes swapped for ours.

Forking Oscar's partner app to replace its strategy module would make Oscar's partner models and
migrations ours to carry; Oscar's documented loader hook replaces just the class.
"""

from importlib import import_module

from oscar.core.loading import default_class_loader

# (Oscar's module, our module): the classes of Oscar's module that ours replaces.
REPLACEMENTS = {
    ("partner.strategy", "oscar_overrides.strategy"): ("Selector",),
    ("basket.views", "oscar_overrides.basket_views"): ("BasketView",),
    ("customer.views", "oscar_overrides.customer_views"): (
        "AccountAuthView",
        "AccountRegistrationView",
        "OrderHistoryView",
        "OrderDetailView",
        "OrderLineView",
        "LogoutView",
    ),
    ("communication.utils", "oscar_overrides.communication"): ("Dispatcher",),
    ("dashboard.communications.forms", "oscar_overrides.dashboard.comms_forms"): (
        "CommunicationEventTypeForm",
    ),
    ("customer.forms", "oscar_overrides.customer_forms"): (
        "PasswordResetForm",
        "ProfileForm",
        "EmailAuthenticationForm",
    ),
}
REPLACED_CLASSES = {
    (module_label, name): ours
    for (module_label, ours), names in REPLACEMENTS.items()
    for name in names
}


def class_loader(module_label, classnames, module_prefix):
    classes = default_class_loader(module_label, classnames, module_prefix)
    return [
        getattr(import_module(REPLACED_CLASSES[(module_label, name)]), name)
        if (module_label, name) in REPLACED_CLASSES
        else found
        for name, found in zip(classnames, classes, strict=True)
    ]
