"""Which Chromium the browser tests and `make screenshots` launch (`playwright install` cannot
download browsers here): Debian's chromium-headless-shell, the headless build that Playwright
itself runs headless, at half the CPU of the full browser; else the full /usr/bin/chromium."""

from pathlib import Path

CHROMIUM_BUILDS = (Path("/usr/bin/chromium-headless-shell"), Path("/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CHROMIUM_MISSING = "Chromium fehlt: apt-get install chromium-headless-shell"


def chromium_executable_find() -> Path | None:
    return next((build for build in CHROMIUM_BUILDS if build.exists()), None)
