"""The `ask --json` contract, stated once for every test that checks it (issue: exactly these)."""

JSON_KEYS = [
    "question",
    "answered",
    "answer",
    "quote",
    "paragraph",
    "speaker",
    "confidence",
    "suggestions",
    "entry",
]
