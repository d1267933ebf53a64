"""Settings: defaults from legal-basis.md, TOML loading, clear errors for bad config."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from contractkit.config import Settings, find_config, load_settings
from contractkit.errors import ConfigError


def test_defaults_match_legal_basis():
    s = Settings()
    assert s.lpr_1y == Decimal("3.0") and s.lpr_date == dt.date(2025, 5, 20)
    assert s.rate_cap_annual == Decimal("12.0")  # 4 × LPR
    assert s.deposit_max_percent == Decimal("20")  # 民法典 586
    assert s.objection_period_months == (12, 24)
    assert Decimal("13") in s.vat_rates and Decimal("17") in s.obsolete_vat_rates


def test_contractkit_toml_is_found_upwards(tmp_path, monkeypatch):
    (tmp_path / "contractkit.toml").write_text('lpr_1y = 3.1\nignore = ["subject"]\n', encoding="utf-8")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    monkeypatch.chdir(sub)
    assert find_config() == tmp_path / "contractkit.toml"
    s = load_settings()
    assert s.lpr_1y == Decimal("3.1")  # a TOML float keeps its written digits
    assert s.ignore == ("subject",)


def test_pyproject_tool_table(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.contractkit]\nrate-cap-multiple = 3\n'
        'severity = { "penalty" = "error" }\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    s = load_settings()
    assert s.rate_cap_multiple == 3 and s.rate_cap_annual == Decimal("9.0")
    assert s.severity == {"penalty": "error"}


def test_overrides_win_and_none_is_ignored(tmp_path):
    cfg = tmp_path / "contractkit.toml"
    cfg.write_text('fail_on = "error"\n', encoding="utf-8")
    assert load_settings(cfg, fail_on=None).fail_on == "error"
    assert load_settings(cfg, fail_on="info").fail_on == "info"


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("lpr = 3\n", "unknown setting 'lpr'"),
        ('lpr_1y = "three"\n', "lpr_1y"),
        ('lpr_date = "2025-13-01"\n', "lpr_date"),
        ("max_input_mb = 1.5\n", "max_input_mb"),
        ("lpr_1y = \n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path, text, needle):
    cfg = tmp_path / "contractkit.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(cfg)
    assert needle in str(exc.value)
    assert str(cfg) in str(exc.value)


def test_missing_config_file_named_explicitly(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_bad_number_message_is_readable(tmp_path):
    cfg = tmp_path / "contractkit.toml"
    cfg.write_text('lpr_1y = "x"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(cfg)
    assert "expected a number" in str(exc.value) and "ConversionSyntax" not in str(exc.value)
