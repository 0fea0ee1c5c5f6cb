"""Discord's documented limits and mention rules, checked on every payload the bot sends.

The server answers a violating request with 400 "Invalid Form Body", as Discord does, and
keeps the problem in `FakeDiscord.violations` so a test fails even if the bot swallows the error.
"""

from __future__ import annotations

import re
from typing import Any

Json = dict[str, Any]

CONTENT = 2000
EMBEDS = 10
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
ACTION_ROWS = 5
ROW_ITEMS = 5
BUTTON_LABEL = 80
CUSTOM_ID = 100
SELECT_OPTIONS = 25
SELECT_TEXT = 100
PLACEHOLDER = 150
CHOICES = 25
CHOICE_NAME = 100
COMMAND_NAME = re.compile(r"^[-_\w]{1,32}$")
COMMAND_DESCRIPTION = 100
COMMAND_OPTIONS = 25


def _too_long(problems: list[str], where: str, text: Any, limit: int) -> None:
    if isinstance(text, str) and len(text) > limit:
        problems.append(f"{where}: {len(text)} characters > {limit}")


def embed_problems(embeds: list[Json], where: str = "embeds") -> list[str]:
    problems: list[str] = []
    if len(embeds) > EMBEDS:
        problems.append(f"{where}: {len(embeds)} embeds > {EMBEDS}")
    total = 0
    for i, embed in enumerate(embeds):
        at = f"{where}[{i}]"
        fields = embed.get("fields", [])
        texts = [
            (f"{at}.title", embed.get("title"), EMBED_TITLE),
            (f"{at}.description", embed.get("description"), EMBED_DESCRIPTION),
            (f"{at}.footer.text", (embed.get("footer") or {}).get("text"), FOOTER),
            (f"{at}.author.name", (embed.get("author") or {}).get("name"), AUTHOR),
        ]
        for j, f in enumerate(fields):
            texts.append((f"{at}.fields[{j}].name", f.get("name"), FIELD_NAME))
            texts.append((f"{at}.fields[{j}].value", f.get("value"), FIELD_VALUE))
            if not f.get("name") or not f.get("value"):
                problems.append(f"{at}.fields[{j}]: name and value must not be empty")
        for name, text, limit in texts:
            _too_long(problems, name, text, limit)
            total += len(text or "")
        if len(fields) > EMBED_FIELDS:
            problems.append(f"{at}: {len(fields)} fields > {EMBED_FIELDS}")
    if total > EMBED_TOTAL:
        problems.append(f"{where}: {total} characters in all > {EMBED_TOTAL}")
    return problems


def component_problems(rows: list[Json]) -> list[str]:
    problems: list[str] = []
    if len(rows) > ACTION_ROWS:
        problems.append(f"components: {len(rows)} action rows > {ACTION_ROWS}")
    for i, row in enumerate(rows):
        items = row.get("components", [])
        if len(items) > ROW_ITEMS:
            problems.append(f"components[{i}]: {len(items)} items > {ROW_ITEMS}")
        for j, item in enumerate(items):
            at = f"components[{i}][{j}]"
            _too_long(problems, f"{at}.label", item.get("label"), BUTTON_LABEL)
            _too_long(problems, f"{at}.custom_id", item.get("custom_id"), CUSTOM_ID)
            _too_long(problems, f"{at}.placeholder", item.get("placeholder"), PLACEHOLDER)
            options = item.get("options", [])
            if len(options) > SELECT_OPTIONS:
                problems.append(f"{at}: {len(options)} options > {SELECT_OPTIONS}")
            for k, opt in enumerate(options):
                for key in ("label", "value", "description"):
                    _too_long(problems, f"{at}.options[{k}].{key}", opt.get(key), SELECT_TEXT)
    return problems


def mention_problems(data: Json) -> list[str]:
    """A message with text must say explicitly that it pings nobody."""
    if not data.get("content") and not data.get("embeds"):
        return []
    allowed = data.get("allowed_mentions")
    if allowed is None:
        return ["allowed_mentions missing: Discord would parse every mention in the content"]
    problems = [f"allowed_mentions.parse pings {p}" for p in allowed.get("parse", [])]
    for key in ("users", "roles"):
        if allowed.get(key):
            problems.append(f"allowed_mentions.{key} pings {allowed[key]}")
    if allowed.get("replied_user"):
        problems.append("allowed_mentions.replied_user pings the author of the message replied to")
    return problems


def message_problems(data: Json) -> list[str]:
    """Everything wrong with a message payload (create or edit)."""
    problems: list[str] = []
    _too_long(problems, "content", data.get("content"), CONTENT)
    problems += embed_problems(data.get("embeds") or [])
    problems += component_problems(data.get("components") or [])
    problems += mention_problems(data)
    return problems


def choice_problems(choices: list[Json]) -> list[str]:
    problems: list[str] = []
    if len(choices) > CHOICES:
        problems.append(f"choices: {len(choices)} > {CHOICES}")
    for i, choice in enumerate(choices):
        name = choice.get("name", "")
        if not 1 <= len(name) <= CHOICE_NAME:
            problems.append(f"choices[{i}].name: {len(name)} characters, must be 1..100")
        if isinstance(choice.get("value"), str):
            _too_long(problems, f"choices[{i}].value", choice["value"], CHOICE_NAME)
    return problems


def command_problems(command: Json, *, is_option: bool = False) -> list[str]:
    problems: list[str] = []
    name = command.get("name", "")
    if not COMMAND_NAME.match(name) or name != name.lower():
        problems.append(f"command {name!r}: invalid name")
    if is_option or command.get("type", 1) == 1:
        description = command.get("description", "")
        if not 1 <= len(description) <= COMMAND_DESCRIPTION:
            problems.append(f"command {name}: description must be 1..100 characters")
    options = command.get("options", [])
    if len(options) > COMMAND_OPTIONS:
        problems.append(f"command {name}: {len(options)} options > {COMMAND_OPTIONS}")
    for opt in options:
        problems += [f"{name}: {p}" for p in command_problems(opt, is_option=True)]
        problems += choice_problems(opt.get("choices", []))
    return problems


def callback_problems(body: Json) -> list[str]:
    """Problems in an interaction callback body."""
    kind, data = body.get("type"), body.get("data") or {}
    if kind == 8:
        return choice_problems(data.get("choices", []))
    if kind in (4, 7):
        return message_problems(data)
    return []
