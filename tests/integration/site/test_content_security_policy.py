"""Content-Security-Policy: no inline script without the response's nonce, no inline style or
event handler on the pages that visitors and municipal members see; the staff areas only get
'unsafe-inline' because Wagtail's and Oscar's admin need it."""

import re

import pytest
from django.urls import reverse

from tests.checkout import basket_add
from tests.factories import OzgLeistungFactory
from tests.factories import amt_with_gemeinden
from tests.factories import dienst_create
from tests.factories import member_create
from tests.factories import order_place
from tests.factories import terms_of_use_publish
from tests.pages import add_url
from tests.pages import profile_form
from tests.pages import service_page_create

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree_for_module")]

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.I)
NONCE = re.compile(r"""\snonce=["']([^"']+)["']""")
INLINE_STYLE = re.compile(r"""<[a-z][^>]*\sstyle\s*=""", re.I)
EVENT_HANDLER = re.compile(r"""<[a-z][^>]*\son[a-z]+\s*=""", re.I)


def policy(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    directives = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def assert_strict(response, *, frame_ancestors: str = "'none'") -> None:
    """The response's policy allows scripts from the site itself (and its nonce) only, and the
    page holds nothing the policy would block."""
    directives = policy(response)
    script_sources = directives["script-src"]
    assert "'unsafe-inline'" not in script_sources
    assert "'unsafe-eval'" not in script_sources
    assert directives["style-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == [frame_ancestors]
    assert directives["object-src"] == ["'none'"]
    html = response.content.decode()
    header_nonces = {source[len("'nonce-") : -1] for source in script_sources if "nonce-" in source}
    for attributes, _body in INLINE_SCRIPT.findall(html):
        if 'type="application/json"' in attributes or "type='application/json'" in attributes:
            continue  # data, never executed
        nonce = NONCE.search(attributes)
        assert nonce, f"{response.request['PATH_INFO']}: inline <script> without nonce"
        assert nonce.group(1) in header_nonces, "the script's nonce is not the header's"
    assert not INLINE_STYLE.search(html), INLINE_STYLE.search(html).group(0)
    assert not EVENT_HANDLER.search(html), EVENT_HANDLER.search(html).group(0)


@pytest.fixture
def site(page_tree):
    terms_of_use_publish()
    profile = service_page_create(parent=page_tree.service_index, title="Wohngeld")
    return page_tree, profile


@pytest.fixture
def member_with_order(db):
    amt = amt_with_gemeinden(count=2, name="Amt Hüttener Berge")
    member = member_create(verwaltung=amt)
    order = order_place(user=member, verwaltung=amt, dienste=[dienst_create(title="Wohngeld")])
    return member, order


def public_paths(page_tree, profile) -> list[str]:
    return [
        "/",
        "/dienste/",
        "/dienste/?q=Wohngeld&typ=online_dienst_efa",
        profile.url,
        *(page.url for page in page_tree.legal_pages.values()),
        reverse("basket:summary"),
        reverse("customer:login"),
        reverse("shop_accounts:register"),
        "/dienste/gibt-es-nicht/",
    ]


def test_public_pages_carry_a_strict_policy_and_nothing_it_blocks(client, site):
    page_tree, profile = site

    for path in public_paths(page_tree, profile):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert_strict(response)


def test_pages_without_inline_script_get_no_nonce(client, site):
    """Wagtail's pages (no inline script) have a policy without nonce, so that the same response
    may be served to everyone."""
    response = client.get("/dienste/")

    assert all("nonce-" not in source for source in policy(response)["script-src"])
    assert "nonce=" not in response.content.decode()


def test_oscar_pages_in_the_site_layout_run_no_inline_script(client, site):
    """The basket, sign-in and account pages use the site's layout, without Oscar's scripts."""
    response = client.get(reverse("basket:summary"))

    assert_strict(response)
    assert not INLINE_SCRIPT.search(response.content.decode())


def test_member_pages_carry_a_strict_policy(client, member_with_order):
    member, order = member_with_order
    client.force_login(member)
    basket_add(client, dienst_create(title="Elterngeld"))

    for path in (
        "/konto/meine-dienste/",
        reverse("shop_orders:order", kwargs={"number": order.number}),
        reverse("basket:summary"),
        reverse("shop_accounts:news"),
        reverse("shop_accounts:memberships"),
        reverse("customer:summary"),
        reverse("customer:profile-update"),
        reverse("customer:change-password"),
        reverse("customer:order-list"),
        reverse("checkout:index"),
    ):
        response = client.get(path, follow=True)
        assert response.status_code == 200, path
        assert_strict(response)


@pytest.mark.parametrize("path", ["/cms/", "/shop/dashboard/", "/django-admin/"])
def test_staff_areas_allow_inline_scripts_and_styles_without_nonce(admin_client, path):
    response = admin_client.get(path)

    directives = policy(response)
    assert response.status_code == 200
    assert "'unsafe-inline'" in directives["script-src"]
    assert "'unsafe-inline'" in directives["style-src"]
    assert all("nonce-" not in source for source in directives["script-src"])
    # Only previews may be framed (below).
    assert directives["frame-ancestors"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"


def test_the_preview_of_a_page_may_be_framed_by_the_editor_and_keeps_the_public_policy(
    admin_client, page_tree
):
    preview_url = f"{add_url(page_tree.service_index)}preview/"
    stored = admin_client.post(preview_url, profile_form(OzgLeistungFactory()))
    assert stored.json() == {"is_valid": True, "is_available": True}

    response = admin_client.get(preview_url, {"in_preview_panel": "true"})

    assert response.status_code == 200
    assert "Bewohnerparkausweis online" in response.content.decode()
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"
    assert_strict(response, frame_ancestors="'self'")


def test_the_published_page_may_not_be_framed(client, page_tree):
    response = client.get(page_tree.service_index.url)

    assert policy(response)["frame-ancestors"] == ["'none'"]
    assert response.headers["X-Frame-Options"] == "DENY"
