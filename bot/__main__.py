"""`python -m bot` is the `rapporteur` command."""

from bot.cli import main

raise SystemExit(main())
