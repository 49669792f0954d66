"""What a public page type adds to its template context, registered apart from the models.

The builders read through the selectors, and the selectors query the models: were the models to
call them, each would import the other. So the models know only this registry, and
cms_pages.page_contexts registers a builder per page type when the app is ready.
"""

from collections.abc import Callable

Builder = Callable[..., dict]

_builders: dict[type, Builder] = {}


def page_context_builder(page_type: type) -> Callable[[Builder], Builder]:
    """Register the decorated `build(*, page, request) -> dict` for pages of `page_type`."""

    def register(build: Builder) -> Builder:
        _builders[page_type] = build
        return build

    return register


def page_context(*, page, request) -> dict:
    build = _builders.get(type(page))
    return build(page=page, request=request) if build else {}
