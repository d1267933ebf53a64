"""``contractkit rules [ID]``: list the lint rules, or explain one (why, basis, params, examples)."""

from __future__ import annotations

import json
from typing import Any

import click

from contractkit.cli.options import config_option, lang_option, output_format_option


def _value(v: Any) -> Any:
    if isinstance(v, tuple):
        return [_value(x) for x in v]
    if isinstance(v, dict):
        return {k: _value(x) for k, x in v.items()}
    return v if isinstance(v, (int, str, bool)) or v is None else str(v)


def rule_dict(r: Any, settings: Any, *, full: bool) -> dict[str, Any]:
    """A rule as plain data: id, severity, titles; with ``full`` also why, basis, fix, params and examples."""
    from contractkit.checks.base import effective_severity

    d: dict[str, Any] = {
        "id": r.id,
        "severity": str(effective_severity(r, settings)),
        "title": r.title,
        "title_en": r.title_en,
        "kinds": list(r.kinds),
    }
    if full:
        d.update(
            why=r.why,
            why_en=r.why_en,
            basis=r.basis,
            fix=r.fix,
            params={p: _value(getattr(settings, p)) for p in r.params},
            bad=list(r.bad),
            good=list(r.good),
        )
    return d


@click.command()
@click.argument("rule_id", required=False)
@output_format_option(["text", "json", "markdown"], "text")
@lang_option
@config_option
@click.option(
    "--playbook",
    "playbooks",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Include a company playbook's rules (repeat to stack).",
)
@click.option("--check", is_flag=True, help="Run every rule's bad and good examples; exit 1 if one is wrong.")
def rules(
    rule_id: str | None,
    fmt: str,
    lang: str,
    config_path: str | None,
    playbooks: tuple[str, ...],
    check: bool,
) -> int:
    """List the lint rules (id, severity, title), or explain RULE_ID.

    \b
    Examples:
      contractkit rules
      contractkit rules payment/trigger-without-deadline
      contractkit rules --format markdown > docs/rules.md
      contractkit rules --check --playbook company.toml
    """
    from contractkit.cli.lint import check_ids
    from contractkit.config import load_settings
    from contractkit.lint import available_rules

    settings = load_settings(config_path)
    registry = dict(available_rules())
    book_paths = list(getattr(settings, "playbook", ()) or ()) + list(playbooks)
    if book_paths:
        from contractkit.playbook import playbook_rules, read_playbooks, tune

        book = read_playbooks(book_paths)  # examples are checked below (--check) or on lint
        settings = tune(settings, book)
        registry.update({r.id: r for r in playbook_rules(book)})
    en = lang == "en"
    if check:
        from contractkit.lint import example_problems

        chosen = [r for r in registry.values() if rule_id in (None, r.id, r.family)]
        problems = example_problems(chosen)
        for line in problems:
            click.echo(line)
        n = sum(len(r.bad) + len(r.good) for r in chosen)
        zh = f"已运行 {len(chosen)} 条规则的 {n} 个示例：{len(problems)} 个不符"
        click.echo(zh if lang == "zh" else f"{n} examples of {len(chosen)} rules run: {len(problems)} wrong")
        return 1 if problems else 0
    if fmt == "markdown":
        from contractkit.rules_doc import rules_markdown

        chosen = [r for r in registry.values() if rule_id in (None, r.id, r.family)]
        click.echo(rules_markdown(chosen, settings), nl=False)
        return 0
    if rule_id is None:
        if fmt == "json":
            data = [rule_dict(r, settings, full=False) for r in registry.values()]
            click.echo(json.dumps({"version": 1, "rules": data}, ensure_ascii=False, indent=2))
            return 0
        width = max((len(k) for k in registry), default=10)
        for r in registry.values():
            sev = str(rule_dict(r, settings, full=False)["severity"])
            click.echo(f"{r.id:<{width}}  {sev:<7}  {r.title_en if en else r.title}")
        return 0
    if rule_id not in registry:
        check_ids((rule_id,), list(registry), "rules")
        # a family name: list its rules
        for r in registry.values():
            if r.family == rule_id:
                click.echo(f"{r.id}  {r.title_en if en else r.title}")
        return 0
    from contractkit.rules_doc import kinds_text

    d = rule_dict(registry[rule_id], settings, full=True)
    if fmt == "json":
        click.echo(json.dumps(d, ensure_ascii=False, indent=2))
        return 0
    lines = [
        f"{d['id']}  ({d['severity']})",
        f"{d['title']} / {d['title_en']}",
        "",
        ("Why: " + d["why_en"]) if en else ("原因：" + d["why"]),
        ("Basis: " if en else "依据：") + d["basis"],
        ("Fix: " if en else "修改建议：") + d["fix"],
        ("Applies to: " if en else "适用文件：") + kinds_text(registry[rule_id], "en" if en else "zh"),
    ]
    if d["params"]:
        lines.append("Parameters:" if en else "参数（当前值）：")
        lines += [f"  {k} = {v}" for k, v in d["params"].items()]
    lines.append("Bad (triggers the rule):" if en else "反例（会触发）：")
    lines += ["  - " + x.replace("\n", "\n    ") for x in d["bad"]]
    lines.append("Good (passes):" if en else "正例（不会触发）：")
    lines += ["  - " + x.replace("\n", "\n    ") for x in d["good"]]
    click.echo("\n".join(lines))
    return 0
