"""Words that carry no topic in a question: the same for any article, so code, not knowledge."""

from __future__ import annotations

import re

# Words that carry no topic: function words and question words. ("my" and "your" are not:
# a question about the reader's own phone or the bot itself is one the article cannot answer.)
FUNCTION_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing done down during each either
    else ever few for from further get gets got had has have having he her here hers him his
    how i if in into is it its itself just let lets me might more my mine myself no nor not
    of off on once only or other ought our ours out over own per please same shall she should
    so some such than that thats the their theirs them then there these they this those through
    thru to too under until up upon us very was we were what whats when where which while who
    whom whos whose why will with would yet you yourself never though although themselves
    himself herself ourselves yourselves
    wat wut wht wot whta hw u r ya pls plz abt bc cuz cos tho dont doesnt didnt isnt wasnt
    arent werent cant wont im ive id theyre hey hi hello ok okay yes yeah uh um umm hmm
    """.split()
)
# Words about the asker, not the article: a state of mind or a reason for asking ("genuinely
# curious", "i always forget", "for my class").
ASKER_WORDS = frozenset(
    """
    curious confused confusing forget forgot forgotten remember remembered wondering crazy
    insane scary scared shocking surprised surprising interesting weird obviously obv pretty
    extreme gm gn homework essay assignment coursework exam quiz lecture notes professor prof
    teacher class classmate seminar random tomorrow tonight friend friends roommate lazy tired
    bored sleepy deja vu brain fog
    """.split()
)
# ...and the generic words readers wrap a question in, which say nothing about the topic.
FILLER = (
    frozenset(
        """
    tell say mention article text piece story according actually really basically explain
    describe characterise characterize portray depict sum know think anyone someone something
    anything everything nothing thing kind sort way happen go like give show look see hear
    heard read involve involvement suppose play part bit lot stuff matter regarding regard
    concerning relate point mean idea main whole overall specific particular exact precise
    brief quick simple plain word phrase term wording language line quote come put take make
    let do deal also again else besides beyond other etc whether somewhere somehow single
    around roughly approximately nearly almost about latest recent recently current currently
    new newest fine okay question centre center toward towards one date year month day
    meant view opinion perspective activity activities aspect aspects
    said told gave given shown saw seen went gone came took taken knew known thought
    able well talk talking talked talks here lol lmao lmfao haha hahaha btw tbh ngl imo imho
    kinda sorta stuff try trying tried tries guy guys dude another similar apart aside behind
    even already anyway anyways honestly literally supposedly dragged drag brought bring
    sounded sounds seems seemed adjective wider broader designed achieve actual wow whoa omg
    damn jeez yikes huh feel feels felt keep keeps refer refers referring referred
    tf wtf heck hell freaking frickin rest remainder passage information everyone everybody
    anybody somebody discuss discussed discusses discussing label labels labelled labeled
    attribute attributes attributed tone subject whatever whatevs wise consider considers
    considered considering full believe believes believed caught credited topic topics
    controversy controversies scandal scandals saga accomplish accomplished probably definitely
    party parties player players stakeholder stakeholders anywhere maybe perhaps alongside
    category categories pair pairs context sorry sry bro bruh fam re ugh sigh welp ffs fml
    classic typical vibes vibe meh
    along together jointly refrain refrains refrained decline declines declined declining
    reference references referenced
    referencing invoke invokes invoked invoking ballpark set alone quotation quotations marks
    briefly quickly simply smh folks folk connection connections still bigger angle angles
    venue venues sketchy shady dodgy basis grounds
    """.split()
    )
    | ASKER_WORDS
)
# Filler is matched by stem ("telling", "described"), function words by exact spelling.
# Dropped as spelled: "her official title" asks her title, but "officials" are people; a
# name "appears" in the byline, but a report "appeared" (was published), and "did it appear
# in X?" asks where; "what development led to it" asks what happened, though to "develop"
# rules is a demand.
SPELLED_FILLER = frozenset("official officially appears development".split())
STOPWORDS = FUNCTION_WORDS | FILLER

# Why the asker asks ("for my journalism class ...", "... asking for an essay"): the
# purpose, not the topic.
PURPOSE_NOUNS = frozenset(
    """
    class classes homework essay assignment coursework project school exam quiz notes research
    paper presentation course lecture seminar thesis studies study university college debate
    slide slides slideshow powerpoint newsletter worksheet handout club podcast blog uni hw
    citation citations bibliography reference chat gc groupchat server channel
    """.split()
)
# Chat wrappers: words and phrases people put around a question in a chat, stripped from its
# start and end before its form is read ("ok so ... or what??", "yo can someone explain ...").
CHAT_OPENERS = tuple(
    phrase.split()
    for phrase in re.split(
        r"[|\n]",
        """
    can someone please explain | can someone explain | can anyone explain | can you explain
    can someone tell me | can anyone tell me | can you tell me | could you tell me
    could someone tell me | could someone explain | could you explain | does anyone know
    does anybody know | do you know | anyone know | anybody know | someone explain
    i was wondering | i am wondering | im wondering | i wonder | i want to know
    i wanna know | i would like to know | id like to know | i need to know | help me understand
    quick question | real quick | genuine question | honest question | dumb question
    stupid question | noob question | sorry if this is dumb | sorry | for real | be honest
    hold on | hold up | hang on | wait up
    idk but | sorry but | asking for a friend | hey bot | hi bot | ok bot
    explain | tell me | remind me | pls | plz | please | yo | hey | hi | hello | hiya | sup
    ok | okay | k | so | wait | well | lol | lmao | lmfao | rofl | omg | um | umm | uh | hmm
    hm | bruh | bro | dude | guys | folks | yall | friends | everyone | btw | also | and | but
    like | actually | honestly | tbh | ngl | fr | srsly | seriously | bot | just | hmmm
    exactly | precisely | basically | is it true that | is it true | is it right that
    my teacher asked | my teacher wants to know | my prof asked | our teacher asked
    good morning | good afternoon | good evening | greetings | dear bot | hey there
    i would like know | i would like to ask | i want know | i need help | help me
    my teacher said | my prof said | someone told me | i heard that | i heard | i read that
    i dont get it | i dont understand | i do not get it | i dont get | i do not get
    whats the deal with | whats the deal w | what is the deal with | whats up with | what about
    i do not know | i dont know | dunno | not sure | im not sure | i am not sure
    i just need | i need | i just want | i want | i would like | id like | i really need
    random question | random q | quick q | kinda random but | tldr | eli5
    real q | real question | serious q | serious question | honest q | genuine q
    roughly | approximately | approx | around | about
    my prof says | my professor says | my teacher says | my professor asked | my prof wants
    my teacher asks | my prof asks | my professor asks | i missed | i forgot | i forget
    i dont even know | i do not even know | i dont really know | i really dont know
    kinda lost | im lost | i am lost | im kinda lost | a bit lost | bit lost | so lost
    im so lost | totally lost | a little lost | im a bit lost | lost here | im lost here
    """,
    )
    if phrase.strip()
)
CHAT_CLOSERS = tuple(
    phrase.split()
    for phrase in re.split(
        r"[|\n]",
        """
    or what | or not | or something | or something like that | or nah | or no | right | correct
    tho | though | pls | please | thanks | thank you | thanks in advance | thx | ty | lol | lmao
    haha | fr | for real | ngl | tbh | yeah | ok | okay | i guess | i think | i mean | exactly
    i dont get it | i dont understand | i dont know | i do not know | i dont remember
    i forgot | no idea | if you know | if anyone knows | if that makes sense | asking for a friend
    asking 4 a friend
    never heard of him | never heard of her | never heard of them | never heard of it
    just curious | im curious | im confused | confused | here | in the article | in this article
    again | again pls | again please | i always forget | i keep forgetting
    idk | idk tho | dunno | i skimmed it | i skimmed | or smth | or sth
    smh | ugh | classic | typical | just vibes | vibes | as usual | of course | sigh | welp
    sorry | sry | soz | sorry if this is dumb | sorry if dumb question
    just checking | just confirming | just to confirm | to confirm | just making sure
    just wanna be sure | just want to be sure | just to be sure | to be sure | just wondering
    asking seriously | seriously asking | genuinely asking | honestly asking | asking for real
    help | help pls | pls help | help please | please help | seems wild | wild | crazy | wow
    whoa | omg | damn | yikes | anyone know | does anyone know | can someone explain
    can anyone explain | true or nah | true or not | true or false | is that true
    cant find it | i cant find it | couldnt find it | cant remember | i cant remember
    cant spell his name | cant spell her name | cant spell their name | cant spell it
    cant remember his name | cant remember her name | forgot his name | forgot her name
    tldr | tldr pls | tldr please | tl dr | eli5 | eli5 pls | in short | in short pls
    kinda lost | im lost | i am lost | im kinda lost | a bit lost | so lost | totally lost
    im so lost | lost here | im lost here | kinda lost here
    whats his deal | whats her deal | whats their deal | what is his deal | what is her deal
    what is their deal | whats the deal | whats the deal with him | whats the deal with her
    short version pls | short version please | quick version | quick version pls
    quick version please
    in one line | in a sentence | in one sentence
    i lost the tab | i closed the tab | lost the tab | closed the tab | i lost the link
    i forgot to copy it | forgot to copy it | i forgot to save it | too or
    lost the link | in quotation marks | in quotes | in inverted commas
    in simple words | in simple terms | in plain english | in plain words | in few words
    according to the statement | according to their statement | per the statement
    according to the warning | according to them | according to the experts
    """,
    )
    if phrase.strip()
)
# Negation: a question with one of these asks something else than without it.
NEGATIONS = frozenset(
    """
    not never nobody none neither nor didnt doesnt dont isnt wasnt arent werent cant cannot
    wont havent hasnt hadnt shouldnt couldnt wouldnt mustnt aint refrain refrains refrained
    decline declines declined declining
    """.split()
)
NEGATION_PHRASES = (("no", "one"), ("no", "part"))
# Contrast: "besides X, who ..." asks for the rest of a list.
CONTRASTS = frozenset("except excluding besides beyond".split())
CONTRAST_PHRASES = (("other", "than"), ("apart", "from"), ("aside", "from"))
# "Which other companies ...?" sets aside the ones the article names, unsaid.
IMPLIED_CONTRASTS = (("which", "other"), ("what", "other"), ("any", "other"))
# "Who said ...?" asks who is quoted, which every entry tells (its speaker).
SPEECH_VERBS = frozenset(
    "said say says stated state warned warn called call described describe "
    "added add urged urge claimed claim".split()
)
# How readers point at what a quoted speaker did in saying it ("what threat did the experts
# *raise*?", "what do they *flag*?"): explained by any entry whose quote is someone's speech.
QUOTED_SPEECH = (
    "warn warned raise raised flag flagged note noted stress stressed highlight highlighted "
    "voice voiced add added cite cited list listed emphasise "
    "emphasised emphasize emphasized underline underlined caution cautioned statement"
)
# Words for the article itself, and for its being published: "when was this article
# published?" asks about the article, not about anything in it.
ARTICLE_WORDS = frozenset("article piece story post".split())
PUBLICATION_VERBS = frozenset(
    "published publish written wrote write writing posted released release appeared dated".split()
)
# "not just the sale but also the use" adds, it does not negate.
NOT_NEGATING = (("not", "just"), ("not", "only"), ("never", "heard"))
# Tag questions ("..., is it?", "..., right?") ask for confirmation of the statement before.
PRONOUNS = frozenset("it they he she this that there we you i".split())
# A leading negative auxiliary asks for confirmation, not the opposite ("wasnt there ...?").
NEGATIVE_AUXILIARIES = frozenset(
    "didnt doesnt dont isnt wasnt arent werent havent hasnt hadnt cant wont".split()
)
AUXILIARIES = frozenset(
    """
    is are was were am do does did has have had can could will would should shall may might
    must isnt arent wasnt werent dont doesnt didnt hasnt havent hadnt cant couldnt wont
    wouldnt shouldnt
    """.split()
)
# Words that keep a verb from asserting that something happened: "would lift", "want banned".
NON_ASSERTING = frozenset(
    """
    would could should will can might may must shall wud cud shud want wants wanted wanting
    call calls calling called urge urges urged urging ask asks asked asking demand demands
    demanded recommend recommended recommends propose proposed suggest suggested need needs
    hope seek seeks push pushing plan planned intend aim if whether until till before
    supposed ought obliged
    """.split()
)
# Of those, the words that open a condition: what follows them may still be told as past ("how
# long did it last before it was lifted?" takes the lifting as having happened).
CONDITION_WORDS = frozenset("until till before".split())
# Between a condition word and its verb, these keep the verb unsettled ("before it is lifted").
UNSETTLED_AUXILIARIES = frozenset(
    "is are be being get gets can will would could should might may must".split()
)
PAST_AUXILIARIES = frozenset("did was were had been didnt wasnt werent hadnt".split())
PERFECT_AUXILIARIES = frozenset("has have hasnt havent".split())  # past only before a participle
# After one of these a premise verb is a noun: "the ban", "an end date", "2019 ban".
DETERMINERS = frozenset(
    "the a an this that these those its their his her our your my any no".split()
)
# Outcomes a question may wrongly take for granted ("When did the ban end?", "Why did the mayor
# resign?"): answered only by an entry whose own quote or answer says so (by stem).
PREMISE_VERBS = frozenset(
    """
    resign resigned quit quitted fire fired sack sacked fine fined sue sued arrest arrested jail
    jailed imprison imprisoned convict convicted sentence sentenced prosecute prosecuted punish
    punished sanction sanctioned ban banned lift lifted end ended sign signed ratify ratified
    approve approved enact enacted veto vetoed repeal repealed overturn overturned withdraw
    withdrew withdrawn cancel cancelled canceled apologise apologised apologize apologized deny
    denied comply complied win won lose lost die
    died kill killed murder murdered elect elected appoint appointed hire hired close closed
    shut launch launched acquire acquired buy bought stop stopped halt halted expire expired
    collapse collapsed impose imposed adopt adopted implement implemented respond responded
    reply replied react reacted publish published release released admit admitted confirm
    confirmed succeed succeeded replace replaced agree agreed accept accepted endorse endorsed
    conclude concluded disclose disclosed refuse refused reject rejected suspend suspended
    expel expelled regulate regulated omit omitted exclude excluded enforce enforced dismiss
    dismissed fail failed backed
    """.split()
)
IRREGULAR_PAST = frozenset(
    "quit won lost bought shut put left withdrew withdrawn took taken gave given stepped".split()
)
# Outcomes said with a verb and a particle: the premise verb each means.
PHRASAL_PREMISES = {
    (verb, particle): meant
    for verbs, particle, meant in (
        ("take takes took taken taking", "over", "succeeded"),
        ("step steps stepped stepping", "down", "resigned"),
        ("give gives gave given giving", "up", "quit"),
        ("back backs backed backing", "down", "withdrew"),
        ("shut shuts shutting", "down", "closed"),
        ("put puts putting", "into", "imposed"),  # "put (it) into effect", joined so
        ("leave leaves left leaving", "out", "omitted"),
        ("take takes took taken taking", "effect", "imposed"),  # "when did it take effect?"
    )
    for verb in verbs.split()
}
PHRASAL_PARTICLES = frozenset(particle for _, particle in PHRASAL_PREMISES)

# Words that only add stress ("what's this even about"): left out when a question made only of
# common words is compared with the curated phrasings letter by letter.
# A reaction asked about ("how did they *respond*?") is a detail: only an entry whose quote or
# answer reports one answers it.
REACTION_WORDS = frozenset(
    """
    respond responds responded responding response responses react reacts reacted reacting
    reaction reactions reply replies replied replying
    """.split()
)
# Verbs of lasting: in a how-long question ("until when should it *apply*?", "how long will
# it *stay in place*?") they restate the kind asked, not a topic.
DURATION_WORDS = frozenset(
    """
    last lasts lasted apply applies applied remain remains remained continue continues
    continued stay stays stayed place force effect
    """.split()
)
INTENSIFIERS = frozenset("even really actually basically just literally like so".split())

# Chat spellings, written out before typo correction ("ppl" is "people", "r" is "are").
SLANG = {
    "whatd": "what did",
    "howd": "how did",
    "whod": "who did",
    "whyd": "why did",
    "whered": "where did",
    "ppl": "people",
    "hr": "human rights",
    "peeps": "people",
    "r": "are",
    "u": "you",
    "ur": "your",
    "wud": "would",
    "cud": "could",
    "shud": "should",
    "abt": "about",
    "bc": "because",
    "bcoz": "because",
    "cuz": "because",
    "cos": "because",
    "coz": "because",
    "govt": "government",
    "govts": "governments",
    "org": "organisation",
    "orgs": "organisations",
    "gov": "government",
    "govs": "governments",
    "thx": "thanks",
    "pls": "please",
    "plz": "please",
    "y": "why",
    "n": "and",
    "b4": "before",
    "gonna": "going to",
    "wanna": "want to",
    "gotta": "got to",
    "dunno": "do not know",
    "idk": "i do not know",
    "wat": "what",
    "wut": "what",
    "wht": "what",
    "hw": "how",
    "whos": "who is",
    "whats": "what is",
    "wheres": "where is",
    "hows": "how is",
    "smth": "something",
    "sth": "something",
    "sb": "somebody",
    "ppls": "people",
    "yr": "year",
    "yrs": "years",
    "info": "information",
    "w": "with",
    "wld": "would",
    "shld": "should",
    "cld": "could",
    "tho": "though",
    "thru": "through",
    "nd": "and",
    "wen": "when",
    "bout": "about",
    "wher": "where",
    "rite": "right",
    "sry": "sorry",
    "srry": "sorry",
    "hv": "have",
    "hve": "have",
    "shd": "should",
    "em": "them",
    "acc": "according",
    "esp": "especially",
    "rn": "right now",
    "atm": "at the moment",
    "regs": "regulations",
    "msg": "message",
    "bcs": "because",
    "becuz": "because",
    "wrt": "about",
    "tht": "that",
    "wer": "were",
    "thr": "their",
    "sum1": "someone",
    "ne1": "anyone",
    "2day": "today",
    "dat": "that",
    "dis": "this",
    "da": "the",
    "til": "until",
    "theyve": "they have",
    "weve": "we have",
    "youve": "you have",
    "shouldve": "should have",
    "wouldve": "would have",
    "couldve": "could have",
    "tmrw": "tomorrow",
    "tmr": "tomorrow",
    "2moro": "tomorrow",
    "uni": "university",
    "rly": "really",
    "rlly": "really",
    "prolly": "probably",
    "probs": "probably",
    "tryna": "trying to",
    "lemme": "let me",
    "gimme": "give me",
    "ofc": "of course",
    "obvs": "obviously",
    "nvm": "never mind",
    "bcuz": "because",
    "till": "until",
}
