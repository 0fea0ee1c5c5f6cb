"""The slash commands and the mention listener, one cog per module."""
