"""Words that carry no topic in a question: the same for any article, so code, not knowledge."""

from __future__ import annotations

# Words that carry no topic: function words and question words. ("my" and "your" are not:
# a question about the reader's own phone or the bot itself is one the article cannot answer.)
FUNCTION_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each either
    else ever few for from further get gets got had has have having he her here hers him his
    how i if in into is it its itself just let lets me might more myself no nor not
    of off on once only or other ought our ours out over own per please same shall she should
    so some such than that thats the their theirs them then there these they this those through
    thru to too under until up upon us very was we were what whats when where which while who
    whom whos whose why will with would yet you yourself
    wat wut wht wot whta hw u r ya pls plz abt bc cuz cos tho dont doesnt didnt isnt wasnt
    arent werent cant wont im ive id theyre hey hi hello ok okay yes yeah uh um umm hmm
    """.split()
)
# ...and the generic words readers wrap a question in, which say nothing about the topic.
FILLER = frozenset(
    """
    tell say mention article text piece story according actually really basically explain
    describe characterise characterize portray depict sum know think anyone someone something
    anything everything nothing thing kind sort way happen go like give show look see hear
    heard read involve involvement suppose play part bit lot stuff matter regarding regard
    concerning relate point mean idea main whole overall specific particular exact precise
    brief quick simple plain word phrase term wording language line quote come put take make
    let use do deal also again else besides other etc whether somewhere somehow single
    around roughly approximately nearly almost about latest recent recently current currently
    new newest fine okay question centre center toward towards run one date year month day
    meant view opinion perspective activity activities aspect aspects
    said told gave given shown saw seen went gone came took taken knew known thought
    able well
    """.split()
)
# Filler is matched by stem ("telling", "described"), function words by exact spelling.
STOPWORDS = FUNCTION_WORDS | FILLER
