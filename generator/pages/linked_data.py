"""What each page is, for machines: schema.org JSON-LD in a <script type="application/ld+json">
in its head (overrides/main.html writes it; the output gate parses and checks it). An item's
page is a MedicalWebPage about its condition (with its ICD-10-CM codes) or its exercise (the
dose as an ExercisePlan, the steps as a HowTo); `lastReviewed` only where a clinician's review
stands. Every other page is a WebPage with its name and address.

The data is plain JSON; the theme writes it with Jinja's `tojson`, which escapes <, >, & and '
as \\u escapes, so no value can end the script early.
"""

from __future__ import annotations

from typing import Any

from generator.content.models import Condition, Exercise, Item, SidedStep
from generator.content.site import Page, Site
from generator.text import plain_text

CONTEXT = "https://schema.org"
VOCABULARY: dict[str, frozenset[str]] = {
    "WebPage": frozenset({"name", "url"}),
    "MedicalWebPage": frozenset(
        {
            *("name", "url", "description", "dateModified", "lastReviewed", "inLanguage"),
            *("audience", "about", "mainEntity"),
        }
    ),
    "MedicalCondition": frozenset({"name", "code"}),
    "MedicalCode": frozenset({"codeValue", "codingSystem"}),
    "ExercisePlan": frozenset(
        {"name", "repetitions", "activityDuration", "activityFrequency", "restPeriods"}
    ),
    "HowTo": frozenset({"name", "step"}),
    "HowToStep": frozenset({"position", "text"}),
    "Thing": frozenset({"name"}),
}
"""The schema.org types the site's JSON-LD uses, and the properties it gives each: the gate
refuses any other."""
PATIENT = "https://schema.org/Patient"


def linked_data(site: Site, page: Page[Item], site_url: str) -> dict[str, Any]:
    item = page.item
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "MedicalWebPage",
        "name": plain_text(item.title),
        "url": site_url.rstrip("/") + page.url,
        "description": plain_text(page.summary),
        "dateModified": item.review.last_updated.isoformat(),
        "inLanguage": "en",
        "audience": PATIENT,
    }
    review = site.review_state(page)
    if review.state == "reviewed" and review.sign_off is not None:
        data["lastReviewed"] = review.sign_off.date.isoformat()
    if isinstance(item, Condition):
        data["about"] = {
            "@type": "MedicalCondition",
            "name": plain_text(item.title),
            "code": [
                {"@type": "MedicalCode", "codeValue": code.code, "codingSystem": code.system}
                for code in item.diagnosis_codes
            ],
        }
    elif isinstance(item, Exercise):
        data["about"] = _exercise_plan(item)
        data["mainEntity"] = {
            "@type": "HowTo",
            "name": plain_text(item.title),
            "step": [
                {"@type": "HowToStep", "position": number, "text": plain_text(_both(step))}
                for number, step in enumerate(item.steps, 1)
            ],
        }
    else:
        data["about"] = {"@type": "Thing", "name": plain_text(item.title)}
    return data


def _both(step: str | SidedStep) -> str:
    """A step as done on both sides (a sided step's `both`)."""
    return step.both if isinstance(step, SidedStep) else step


def _exercise_plan(item: Exercise) -> dict[str, Any]:
    dose = item.dose
    plan: dict[str, Any] = {
        "@type": "ExercisePlan",
        "name": plain_text(item.title),
        "activityFrequency": plain_text(dose.how_often),
    }
    if dose.reps:
        plan["repetitions"] = dose.reps * (dose.sets or 1)
    if dose.minutes:
        plan["activityDuration"] = f"PT{dose.minutes}M"
    elif dose.hold_seconds and not dose.reps:
        plan["activityDuration"] = f"PT{dose.hold_seconds * (dose.sets or 1)}S"
    if dose.rest_seconds:
        plan["restPeriods"] = f"{dose.rest_seconds} seconds between sets"
    return plan
