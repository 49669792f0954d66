"""Oscar's customer forms where the shop's rules differ."""

from oscar.apps.customer import forms

from shop.accounts.forms import PasswordResetMailMixin


class PasswordResetForm(PasswordResetMailMixin, forms.PasswordResetForm):
    confirm_view_name = "password-reset-confirm"


class ProfileForm(forms.UserForm):
    """Name only: the sign-in address changes after the new one is confirmed
    (shop_accounts:email_change)."""

    class Meta(forms.UserForm.Meta):
        fields = ["first_name", "last_name"]
