"""The adopters' examples run as written: action.yml's steps, docs/ci.md's workflows and jobs, and
the pre-commit hook, each against a temporary git repository with a corpus of its own.

What needs the network (pip install, the actions that upload) is left out and said so; every
command that runs the checker runs as it is written, with this working tree's checker on PATH.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

NL = "# Titel\n\nHet project telt 26 partners uit heel Wallonië.\n\nHet budget bedraagt €81 miljoen.\n"
FR = "# Titre\n\nLe projet compte 26 partenaires de toute la Wallonie.\n\nLe budget s'élève à 81 millions d'euros.\n"
EN = "# Title\n\nThe project has 26 partners from across Wallonia.\n\nThe budget amounts to €81 million.\n"


def example(name: str) -> str:
    """The fenced block that follows `<!-- example: NAME -->` in docs/ci.md."""
    text = (REPO / "docs" / "ci.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- example: {name} -->\n```\w+\n(.*?)```", text, re.DOTALL)
    assert match, f"docs/ci.md has no example {name}"
    return match.group(1)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    release = root / "corpora" / "2024-01-pit"
    release.mkdir(parents=True)
    for lang, text in (("nl", NL), ("fr", FR), ("en", EN)):
        (release / f"{lang}.md").write_text(text, encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run([*git, "-C", str(root), "add", "."], check=True)
    subprocess.run([*git, "-C", str(root), "commit", "-q", "-m", "releases"], check=True)
    return root


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """PATH with a `checker` that runs this working tree, and a home of the test's own (caches)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "checker"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m checker "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    home = tmp_path / "home"
    home.mkdir()
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(REPO),
            "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "GITHUB_OUTPUT": str(tmp_path / "github_output")}


def bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def break_french(repo: Path) -> None:
    fr = repo / "corpora" / "2024-01-pit" / "fr.md"
    fr.write_text(FR.replace("26 partenaires", "25 partenaires"), encoding="utf-8")


def _expand(value: str, inputs: dict[str, str], outputs: dict[str, str]) -> str:
    """`${{ inputs.x }}` and `${{ steps.check.outputs.y }}` as the runner expands them."""
    def one(match: re.Match) -> str:
        expression = match.group(1).strip()
        if expression.startswith("inputs."):
            return inputs[expression.removeprefix("inputs.")]
        if expression.startswith("steps.check.outputs."):
            return outputs.get(expression.removeprefix("steps.check.outputs."), "")
        if expression == "github.action_path":
            return str(REPO)
        raise AssertionError(f"an expression the test does not know: {expression}")
    return re.sub(r"\$\{\{(.*?)\}\}", one, value)


def run_action(repo: Path, env: dict[str, str], given: dict[str, str]) -> tuple[list[subprocess.CompletedProcess], dict]:
    """action.yml's shell steps in order, but the install (pip, network); the `uses:` steps are GitHub's."""
    action = yaml.safe_load((REPO / "action.yml").read_text(encoding="utf-8"))
    inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()} | given
    results, outputs = [], {}
    for step in action["runs"]["steps"]:
        if "run" not in step or step.get("id") == "install":
            continue
        step_env = {key: _expand(str(value), inputs, outputs) for key, value in step.get("env", {}).items()}
        Path(env["GITHUB_OUTPUT"]).write_text("", encoding="utf-8")
        results.append(bash(step["run"], repo, {**env, **step_env}))
        for line in Path(env["GITHUB_OUTPUT"]).read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition("=")
            outputs[key] = value
    return results, outputs


def github_action_inputs() -> dict[str, str]:
    workflow = yaml.safe_load(example("github-action"))
    assert len(example("github-action").strip().splitlines()) <= 10  # the ten-line workflow
    [checkout] = [step for step in workflow["jobs"]["checker"]["steps"] if "checkout" in step.get("uses", "")]
    assert checkout["with"] == {"fetch-depth": 0}  # the history, for `since`
    [uses] = [step for step in workflow["jobs"]["checker"]["steps"] if "checker@" in step.get("uses", "")]
    return {key: str(value) for key, value in uses["with"].items()}


def pull_request(repo: Path, base: str = "main") -> None:
    """What the checkout gives a pull request into `base`: the target branch as origin/<base>."""
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(repo)]
    subprocess.run([*git, "update-ref", f"refs/remotes/origin/{base}", "HEAD"], check=True)


def test_the_action_annotates_writes_the_reports_and_fails_on_new_errors_only(repo: Path, env) -> None:
    inputs = github_action_inputs()
    assert inputs == {"path": "corpora/", "baseline": ".checker-baseline.json", "since": "origin/${{ github.base_ref }}"}
    inputs["since"] = inputs["since"].replace("${{ github.base_ref }}", "main")  # the runner's expression
    break_french(repo)
    accepted = bash("checker baseline write corpora/ -o .checker-baseline.json", repo, env)  # docs/ci.md, baseline
    assert accepted.returncode == 0, accepted.stderr
    # A release of the target branch with a wrong figure nobody baselined: the pull request does not touch it.
    old = repo / "corpora" / "2023-12-old"
    old.mkdir()
    for lang, text in (("nl", NL), ("fr", FR.replace("26 partenaires", "62 partenaires")), ("en", EN)):
        (old / f"{lang}.md").write_text(text, encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(repo)]
    subprocess.run([*git, "add", "corpora/2023-12-old"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "an old release", "--", "corpora/2023-12-old"], check=True)
    pull_request(repo)
    (check, verdict), outputs = run_action(repo, env, inputs)
    assert outputs["exit-code"] == "0" and verdict.returncode == 0, check.stderr
    assert "1 finding baselined" in check.stderr
    assert "since origin/main: 1 of 2 releases changed" in check.stderr

    fr = repo / "corpora" / "2024-01-pit" / "fr.md"
    fr.write_text(fr.read_text(encoding="utf-8").replace("81 millions", "18 millions"), encoding="utf-8")
    (check, verdict), outputs = run_action(repo, env, inputs)
    assert outputs["exit-code"] == "1" and verdict.returncode == 1
    assert check.stdout.startswith("::error file=corpora/2024-01-pit/fr.md,line=5")  # the new error only
    report = repo / "checker-report"
    sarif = json.loads((report / "checker.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["NUM001"]
    assert ET.parse(report / "checker-junit.xml").getroot().get("failures") == "1"
    assert json.loads((report / "checker.json").read_text(encoding="utf-8"))["summary"]["errors"] == 1
    review = (report / "review.html").read_text(encoding="utf-8")  # the review page, in the artefact
    assert review.startswith("<!DOCTYPE html>") and 'data-code="NUM001"' in review and "2023-12-old" not in review


def test_the_step_by_step_workflow(repo: Path, env) -> None:
    workflow = yaml.safe_load(example("github-steps"))
    steps = [step for step in workflow["jobs"]["checker"]["steps"] if "run" in step]
    assert [step["name"] for step in steps] == ["Install the checker", "Check the releases"]
    assert bash("checker baseline write corpora/ -o .checker-baseline.json", repo, env).returncode == 0
    clean = bash(steps[1]["run"], repo, env)
    assert clean.returncode == 0 and clean.stdout == "", clean.stderr
    break_french(repo)
    broken = bash(steps[1]["run"], repo, env)
    assert broken.returncode == 1 and broken.stdout.startswith("::error file=corpora/2024-01-pit/fr.md,line=3")
    assert (repo / "checker-report" / "checker.sarif").is_file()
    assert (repo / "checker-report" / "review.html").is_file()
    uploaded = {step["with"].get("sarif_file") or step["with"].get("path") for step in workflow["jobs"]["checker"]["steps"]
                if "upload" in step.get("uses", "")}
    assert uploaded == {"checker-report/checker.sarif", "checker-report/"}


def test_the_gitlab_job(repo: Path, env) -> None:
    job = yaml.safe_load(example("gitlab"))["checker"]
    commands = [line for line in job["script"] if not line.startswith("pip install")]  # needs the network
    assert bash("checker baseline write corpora/ -o .checker-baseline.json", repo, env).returncode == 0
    break_french(repo)
    result = bash("\n".join(commands), repo, env)
    assert result.returncode == 1
    junit = ET.parse(repo / job["artifacts"]["reports"]["junit"]).getroot()
    assert junit.get("failures") == "1"
    [case] = [c for c in junit.iter("testcase") if c.findall("failure")]
    assert (case.get("classname"), case.get("name")) == ("2024-01-pit", "nl-fr")
    for path in job["artifacts"]["paths"]:
        assert (repo / path).is_file()


def test_the_since_command(repo: Path, env) -> None:
    pull_request(repo)
    clean = bash(example("since"), repo, env)
    assert clean.returncode == 0 and "since origin/main: 0 of 1 release changed" in clean.stderr, clean.stderr
    break_french(repo)
    broken = bash(example("since"), repo, env)
    assert broken.returncode == 1 and "1 of 1 release changed" in broken.stderr
    assert 'data-code="NUM001"' in (repo / "review.html").read_text(encoding="utf-8")
    outside = bash(example("since"), repo, {**env, "GIT_DIR": str(repo / "no-such-git-dir")})  # git finds no repository
    assert outside.returncode == 2 and outside.stderr.startswith("checker: error: --since origin/main:")


def test_the_baseline_commands(repo: Path, env) -> None:
    break_french(repo)
    result = bash(example("baseline"), repo, env)
    assert result.returncode == 0, result.stderr
    assert "baseline: 1 finding baselined, 0 baseline entries no longer match anything" in result.stderr
    entries = json.loads((repo / ".checker-baseline.json").read_text(encoding="utf-8"))["findings"]
    assert [e["code"] for e in entries] == ["NUM001"]


def test_the_pre_commit_hook_with_the_documented_arguments(repo: Path, env) -> None:
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [configured] = yaml.safe_load(example("pre-commit"))["repos"][0]["hooks"]
    assert configured["id"] == hook["id"] and hook["pass_filenames"] is False
    assert re.search(hook["files"], "corpora/2024-01-pit/fr.md")
    command = [*hook["entry"].split(), *configured["args"]]  # pre-commit runs the entry with the args
    assert subprocess.run(command, cwd=repo, env=env, capture_output=True).returncode == 0
    break_french(repo)
    failed = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True)
    assert failed.returncode == 1 and "NUM001" in failed.stdout
