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
    assert s.rate_warn_annual is None  # no practice band: above 4 × LPR is a warning (the labelled clauses)
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


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('severity = {"penalty/no-cap" = "fatal"}\n', "severity"),
        ('fail_on = "catastrophic"\n', "fail_on"),
        ("fail_on = 1\n", "fail_on"),
        ('lang = "fr"\n', "lang"),
        ("lpr_1y = 0\n", "lpr_1y"),
        ("lpr_1y = -1.5\n", "lpr_1y"),
        ("lpr_1y = 1e308\n", "lpr_1y"),
        ("rate_cap_multiple = 0\n", "rate_cap_multiple"),
        ("rate_warn_annual = 0\n", "rate_warn_annual"),
        ('rate_warn_annual = "high"\n', "rate_warn_annual"),
        ("rate_warn_annual = 400\n", "rate_warn_annual"),
        ("max_input_mb = 0\n", "max_input_mb"),
        ('max_input_mb = "10"\n', "max_input_mb"),
        ("max_input_mb = [10]\n", "max_input_mb"),
        ("objection_period_months = [12]\n", "objection_period_months"),
        ('objection_period_months = "12"\n', "objection_period_months"),
        ("objection_period_months = [1, 2, 3]\n", "objection_period_months"),
        ("objection_period_months = [24, 12]\n", "objection_period_months"),
        ('extra_vague_words = [""]\n', "extra_vague_words"),
        ('extra_vague_words = ["  "]\n', "extra_vague_words"),
        ("extra_vague_words = [1]\n", "extra_vague_words"),
        ('vague_words = "一批"\n', "vague_words"),
        ("vat_rates = [13, 130]\n", "vat_rates"),
        ('lpr_date = "1900-01-01"\n', "lpr_date"),
        ("templates = 5\n", "templates"),
        ('select = ["penalty", ""]\n', "select"),
    ],
)
def test_every_setting_is_checked_by_type_and_range(tmp_path, text, key):
    cfg = tmp_path / "contractkit.toml"
    cfg.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(cfg)
    assert exc.value.path == str(cfg) and exc.value.where == key
    assert exc.value.hint and key in exc.value.hint
    assert exc.value.zh and exc.value.text("zh") != exc.value.text("en")


def test_good_values_of_every_kind_are_kept(tmp_path):
    cfg = tmp_path / "contractkit.toml"
    cfg.write_text(
        'severity = {"penalty/no-cap" = "info"}\nfail_on = "error"\nlang = "en"\nlpr_1y = 3.45\n'
        "objection_period_months = [6, 18]\nretention_percent_range = [5, 5]\nmax_input_mb = 50\n"
        'extra_vague_words = [" 若干台 "]\nlpr_date = 2025-06-20\n',
        encoding="utf-8",
    )
    s = load_settings(cfg)
    assert s.severity == {"penalty/no-cap": "info"} and s.fail_on == "error" and s.lang == "en"
    assert s.lpr_1y == Decimal("3.45") and s.objection_period_months == (6, 18)
    assert s.retention_percent_range == (Decimal(5), Decimal(5)) and s.max_input_mb == 50
    assert s.extra_vague_words == ("若干台",) and s.lpr_date == dt.date(2025, 6, 20)


def test_empty_vague_word_never_reaches_the_rules():
    assert "" not in Settings(extra_vague_words=("", "若干台")).all_vague_words


@pytest.mark.parametrize(
    "text",
    ['[tool]\ncontractkit = "x"\n', "[[tool.contractkit]]\nlpr_1y = 3\n", "tool = 5\ncontractkit = 1\n"],
)
def test_pyproject_tool_table_that_is_not_a_table(tmp_path, monkeypatch, text):
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(tmp_path / "pyproject.toml")
    assert exc.value.path == str(tmp_path / "pyproject.toml")


def test_malformed_pyproject_naming_contractkit_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.contractkit\nlpr_1y = 3\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings()


def test_malformed_unrelated_pyproject_is_skipped(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[project\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert load_settings() == Settings()


def test_deep_inline_table_is_a_config_error(tmp_path):
    cfg = tmp_path / "contractkit.toml"
    cfg.write_text("x = " + "{a = " * 500 + "1" + "}" * 500 + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_settings(cfg)
    assert exc.value.path == str(cfg)


def test_config_that_is_a_fifo_is_refused(tmp_path):
    import os

    fifo = tmp_path / "contractkit.toml"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="not a regular file"):
        load_settings(fifo)


@pytest.mark.parametrize(
    ("key", "value"),
    [("lpr_1y", "3.5"), ("max_input_mb", 3), ("objection_period_months", (6, 12)), ("fail_on", "info")],
)
def test_replace_keeps_valid_values(key, value):
    s = Settings().replace(**{key: value})
    assert getattr(s, key) == (Decimal(value) if key == "lpr_1y" else value)


@pytest.mark.parametrize("text", ['extra_vague_words = [""]\n', 'severity = {"penalty/no-cap" = "fatal"}\n'])
def test_bad_config_is_exit_2_with_file_and_key_in_lint(tmp_path, capsys, samples_dir, text):
    from contractkit.cli import main

    cfg = tmp_path / "contractkit.toml"
    cfg.write_text(text, encoding="utf-8")
    code = main(["lint", str(samples_dir / "drafts" / "clean-sales-contract.txt"), "--config", str(cfg)])
    err = capsys.readouterr().err
    key = text.split(" ")[0]
    assert code == 2 and f"{cfg}: {key}:" in err and "internal error" not in err


def test_rate_warn_annual_is_read_from_toml(tmp_path):
    cfg = tmp_path / "contractkit.toml"
    cfg.write_text("rate-warn-annual = 24\n", encoding="utf-8")
    assert load_settings(cfg).rate_warn_annual == Decimal("24")
    assert Settings().replace(rate_warn_annual="36.5%").rate_warn_annual == Decimal("36.5")
