from oscar.apps.checkout import utils


class CheckoutSessionData(utils.CheckoutSessionData):
    """Oscar's checkout session plus what each municipal step captured, JSON-serialisable under
    one namespace, so that Oscar's `flush()` after the order removes it with the rest."""

    NAMESPACE = "ozg"

    def set_step_data(self, step: str, value) -> None:
        self._set(self.NAMESPACE, step, value)

    def get_step_data(self, step: str, default=None):
        return self._get(self.NAMESPACE, step, default)

    def forget_steps(self, *steps: str) -> None:
        for step in steps:
            self._unset(self.NAMESPACE, step)
