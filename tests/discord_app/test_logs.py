from __future__ import annotations

import logging

from bot.discord_app import logs

TOKEN = "MTIz.secret-token.value"


def record(message: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    return logging.LogRecord("discord.http", logging.ERROR, __file__, 1, message, args, exc_info)


def test_the_token_is_redacted_from_messages_and_arguments():
    formatter = logs.RedactingFormatter([TOKEN])
    text = formatter.format(record("sending %s to %s", TOKEN, "gateway"))
    assert TOKEN not in text
    assert logs.REDACTED in text


def test_the_token_is_redacted_from_tracebacks():
    try:
        raise RuntimeError(f"bad header Bot {TOKEN}")
    except RuntimeError as error:
        text = logs.RedactingFormatter([TOKEN]).format(record("failed", exc=error))
    assert TOKEN not in text
    assert "RuntimeError" in text


def test_an_empty_secret_changes_nothing():
    assert logs.RedactingFormatter([""]).format(record("plain")).endswith("plain")


def test_discord_debug_logs_stay_off_because_they_name_users():
    root = logging.getLogger()
    before = (root.level, list(root.handlers), logging.getLogger("discord").level)
    try:
        logs.configure("DEBUG", [TOKEN])
        logs.configure("DEBUG", [TOKEN])  # again: still one handler of ours
        ours = [h for h in root.handlers if h.get_name() == "rapporteur"]
        assert len(ours) == 1
        assert root.level == logging.DEBUG
        assert logging.getLogger("discord").level == logging.INFO
        logs.configure("WARNING")
        assert logging.getLogger("discord").level == logging.WARNING
    finally:
        root.setLevel(before[0])
        for handler in [h for h in root.handlers if h not in before[1]]:
            root.removeHandler(handler)
        logging.getLogger("discord").setLevel(before[2])
