import pytest


@pytest.fixture
def page_tree(db):
    """The shop's fixed pages (home, /dienste/, legal pages), as seed_demo builds them."""
    from cms_pages.services import page_tree_ensure

    return page_tree_ensure()
