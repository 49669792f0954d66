"""docs/deployment.md names only commands that CI runs (.ci/run, .ci/deployment-smoke)."""

import re

from tests import PROJECT_ROOT

GUIDE = PROJECT_ROOT / "docs" / "deployment.md"
CI_SCRIPTS = (PROJECT_ROOT / ".ci" / "run", PROJECT_ROOT / ".ci" / "deployment-smoke")
SH_BLOCK = re.compile(r"```sh\n(.*?)```", re.DOTALL)
# systemd units start the same commands from the project directory.
EXEC_START = re.compile(r"^ExecStart=/srv/ozg-shop/(.+)$", re.MULTILINE)


def guide_commands() -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    commands = [
        line.strip()
        for block in SH_BLOCK.findall(text)
        for line in block.splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    commands += EXEC_START.findall(text)
    commands += re.findall(r"`ExecStart=/srv/ozg-shop/([^`]+)`", text)
    return commands


def ci_lines() -> list[str]:
    return [line.strip() for script in CI_SCRIPTS for line in script.read_text().splitlines()]


def test_the_guide_has_commands_for_every_part_of_operations():
    commands = " ".join(guide_commands())

    for part in (
        "make install",
        "manage.py migrate",
        "collectstatic",
        "check --deploy",
        "setup_site",
        "gunicorn",
        "db_worker",
        "import_gemeindeverzeichnis",
        "pg_dump",
        "pg_restore",
        "tar -czf",
        "tar -xzf",
    ):
        assert part in commands, part


def test_every_command_of_the_guide_is_run_by_ci():
    lines = ci_lines()

    missing = [
        command
        for command in guide_commands()
        if not any(line == command or line.startswith(command + " ") for line in lines)
    ]

    assert not missing, f"In docs/deployment.md, aber nicht in CI: {missing}"


def test_ci_runs_the_deployment_smoke_script():
    assert "bash .ci/deployment-smoke" in (PROJECT_ROOT / ".ci" / "run").read_text()
