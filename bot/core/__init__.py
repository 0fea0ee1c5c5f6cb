"""The pure core: knowledge, matching, answering and rendering. No discord, no I/O, no env."""
