"""The contact sheet: every drawing of the given exercises on one page, with its text alternative
and any problem, so a person can look at each one. `make drawings` renders it to PNG with the
project's Chromium."""

from __future__ import annotations

import argparse
import html
from pathlib import Path

import yaml
from pydantic import ValidationError

from generator.content.pose import Drawing
from generator.content.yaml_file import read_regular_file
from generator.drawing.draw import draw_exercise


def sheet(root: Path, files: list[Path]) -> str:
    css = (root / "docs" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    css = css[css.index("/* Exercise drawings") :]
    parts = [
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Drawings</title><style>"
        "body{font:13px sans-serif;margin:8px}.row{display:flex;gap:8px;margin:0 0 14px}"
        ".cell{width:330px;border:1px solid #bbb;padding:2px}.bad{color:#b00020;font-weight:bold}"
        ".gg-drawing{max-width:none}" + css + "</style><body>"
    ]
    for path in files:
        data = yaml.safe_load(read_regular_file(path, str(path)))
        parts.append(f"<h2>{html.escape(path.stem)}</h2><div class='row'>")
        try:
            drawings = [Drawing.model_validate(frame) for frame in data.get("drawings", [])]
        except ValidationError as error:
            parts.append(f"<p class='bad'>{html.escape(str(error))}</p></div>")
            continue
        written = [
            step.get("both", "") if isinstance(step, dict) else step
            for step in data.get("steps", [])
        ]
        steps = ["Starting position: " + data.get("start_position", ""), *written]
        results = draw_exercise(drawings) if drawings else []
        for drawing, drawn in zip(drawings, results, strict=True):
            text = steps[drawing.step] if drawing.step < len(steps) else "(no such step)"
            problems = "; ".join(problem[1] for problem in drawn.problems)
            parts.append(
                f"<div class='cell'>{drawn.svg}<p>{drawing.step}: {html.escape(text)}</p>"
                f"<p><i>{html.escape(drawing.shows)}</i></p>"
                f"<p class='bad'>{html.escape(problems)}</p></div>"
            )
        parts.append("</div>")
    return "".join(parts) + "</body></html>"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--out", type=Path, default=Path("build/drawings"))
    arguments = parser.parse_args()
    root = Path.cwd()
    files = arguments.files or sorted((root / "content" / "exercises").glob("*.yml"))
    arguments.out.mkdir(parents=True, exist_ok=True)
    page = arguments.out / "sheet.html"
    page.write_text(sheet(root, files), encoding="utf-8")
    from playwright.sync_api import sync_playwright

    flags = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        try:
            tab = browser.new_page(viewport={"width": 1040, "height": 600})
            tab.goto(page.resolve().as_uri())
            tab.screenshot(path=str(arguments.out / "sheet.png"), full_page=True)
        finally:
            browser.close()
    print(f"wrote {arguments.out / 'sheet.png'}")


if __name__ == "__main__":
    main()
