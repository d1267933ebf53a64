"""The one error boundary: library errors become one line and an exit status, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest

from contractkit import cli as cli_module
from contractkit.errors import DealInvalid, UnreadableInput


@pytest.fixture
def boom_command(monkeypatch):
    """Register a throwaway subcommand that raises what the test asks for."""
    holder: dict[str, BaseException] = {}

    @click.command()
    def boom() -> None:
        raise holder["exc"]

    monkeypatch.setattr(
        cli_module.LazyGroup, "get_command", lambda self, ctx, name: boom if name == "boom" else None
    )
    monkeypatch.setattr(cli_module.LazyGroup, "list_commands", lambda self, ctx: ["boom"])
    return holder


def test_unreadable_input_exits_2_with_one_line(boom_command, capsys):
    boom_command["exc"] = UnreadableInput("not a zip file", path="a.docx", hint="save it again as .docx")
    assert cli_module.main(["boom"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == "error: a.docx: not a zip file — save it again as .docx"


def test_invalid_data_exits_1(boom_command, capsys):
    boom_command["exc"] = DealInvalid(["/buyer/name: 必填"], path="deal.json")
    assert cli_module.main(["boom"]) == 1
    assert "deal.json" in capsys.readouterr().err


def test_unexpected_error_is_logged_not_shown(boom_command, capsys):
    boom_command["exc"] = ZeroDivisionError("division by zero")
    assert cli_module.main(["boom"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "internal error: ZeroDivisionError" in err
    log = err.split("details in ")[1].split(";")[0]
    with open(log, encoding="utf-8") as fh:
        assert "Traceback" in fh.read()


def test_ctrl_c_exits_130(boom_command, capsys):
    boom_command["exc"] = KeyboardInterrupt()
    assert cli_module.main(["boom"]) == 130


def test_usage_error_exits_2(capsys):
    assert cli_module.main(["no-such-command"]) == 2


def test_help_and_version_are_fast_imports():
    """--help must not import the heavy document stack (it would cost ~250 ms)."""
    code = (
        "import sys; from contractkit.cli import main; main(['--help']);"
        "heavy = [m for m in ('docx', 'docxtpl', 'pdfplumber', 'pypdfium2', 'opencc', 'jsonschema', 'lxml')"
        " if m in sys.modules]; print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "HEAVY []" in out
    assert "validate" in out or "Commands" in out or "Usage" in out
