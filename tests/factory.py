"""Builds small, valid content projects in scratch folders for the tests and the benchmark."""

from __future__ import annotations

import copy
import functools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from generator.content.models import DOSE_LIMITS, Programme
from generator.content.schemas import schema_comment
from generator.content.site import Page, Site
from generator.output.write import read_manifest
from generator.pipeline import Prepared, prepare

REPO = Path(__file__).resolve().parent.parent


@functools.cache
def real() -> Prepared:
    """The repository's own content, loaded and rendered once per test process."""
    return prepare(REPO)


def real_site() -> Site:
    return real().site


def real_pages() -> list[str]:
    """The URL of every page the real site publishes, redirects and the files that are not
    pages (the open data's JSON, the feed) left out."""
    site = real()
    redirects = {f"/{path.removesuffix('.md')}/" for path in site.site.redirects}
    return sorted(url for url in site.published - redirects if url.endswith("/"))


def checklist_boxes(site: Site, programme: Page[Programme]) -> list[int]:
    """The boxes each row of a programme's printed checklist should have: what its dose's
    how_often asks for across a week, and none for a row of advice."""
    return [
        0
        if step.exercise is None
        else (step.dose or site.exercises[step.exercise].item.dose).frequency.boxes
        for step in programme.item.steps
    ]


REVIEW = {"last_updated": "2026-01-15", "next_review": "2027-01-15"}
DOSE = {"sets": 2, "reps": 10, "rest_seconds": 30, "how_often": "once a day"}


def source(number: int) -> dict[str, Any]:
    return {
        "title": f"Source {number}",
        "publisher": "Test publisher",
        "url": f"https://example.org/source-{number}",
        "accessed": "2026-01-15",
    }


NERVES = {"level": "emergency", "sign_of": "nerves"}
WARNING_SIGNS = {
    "numb-bottom": {**NERVES, "text": "numbness around your bottom", "sources": ["one"]},
    "weak-legs": {**NERVES, "text": "weakness in both legs", "sources": ["one"]},
    "cold-leg": {
        "level": "emergency",
        "sign_of": "blood",
        "text": "You cannot feel your legs.",
        "sources": ["two"],
    },
    "severe": {"level": "urgent", "text": "The pain is severe.", "sources": ["one"]},
    "keeps-coming-back": {
        "level": "see_gp_or_physio",
        "text": "It keeps coming back.",
        "editorial": True,
    },
}
EMERGENCY = {
    "title": "if",
    "groups": {
        "nerves": "These are signs of squashed nerves.",
        "blood": "A sign of poor blood flow.",
    },
    "signs": ["numb-bottom", "weak-legs"],
    "action": "Do not wait.",
    "headings": {"urgent": "Get help today if", "see_gp_or_physio": "See a GP if"},
}
REGIONS = {
    "uk": {
        "name": "United Kingdom",
        "countries": ["GB"],
        "emergency": {"number": "999", "hospital": "A&E", "sources": ["one"]},
        "urgent": {
            "advice": "Call NHS 111.",
            "line": "NHS 111",
            "number": "111",
            "online": "https://example.org/111",
            "sources": ["one"],
        },
    },
    "au": {
        "name": "Australia",
        "countries": ["AU"],
        "emergency": {"number": "000", "hospital": "the emergency department", "sources": ["two"]},
        "urgent": {
            "advice": "Call healthdirect.",
            "line": "healthdirect",
            "number": "1800 022 222",
            "sources": ["two"],
        },
    },
    "elsewhere": {
        "name": "Elsewhere",
        "emergency": {"number": "112", "hospital": "hospital", "sources": ["two"]},
        "urgent": {"advice": "See a doctor today.", "sources": ["two"]},
    },
}


LYING = {"hip": {"flexion": 50}, "knee": 100, "shoulder": {"flexion": 10}}
DRAWINGS = [
    {
        "shows": "Lying on your back with both knees bent and feet flat.",
        "step": 0,
        "body": "on-back",
        "rests_on": ["back", "feet"],
        "props": ["mat", "pillow"],
        "right": LYING,
        "left": LYING,
        "moves": "right-knee",
    },
    {
        "shows": "The right knee hugged towards the chest with the right hand.",
        "step": 2,
        "body": "on-back",
        "rests_on": ["back", "left-foot"],
        "props": ["mat", "pillow"],
        "right": {"hip": {"flexion": 115}, "knee": 130, "shoulder": {"flexion": 70}},
        "left": {**LYING, "shoulder": {"flexion": 70}},
        "reach": {"right-hand": "right-knee"},
        "highlight": ["right-buttock"],
    },
]


def exercise(title: str, category: str = "stretch", **fields: Any) -> dict[str, Any]:
    # Drawings last, so the lines of every other field stay where tests expect them; through
    # JSON, so no two places share one dict (YAML would write an anchor).
    fields.setdefault("drawings", json.loads(json.dumps(DRAWINGS)))
    made: dict[str, Any] = {
        "title": title,
        "also_called": [f"{title.lower()} move"],
        "purpose": f"{title} eases a tight buttock.",
        "category": category,
        "target_muscles": ["gluteus maximus"],
        "position": "lying on your back",
        "difficulty": "gentle",
        "dose": dict(DOSE),
        "start_position": "Lie on your back with your knees bent.",
        "steps": ["Breathe in.", "Move slowly."],
        "should_feel": "A gentle stretch in the buttock.",
        "common_mistakes": ["Holding your breath."],
        "stop_rules": ["Stop if the pain gets sharper."],
        "variants": {"move_on_when": "You can do 3 sets of 10 with no pain."},
        "sources": ["one", "two"],
        "review": REVIEW,
        **fields,
    }
    # Last, so that the lines of every other field stay where the tests expect them.
    made.setdefault("movements", ["lying-on-back"])
    made.setdefault("most", safe_most(made["dose"]))
    return made


def safe_most(dose: dict[str, Any]) -> dict[str, int]:
    """The widest safe limits an exercise with this dose may give: each of its numbers, and sets
    for a rep or hold exercise, at the content's bounds."""
    needed = [name for name in DOSE_LIMITS if name in dose]
    if "sets" not in needed and ("reps" in dose or "hold_seconds" in dose):
        needed.append("sets")
    return {name: DOSE_LIMITS[name] for name in needed}


def condition(title: str, exercises: dict[str, list[str]], **fields: Any) -> dict[str, Any]:
    return {
        "title": title,
        "also_called": ["bum cramp"],
        "summary": f"{title} is a painful tightening of a buttock muscle.",
        "symptoms": ["Sudden pain in the buttock."],
        "causes": ["Hard exercise."],
        "self_care": ["Lie down and rest.", "Use heat for 10 minutes."],
        "treatment": [{"name": "Painkillers", "description": "Ask a pharmacist."}],
        "when_to_get_help": ["cold-leg", "severe", "keeps-coming-back"],
        "exercises": exercises,
        "sources": ["one", "two"],
        "review": REVIEW,
        **fields,
    }


def prevention(title: str, **fields: Any) -> dict[str, Any]:
    return {
        "title": title,
        "summary": f"{title} helps.",
        "why_it_matters": "Muscles work better.",
        "what_to_do": ["Do it every day."],
        "sources": ["one"],
        "review": REVIEW,
        **fields,
    }


def programme(title: str, steps: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    return {
        "title": title,
        "summary": f"{title} in order.",
        "who_it_is_for": "Adults with a sore buttock.",
        "stop_rules": ["Stop if pain spreads down your leg."],
        "steps": steps,
        "sources": ["one"],
        "review": REVIEW,
        **fields,
    }


def small_content() -> dict[str, Any]:
    """A fixture set that exercises every template: the golden files are rendered from it."""
    content: dict[str, Any] = {
        "link-hosts.yml": ["example.org"],
        "synonyms.yml": [["bum", "buttock", "backside"], ["on my back", "lying on your back"]],
        "sources.yml": {"one": source(1), "two": source(2)},
        "warning-signs.yml": WARNING_SIGNS,
        "reviewers.yml": {},
        "emergency.yml": EMERGENCY,
        "regions.yml": REGIONS,
        "movements.yml": {
            "lying-on-back": {"precaution": "Pregnant? Prop yourself up.", "sources": ["one"]},
            "twisting": {"precaution": "Thin bones? Twist gently.", "editorial": True},
        },
        "exercises/knee-hug.yml": exercise(
            "Knee hug", "mobilise", variants={"harder": "bridge", "move_on_when": "No pain."}
        ),
        "exercises/bridge.yml": exercise(
            "Bridge",
            "strengthen",
            equipment=["a mat"],
            variants={"easier": "knee-hug", "move_on_when": "You can do 3 sets of 12."},
        ),
        "conditions/sudden-spasm.yml": condition(
            "Sudden spasm",
            {"mobilise": ["knee-hug"], "stretch": ["knee-hug"], "strengthen": ["bridge"]},
            prevention=["keep-moving"],
            programmes=["first-days"],
            types=[{"name": "Acute", "description": "It starts suddenly."}],
            risk_factors=["Sitting a lot."],
            diagnosis_codes=[
                {"system": "ICD-10-CM", "code": "M62.838", "label": "Other muscle spasm"}
            ],
        ),
        "prevention/keep-moving.yml": prevention("Keep moving", exercises=["bridge"]),
        "programmes/first-days.yml": programme(
            "First days",
            [
                {"when": "Day 1", "action": "Rest from glute training."},
                {"when": "Day 2", "exercise": "knee-hug"},
                {
                    "when": "Day 3",
                    "exercise": "bridge",
                    "dose": {**DOSE, "reps": 5, "how_often": "3 times a week"},
                    "dose_reason": "A lighter start.",
                },
            ],
        ),
    }
    return copy.deepcopy(content)  # callers change it freely


def write_project(root: Path, content: dict[str, Any], raw: dict[str, str] | None = None) -> Path:
    """A whole project: content from dicts (with their schema line), plus the site's own files."""
    for relative, data in content.items():
        write_content(root, f"content/{relative}", data)
    for relative, text in (raw or {}).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for name in (
        "mkdocs.yml",
        "overrides",
        "docs/about.md",
        "docs/stylesheets",
        "docs/javascripts",
        "docs/images",
    ):
        copy_from_repo(root, name)
    return root


def write_content(root: Path, relative: str, data: Any) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(copy.deepcopy(data), sort_keys=False, allow_unicode=True, width=100)
    path.write_text(f"{schema_comment(relative)}\n{text}", encoding="utf-8")
    return path


PROJECT_FILES = ("content", "docs", "overrides", "schemas", "mkdocs.yml", "urls.txt")


def copy_project(target: Path) -> Path:
    """The committed project, without anything generated, as a fresh clone would have it."""
    for name in PROJECT_FILES:
        copy_from_repo(target, name)
    return target


def git(root: Path, *arguments: str) -> None:
    """git in root, as an editor with a name and address."""
    subprocess.run(
        ["git", "-c", "user.email=editor@example.org", "-c", "user.name=Editor", *arguments],
        cwd=root,
        check=True,
        capture_output=True,
    )


def commit_all(root: Path) -> None:
    """root as a repository whose one commit holds everything in it: a pull request's base."""
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")


def copy_from_repo(root: Path, name: str) -> None:
    """A file or folder of the repository as a fresh clone has it: without what the generator
    wrote there (the files its manifest lists)."""
    generated = read_manifest(REPO)
    source_path = REPO / name
    files = sorted(source_path.rglob("*")) if source_path.is_dir() else [source_path]
    for path in files:
        relative = path.relative_to(REPO).as_posix()
        if path.is_file() and relative not in generated:
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, root / relative)


def synthetic_content(items: int) -> dict[str, Any]:
    """items exercises, one condition per ten of them, and the fixed pages: for scale tests."""
    content = small_content()
    for number in range(items):
        content[f"exercises/move-{number:05d}.yml"] = exercise(f"Move {number:05d}")
    for number in range(0, items, 10):
        content[f"conditions/problem-{number:05d}.yml"] = condition(
            f"Problem {number:05d}",
            {"stretch": [f"move-{n:05d}" for n in range(number, min(number + 10, items))]},
        )
    return content


def fixture_bridge(**changes: Any) -> dict[str, Any]:
    """The fixture's bridge exercise with some fields changed: still linked from its condition,
    still the harder variant of the knee hug."""
    return {**small_content()["exercises/bridge.yml"], **changes}


def rename_bridge(root: Path, keep_old_id: bool) -> None:
    """Rename the fixture's bridge exercise to glute-bridge, updating every reference to it."""
    (root / "content/exercises/bridge.yml").unlink()
    for path in (root / "content").rglob("*.yml"):
        text = path.read_text()
        for field in ("- ", "exercise: ", "harder: "):
            text = text.replace(f"{field}bridge\n", f"{field}glute-bridge\n")
        path.write_text(text)
    former: dict[str, Any] = {"former_ids": ["bridge"]} if keep_old_id else {}
    bridge = small_content()["exercises/bridge.yml"]
    write_content(root, "content/exercises/glute-bridge.yml", {**bridge, **former})
