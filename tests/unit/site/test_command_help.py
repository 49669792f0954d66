"""Every management command of the project answers `--help` (argparse formats each help text
with %, so a German "5 % der" in one of them broke it)."""

import pytest
from django.core.management import get_commands
from django.core.management import load_command_class

PROJECT_APPS = ("shop", "ozg_site", "cms_pages", "oscar_overrides")

COMMANDS = sorted(
    (app, name) for name, app in get_commands().items() if app.split(".")[0] in PROJECT_APPS
)


def test_the_project_has_its_commands():
    names = {name for _app, name in COMMANDS}
    assert {"import_ozg_katalog", "import_gemeindeverzeichnis", "seed_demo"} <= names


@pytest.mark.parametrize(("app", "name"), COMMANDS, ids=[name for _app, name in COMMANDS])
def test_help_is_printed(app, name):
    parser = load_command_class(app, name).create_parser("manage.py", name)

    text = parser.format_help()

    assert text.startswith(f"usage: manage.py {name}")
    assert parser.description
