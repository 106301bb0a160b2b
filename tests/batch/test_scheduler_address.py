"""Where documents may be sent: a Dask scheduler address is checked before any connection,
and a settings file (repository content) may name one only on this computer."""

from __future__ import annotations

from pathlib import Path

import pytest

from agreement_check.batch.scheduler_address import is_loopback, parse_scheduler
from agreement_check.cli.settings import find_config, resolve
from agreement_check.cli.settings_file import SettingsFileError
from agreement_check.errors import UsageError


@pytest.mark.parametrize(
    ("given", "address"),
    [
        ("tcp://10.0.0.5:8786", "tcp://10.0.0.5:8786"),
        ("sweep.example.org:8786", "tcp://sweep.example.org:8786"),
        ("tls://[::1]:8786", "tls://[::1]:8786"),
    ],
)
def test_addresses_are_tcp_or_tls_with_a_port(given: str, address: str) -> None:
    assert parse_scheduler(given) == address


@pytest.mark.parametrize(
    "given", ["http://host:8786", "tcp://host", "tcp://host:port", "tcp://user@host:8786", "tcp://host:8786/x", ""]
)
def test_other_addresses_are_refused(given: str) -> None:
    with pytest.raises(UsageError, match="scheduler address"):
        parse_scheduler(given)


@pytest.mark.parametrize(
    ("address", "local"),
    [
        ("tcp://127.0.0.1:8786", True),
        ("tcp://127.3.2.1:8786", True),
        ("tcp://localhost:8786", True),
        ("tls://[::1]:8786", True),
        ("tcp://10.0.0.5:8786", False),
        ("tcp://localhost.example.org:8786", False),
        ("tcp://0.0.0.0:8786", False),
    ],
)
def test_loopback_is_this_computer_only(address: str, local: bool) -> None:
    assert is_loopback(address) is local


def settings_from(folder: Path, text: str):  # type: ignore[no-untyped-def]
    (folder / ".git").mkdir(exist_ok=True)
    (folder / ".agreement-check.toml").write_text(text, encoding="utf-8")
    return resolve({}, set(), find_config(folder, home=folder))[0]


def test_a_settings_file_may_name_a_scheduler_on_this_computer(tmp_path: Path) -> None:
    settings = settings_from(tmp_path, 'scheduler = "tcp://127.0.0.1:8786"\nscheduler-reads-paths = true\n')
    assert settings.scheduler == "tcp://127.0.0.1:8786"
    assert settings.scheduler_reads_paths is True


def test_a_settings_file_may_not_send_documents_elsewhere(tmp_path: Path) -> None:
    with pytest.raises(SettingsFileError, match=r":2: scheduler: tcp://203.0.113.9:8786 is not on this computer"):
        settings_from(tmp_path, 'pack = "auto"\nscheduler = "tcp://203.0.113.9:8786"\n')


def test_the_command_line_may_name_any_scheduler(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".agreement-check.toml").write_text('scheduler = "tcp://203.0.113.9:8786"\n', encoding="utf-8")
    with pytest.raises(SettingsFileError):
        resolve({}, set(), find_config(tmp_path, home=tmp_path))
    given = {"scheduler": "tcp://203.0.113.10:8786"}
    settings = resolve(given, {"scheduler"}, find_config(tmp_path, home=tmp_path))[0]
    assert settings.scheduler == "tcp://203.0.113.10:8786"


def test_a_bad_address_in_a_settings_file_is_shown_at_its_line(tmp_path: Path) -> None:
    with pytest.raises(SettingsFileError, match=r":1: scheduler: the Dask scheduler address must start"):
        settings_from(tmp_path, 'scheduler = "http://127.0.0.1:8786"\n')
