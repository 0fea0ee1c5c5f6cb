"""`rapporteur init`: a draft knowledge base from a plain-text article. Pure: the article's
text in, {file name: file text} out; the command line writes the files.

The draft passes `rapporteur check`: paragraphs verbatim, every sentence quoted by an entry
whose phrasings are the sentence's own key phrases, so it already answers questions asked
in the article's words. Every record says `draft: true` until a curator rewrites it
(knowledge/README.md walks through it).
"""

from __future__ import annotations

from bot.core.scaffold.build import scaffold

__all__ = ["scaffold"]
