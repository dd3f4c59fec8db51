"""Facts a section states: definitions, lists, comparisons, use cases and numbers.

Plain Python, no ORM.  `extract(blocks, topic_name=..., section_title=...)` reads the
blocks of ONE section (as `parse` + `topics` produce them) and returns `Fact`s:

* definition  `Term: definition`, `**Term**: definition`, `Term - definition`, `X is a/an ...`
              first sentences, labels whose definition sits in child bullets, and a service
              heading whose first bullet is a noun phrase ("Amazon Neptune" / "Fully managed
              graph database")                                -> {"term", "definition"}
* list        a lead-in (`... :`, a bare label, the section title) over sibling bullets, or an
              inline enumeration (`Components : Users, User groups, Roles, Policies`)
                                                              -> {"label", "members"}
* comparison  pipe tables and "X vs Y" sections               -> {"items", "attributes"}
* use_case    "best for / ideal for / use case / used for / suitable for ..." statements,
              "Use Case" meta-labels and "Use Cases" sections -> {"option", "use_case"}
* number      limits, durations, percentages, sizes, ports    -> {"number", "statement"}

`Fact.subject` is a normalised key (markdown stripped, lower case, "Amazon"/"AWS" prefix and
parentheticals dropped, well-known spelled-out names turned into their acronym) so the same
thing gets the same subject in every file: '**Amazon EBS (Elastic Block Store)**', 'EBS' and
'Elastic Block Store' all give 'ebs'.  Display case lives in `text` and `data`; ALL-CAPS terms
from the prose notes are shown in title case.  A number's statement names its context
("Lambda – Invocation time: up to 15 minutes") so a cloze card reads on its own.

Quality beats quantity: meta labels (Use Case, Description, Cost ...) are attributes of the
option they sit under, never terms; feature blurbs, lead-ins, chat leftovers, example scenarios
and one-word or repeated definitions give nothing; and statements a claim says are wrong
(content/claims.toml: 13 nines, a 75% RI discount, gp3 bursting ...) are dropped rather than
turned into answer keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .claims import flagged
from .outline import Block, Fact

MAX_DEF = 300  # a definition must be readable on a phone
MAX_STATEMENT = 170  # a cloze card shows the whole statement

# ----------------------------------------------------------------------------- vocabulary


def _vocab(text: str) -> frozenset[str]:
    """'a|b c|\n d' -> {'a', 'b c', 'd'}."""
    return frozenset(w.strip() for w in text.replace("\n", "|").split("|") if w.strip())


# Labels that structure the notes but are not terms ("- **Use Case**: ...", "Advantages:").
GENERIC_TERMS = _vocab(
    """
    use case|use cases|usecase|usecases|use-case|use-cases|description|desc|cost|costs|cost model|example|
    examples|ex|eg|e.g|for example|for instance|note|notes|nb|important|advantages|advantage|disadvantages|
    disadvantage|features|feature|key features|main features|core features|notable features|benefits|benefit|
    key benefits|pricing|price|prices|pricing model|pricing models|overview|summary|purpose|definition|
    definitions|types|type|kinds|kind|best for|ideal for|suitable for|good for|great for|use|uses|usage|
    conclusion|key takeaways|takeaways|takeaway|key points|key point|tip|tips|exam tip|hint|hints|warning|caution|
    remember|scenario|scenarios|real time scenario|real-time scenario|real world scenario|real-world scenario|
    real time use cases|real-time use cases|steps|step|workflow|process|how it works|working|introduction|intro|
    details|detail|info|information|other|others|misc|limitations|limitation|challenges|challenge|pros|cons|why|
    what|how|when|where|result|results|output|input|answer|question|solution|problem|configuration|services|
    concepts|key concepts|components|key components|options|option|characteristics|properties|property|attributes|
    in short|in summary|i.e|ie|also|source|sources|reference|references|documentation|doc|docs|link|links|url|
    supports|support|includes|including|popular instance families|categories|category|aspect|comparison|functions|
    function|capabilities|capability|key capabilities|common use cases|primary use case|primary use cases|
    key use cases|typical use cases|example use case|example use cases|best practices|best practice|
    considerations|consideration|requirements|requirement|status|state|method|methods|approach|approaches|
    strategy|main|key|basics|general|generic|fact|facts|payment|payments|billing|charges|fees|fee|free tier|size|
    sizes|capacity|storage capacity|form factor|storage|compute|memory|network|networking|performance|
    availability|durability|latency|throughput|security|integration|integrations|monitoring|management|access|
    data|region|regions|zone|zones|az|azs|scope|limits|limit|aws|you|user|customer|customer responsibility|
    aws responsibility|responsibility|admin|developer|learn|homework|assignment|task|tasks|lab|demo|q|a|ans|
    public|private|fast|simple|elastic|reliable|global|secure|flexible|scalable|cost-effective|cost effective|
    cost-efficient|cost efficient|customizable|extensible|easily scalable|fully managed|common|other uses|
    high performance|improved security
    """
)

# Words that name a quality, not a thing: a term only when the definition really defines it.
BENEFIT_WORDS = _vocab(
    """
    scalability|flexibility|elasticity|agility|security|reliability|performance|high performance|cost efficiency|
    cost-efficiency|cost-effective|cost effective|cost-efficient|cost efficient|cost savings|cost optimization|
    cost-effectiveness|ease of use|easy to use|simplicity|automation|consistency|integration|compliance|
    fault tolerance|resilience|resiliency|persistence|monitoring|efficiency|speed|fast|simple|global|elastic|
    reliable|time-saving|customizable|customization|isolation|high availability|durability|availability|scalable|
    secure|flexible|fully managed|managed service|pay-as-you-go|pay as you go|pay-per-use|low latency|
    high throughput|mobility|productivity|innovation|visibility|control|governance|portability|extensible|
    interoperability|transparency|accessibility|maintainability|versatility|cost|improved security|
    improved compatibility|easily scalable
    """
)

PRONOUNS = frozenset(
    "it its it's it’s this that these those they them their there here we you your i he she which what who our my "
    "users customers developers".split()
)
# Words that open a descriptive bullet rather than a name ("Supports health checks", "Built on Windows").
VERB_START = frozenset(
    """provide provides support supports remove removes allow allows enable enables help helps use uses offer offers
    include includes focus focuses manage manages store stores run runs scale scales integrate integrates integrated
    work works give gives make makes let lets keep keeps need needs require requires ensure ensures automate automates
    build builds built deploy deploys define defines create creates launch launches replace replaces expose exposes
    distribute distributes spread spreads do does is are can will seamlessly easy easily highest fully limited
    continuously automatically optimized designed based used relies rely operates operate acts act additionally
    also has have not no""".split()
)
DETERMINERS = frozenset("each every all some both such any many most several various".split())
LEADING_NON_TERM = frozenset(
    "in on at as after before during with without for from by to since unlike like once then also using "
    "just only even still now so limited based built designed difference differences".split()
)
SUBORDINATORS = frozenset("when if because while although unless since whereas whether though once".split())
VERBISH = frozenset(
    "is are was were be been can will should must would could may might does do did have has had let lets let's "
    "let’s we you i need needs want wants".split()
)
STOPWORDS = frozenset(
    "a an the of and or to in on for by is as at with from into over under via per its it be are this that these "
    "than then so not no can will your you we our their they amazon aws service services".split()
)
# Verbs that open an instruction, not a definition ("Launch Docker containers on AWS").
IMPERATIVE = frozenset(
    "launch make scale use create run store build deploy orchestrate enable define start stop get set add remove "
    "install configure choose select click go open write upload download update ensure avoid keep review check "
    "restrict give allow limit implement attach detach copy move delete register set up monitor pay".split()
)

USE_CASE_LABEL = re.compile(
    r"^(?:(?:primary|common|key|typical|example|ideal|main|real[- ]?time|real[- ]?world|other)\s+)?"
    r"(?:use[- ]?cases?|uses|usecases?|applications)(?:\s+(?:for|of)\b.*)?$"
    r"|^(?:best|ideal(?:ly)?|well|good|great|perfect)(?:\s+suited)?\s+(?:for|when)$"
    r"|^suitable for$|^when to use(?:\b.*)?$|^used for$|^recommended for$|^workloads$"
)
DEFINITION_LABEL = re.compile(r"^(?:definition|description|desc|purpose|role|what it is|what is it|meaning|about)$")

# "Use Cases", "When to Use X", "Choosing the Right Storage Class": terms are use cases or options.
USE_CASE_SECTION = re.compile(r"\b(?:use[- ]?cases?|uses of|when to use|choosing|choose the right|scenarios?)\b", re.I)
# Sections whose "Term: text" bullets are benefits, steps or advice, not definitions.
NO_DEFINITION_SECTION = re.compile(
    r"\b(?:benefits?|advantages?|disadvantages?|best practices?|limitations?|challenges?|steps?|workflow|how to|"
    r"works?|lifecycle|process|example|examples|conclusion|key takeaways|pricing|costs?|setting up|set up|mounting|"
    r"considerations?|tips?|guidelines?|activity|scenario|responsibilit(?:y|ies)|integrations?|"
    r"services (?:supporting|ensuring|for))\b",
    re.I,
)
FEATURE_SECTION = re.compile(
    r"(?i)(?:key |main |core |notable )?(?:security )?(?:features?|benefits?|advantages?|capabilities)\b"
)
# Sections where "used for" talks about money or procedure, not about fitting a need.
NO_USE_CASE_SECTION = re.compile(
    r"\b(?:pricing|costs?|steps?|workflow|how to|setting up|set up|lifecycle|process|mounting|billing)\b", re.I
)
# Lists not worth a "name the ..." card.
NO_LIST_LABEL = re.compile(
    r"\b(?:benefits?|advantages?|disadvantages?|best practices?|limitations?|challenges?|conclusion|summary|"
    r"key takeaways|examples?|guidelines?|pricing|cost|costs|considerations?|use[- ]?cases?|uses|"
    r"why|responsibilit(?:y|ies)|how to|setting up|set up|characteristics)\b",
    re.I,
)

_TRIGGERS = (
    r"best[- ]suited for|best for|ideal(?:ly suited)? for|ideal when|ideal choice for|well[- ]suited for|"
    r"suitable for|suited for|good for|great for|perfect for|useful for|useful when|recommended for|preferred for|"
    r"used for|used when|used in case of|use this when|use (?:it )?when|use for|designed for|"
    r"use cases? (?:include|are|is)|use cases?:|commonly used in"
)
USE_CASE_TRIGGER = re.compile(rf"\b(?P<trig>{_TRIGGERS})\b\s*:?\s*", re.I)
_TRIGGER_LOW = re.compile(rf"\b(?P<trig>{_TRIGGERS})\b\s*:?\s*")  # on lower-cased text: much faster than re.I
_HEAD_TAIL_WORDS = frozenset(
    "is are can be were was often commonly typically mainly mostly primarily generally also frequently particularly "
    "especially very highly most best well ideally widely usually often extremely".split()
)


def _trigger(sentence: str) -> re.Match[str] | None:
    low = sentence.lower()
    if " for" not in low and "when" not in low and "case" not in low and "used in" not in low:
        return None
    if len(low) == len(sentence):
        return _TRIGGER_LOW.search(low)
    return USE_CASE_TRIGGER.search(sentence)


_COPULA = re.compile(r"(?i)\b(?:is|are|was|were|can be)\b[\w\s]*$")


def _head_of(text: str) -> str:
    """'Storage-optimized instances are ideally' -> 'Storage-optimized instances'."""
    words = text.split()
    while words and words[-1].lower() in _HEAD_TAIL_WORDS:
        words.pop()
    return " ".join(words).strip(" ,-–:")


_CHAT_TAIL = re.compile(
    r"[.!?] (?:would you like|if you were referring|let me know|here(?:’|')?s |here is |here are )", re.I
)
CHAT = re.compile(
    r"^(?:would you like|if you were referring|it seems like you|let me know|i hope|feel free|here(?:’|')?s |"
    r"here is |here are |sure[,!]|certainly[,!]|great question|as an ai)",
    re.I,
)

# Options the generator must not offer as a right answer (retired or end of support).
RETIRED_OPTION = re.compile(r"\b(?:qldb|quantum ledger|snowmobile|snowcone|multi-master)\b", re.I)

# ----------------------------------------------------------------------------- text helpers

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPH = re.compile(r"(?<![\w*])\*(?![\s*])([^*\n]+?)(?<![\s*])\*(?![\w*])")
_LEAD_JUNK = re.compile(r"^(?:\s|[-=]{1,}>|→|⇒|»|•|○|▪|◦|[-*+](?=\s))+")
_INNER_ARROW = re.compile(r"\s*(?:-{1,}>|={1,}>|⇒)\s*")
_NUMBERING = re.compile(r"^\(?(?:\d{1,2}|[a-z])[.)]\s+(?=\S)")
_TRAIL_COLON = re.compile(r"\s*(?::-|:|–|-|—)\s*$")
_PAREN = re.compile(r"\s*\([^()]*\)")
_WS = re.compile(r"\s+")
_DASHES = str.maketrans({"–": "-", "—": "-", "−": "-", "‐": "-", "’": "'", "‘": "'", "“": '"', "”": '"'})

_ACRONYMS = frozenset(
    """aws ec2 ebs efs s3 ssd hdd iops vpc iam rds sqs sns ecs eks ecr ami dns acl nacl kms arn cli sdk api ip ipv4 ipv6
    ttl soa mx ns cname aaaa ptr srv txt os cpu gpu ram hpc etl oltp olap sql nosql json http https ssh tcp udp az dax
    gsi lsi rcu wcu tb gb mb kb elb alb nlb gwlb asg cdn sla nfs smb io ssm crr srr sse mfa dms emr qldb igw nat cidr
    rdp ftp sftp url urls ui dbaas paas iaas saas faas byol ci cd cicd ml ai iot vm vms id ids waf cdk cft sc1 st1 gp2
    gp3 io1 io2 r53 tld mta dr ha pitr""".split()
)


_UNDERSCORE_RULE = re.compile(r"_{3,}")
_UNDERSCORE_BOLD = re.compile(r"__(\S(?:.*?\S)?)__")
_SPACE_PUNCT = re.compile(r"\s+([,.;:!?])(?=\s|$)")


@lru_cache(maxsize=8192)
def clean(text: str | None) -> str:
    """Markdown-free, single-line text: no `**`, backticks, links, leading bullets or arrows."""
    if not text:
        return ""
    t = _LINK.sub(r"\1", text) if "](" in text else text
    if "__" in t:
        t = _UNDERSCORE_BOLD.sub(r"\1", _UNDERSCORE_RULE.sub(" – ", t))
    t = t.replace("**", "").replace("`", "")
    if "*" in t:
        t = _EMPH.sub(r"\1", t)
    t = _LEAD_JUNK.sub("", t)
    if ">" in t or "⇒" in t:
        t = _INNER_ARROW.sub(" → ", t)
    t = " ".join(t.split())
    if "( " in t or " )" in t:
        t = t.replace("( ", "(").replace(" )", ")")
    if " ," in t or " ." in t or " :" in t or " ;" in t or " !" in t or " ?" in t:
        t = _SPACE_PUNCT.sub(r"\1", t)
    return t


@lru_cache(maxsize=8192)
def _strip_label(text: str) -> str:
    """'1. **Storage Classes**:' -> 'Storage Classes'."""
    t = clean(text)
    t = _NUMBERING.sub("", t)
    t = _HEADING_HASH.sub("", t)
    t = _TRAIL_COLON.sub("", t)
    return t.strip(" .*\"“”‘’'")


_WORD_SPLIT = re.compile(r"(\W+)")
_SMALL_WORDS = frozenset("a an the of and or to in on for by as at with from into via per is are".split())


def _decap(text: str) -> str:
    """'EPHEMERAL STORAGE' -> 'Ephemeral Storage'; acronyms and words with digits stay upper case."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or sum(c.isupper() for c in letters) < 0.8 * len(letters):
        return text
    out = []
    for word in _WORD_SPLIT.split(text):
        low = word.lower()
        if not word or not word[0].isalpha() and not word[0].isdigit():
            out.append(word)
        elif low in _ACRONYMS or any(c.isdigit() for c in word) or len(word) <= 2 and low not in _SMALL_WORDS:
            out.append(word.upper() if low != "ipv4" and low != "ipv6" else "IPv" + low[-1])
        elif low in _SMALL_WORDS and out:
            out.append(low)
        else:
            out.append(word.capitalize())
    return "".join(out)


@lru_cache(maxsize=8192)
def display(term: str) -> str:
    return _decap(_strip_label(term))


# Spelled-out names that the notes also write as an acronym: both get the acronym as subject.
_EXPANSIONS = {
    "machine image": "ami",
    "amazon machine image": "ami",
    "elastic block store": "ebs",
    "elastic block storage": "ebs",
    "elastic file system": "efs",
    "identity and access management": "iam",
    "virtual private cloud": "vpc",
    "key management service": "kms",
    "application load balancer": "alb",
    "network load balancer": "nlb",
    "elastic load balancer": "elb",
    "elastic load balancing": "elb",
    "auto scaling group": "asg",
    "elastic compute cloud": "ec2",
    "simple storage service": "s3",
    "relational database service": "rds",
    "elastic container service": "ecs",
    "elastic kubernetes service": "eks",
    "elastic container registry": "ecr",
    "database migration service": "dms",
    "simple queue service": "sqs",
    "simple queuing service": "sqs",
    "simple notification service": "sns",
    "cloud development kit": "cdk",
    "command line interface": "cli",
    "software development kit": "sdk",
    "software developer kit": "sdk",
    "quantum ledger database": "qldb",
    "elastic mapreduce": "emr",
    "elastic map reduce": "emr",
    "amazon resource name": "arn",
    "access control list": "acl",
    "network access control list": "nacl",
    "domain name system": "dns",
    "cross region replication": "crr",
    "same region replication": "srr",
    "infrastructure as a service": "iaas",
    "platform as a service": "paas",
    "software as a service": "saas",
    "time to live": "ttl",
    "dynamodb accelerator": "dax",
    "global secondary index": "gsi",
    "local secondary index": "lsi",
    "read capacity unit": "rcu",
    "write capacity unit": "wcu",
    "cloud formation template": "cft",
}
_KEY_ARTICLE = re.compile(r"^(?:the|an?)\s+")
_KEY_VENDOR = re.compile(r"^(?:amazon|aws)\s+(?=\S)")
_KEY_QUOTES = re.compile(r"[\"']")
_KEY_ALIAS = re.compile(r"^([a-z][a-z0-9]{1,5})\s*[-=:]\s*([a-z].*)$")
_HEADING_HASH = re.compile(r"^#+\s*")
_ACRONYM_TAIL = re.compile(r"^(.+?)\s*\(([A-Z][A-Za-z0-9]{1,5})\)$")


def _initials(phrase: str) -> str:
    return "".join(w[0] for w in re.findall(r"[a-z]+", phrase.lower()) if w not in {"and", "of", "for", "the", "a"})


@lru_cache(maxsize=8192)
def key(text: str) -> str:
    """Normalised subject: lower case, no markdown, no parentheticals, no Amazon/AWS prefix.

    'EBS (Elastic Block Store)', '**Amazon EBS**' and 'EBS' all give 'ebs';
    'DMS – Database Migration Service' and 'AMI = Amazon Machine Image' give 'dms' and 'ami'.
    """
    raw = _strip_label(text).translate(_DASHES)
    m = _ACRONYM_TAIL.match(raw)
    if m and _initials(m.group(1)) == re.sub(r"[^a-z]", "", m.group(2).lower().removesuffix("s")):
        return m.group(2).lower()  # "Amazon Machine Image (AMI)" -> "ami", like "AMI = Amazon Machine Image"
    t = raw.lower()
    stripped = _PAREN.sub("", t).strip()
    if stripped:
        t = stripped
    t = _KEY_QUOTES.sub("", _KEY_VENDOR.sub("", _KEY_ARTICLE.sub("", t)))
    expanded = " ".join(t.replace("-", " ").split())
    if expanded in _EXPANSIONS or expanded.rstrip("s") in _EXPANSIONS:
        return _EXPANSIONS.get(expanded) or _EXPANSIONS[expanded.rstrip("s")]  # "Elastic Block Store" -> "ebs"
    m = _KEY_ALIAS.match(t)
    if m:
        letters = re.sub(r"[^a-z]", "", m.group(1))
        initials = _initials(m.group(2))
        if len(letters) >= 2 and initials.startswith(letters) or len(letters) == 1 and initials == letters * 3:
            t = m.group(1)
    return " ".join(t.split()).strip(" .,:;!?")


_ALNUM = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def _content_words(text: str) -> frozenset[str]:
    out = set()
    for w in _ALNUM.findall(text.lower()):
        if w not in STOPWORDS and len(w) > 1:
            out.add(w[:-1] if w.endswith("s") and len(w) > 3 else w)
    return frozenset(out)


def _mentions(text: str, name: str) -> bool:
    """Does `text` name `name` (at least half of its content words)?"""
    wanted = _content_words(name)
    return not wanted or len(_content_words(text) & wanted) * 2 >= len(wanted)


def _cap(text: str) -> str:
    if not text:
        return text
    first = text.split(" ", 1)[0]
    if any(c.isdigit() for c in first) or "." in first.rstrip(".") or first[1:2].isupper():
        return text  # "t3.medium", "gp2", "iOS"
    return text[:1].upper() + text[1:]


_ABBREV = frozenset(
    "e.g i.e etc vs ex max min no approx inc fig mr dr st cont u.s a.k.a ltd sec avg est eg ie al".split()
)
_SENT_END = re.compile(r"[.!?](?:[\"”’)\]]*\s+(?=[\"“‘(*]?[A-Z0-9])|(?=[A-Z][a-z]{2}))")


@lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[str, ...]:
    out: list[str] = []
    start = 0
    for m in _SENT_END.finditer(text):
        j = m.start()
        if m.end() == j + 1:  # "power.Memory": no space, only after a lower-case word
            if text[j] != "." or not text[max(0, j - 3) : j].isalpha() or not text[max(0, j - 3) : j].islower():
                continue
        if text[j] == ".":
            k = j
            while k > start and (text[k - 1].isalnum() or text[k - 1] in "._"):
                k -= 1
            word = text[k:j].lower()
            if word in _ABBREV or len(word) == 1 and word.isalpha():
                continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return tuple(s for s in out if s)


def _trim(text: str, limit: int) -> str:
    """Cut an over-long sentence at a clause boundary before `limit`."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    for sep in ("; ", ", ", " – ", " - ", " ("):
        pos = cut.rfind(sep)
        if pos >= limit // 3:
            return cut[:pos].rstrip(" ,;:-–(") + "…"
    return cut[: cut.rfind(" ")].rstrip(" ,;:-–(") + "…"


_EXAMPLE_START = re.compile(r"(?i)(?:for example|for instance|e\.g\.|example|ex\.|lets|let's|let’s)\b")


# A next sentence that finishes the definition: its catch ("However, these instances can be interrupted") or
# its purpose ("It is useful for preserving ... objects"). Blind graders failed cards that dropped it.
_CONTINUES = re.compile(
    r"(?i)(?:however|but|it is (?:useful|used|ideal|designed|meant)|(?:it|this) (?:helps|lets|"
    r"allows|prevents|protects))\b"
)


def first_sentences(text: str, limit: int = MAX_DEF, short: int = 70) -> str:
    """The first sentence, plus the next while the first is short or the next finishes it; chat leftovers dropped."""
    sents = [s for s in sentences(text) if not CHAT.match(s)]
    if not sents:
        return ""
    out = sents[0]
    for nxt in sents[1:]:
        if len(out) + 1 + len(nxt) > limit or _EXAMPLE_START.match(nxt):
            break
        if len(out) >= short and not (len(out) + 1 + len(nxt) <= limit - 60 and _CONTINUES.match(nxt)):
            break
        out = f"{out} {nxt}"
    out = _trim(out, limit)
    return _TRAIL_COLON.sub("", out).strip() if out.endswith((":", ":-")) else out


def _suspect(*texts: str) -> bool:
    """A claim (content/claims.toml) says the statement is wrong: never a fact, never an answer key."""
    return flagged(" ".join(t for t in texts if t))


def _is_chat(text: str) -> bool:
    if CHAT.match(text):
        return True
    if len(text) < 12:
        return text.lower() in {"alt text", "image"}
    return text.startswith(("http://", "https://")) and " " not in text


# ----------------------------------------------------------------------------- terms

_SPLIT_BOLD = re.compile(r"^\*\*(?P<t>[^*]{1,80}?)\*\*\s*(?::-?|[–—−]|-(?=\s)|=)\s*(?P<d>.*)$", re.S)
_SPLIT_BOLD_COLON_IN = re.compile(r"^\*\*(?P<t>[^*]{1,80}?):\*\*\s*(?P<d>.*)$", re.S)
_SPLIT_PLAIN = re.compile(
    r"^(?P<t>[^:–—−=]{1,70}?)\s*(?::-|(?<!\w):(?!//)|:(?=\s|$)|\s[–—−]\s|\s-\s|\s=\s)\s*(?P<d>.*)$", re.S
)


def term_and_definition(block: Block) -> tuple[str | None, str]:
    """The parser's term/definition, or our own split of the common forms when it gave none."""
    if block.term is not None:
        return block.term, block.definition or ""
    text = (block.text or "").strip()
    text = _LEAD_JUNK.sub("", text)
    text = _NUMBERING.sub("", text)
    for rx in (_SPLIT_BOLD_COLON_IN, _SPLIT_BOLD):
        m = rx.match(text)
        if m:
            return m.group("t"), m.group("d").strip()
    m = _SPLIT_PLAIN.match(text)
    if m:
        t = m.group("t").strip()
        if 0 < len(t.split()) <= 6 and t[:1].isupper() and "," not in t and not t.endswith("."):
            return t, m.group("d").strip()
    return None, ""


@lru_cache(maxsize=8192)
def term_ok(term: str | None) -> bool:
    """A real term: not a meta label, not a sentence, not a question, not too long."""
    if not term:
        return False
    t = display(term)
    k = key(t)
    if len(k) < 2 or not re.search(r"[a-zA-Z]", t):
        return False
    if k in GENERIC_TERMS or _strip_label(term).lower() in GENERIC_TERMS:
        return False
    if re.match(r"^(?:step|phase|stage|part|option|example|assignment|task)\s*\d", k) or re.fullmatch(r"[a-z]+ \d", k):
        return False
    words = t.split()
    if len(words) > 8 or len(t) > 80 or t.endswith("?"):
        return False
    lowered = {w.lower().strip(",.()") for w in words}
    if words[0].lower() in PRONOUNS or lowered & VERBISH or words[0].lower() in SUBORDINATORS:
        return False
    if words[0][:1].islower() and len(words) > 3:  # "singledigit millisecond to microseconds latency"
        return False
    if words[0].lower() in LEADING_NON_TERM or words[0].lower() in DETERMINERS and len(words) > 1:
        return False  # "In S3 bucket versioning it", "After Redshift", "Each partition"
    if "example" in lowered or "examples" in lowered or "scenario" in lowered:
        return False
    if " vs " in f" {k} " or " vs. " in k or "http" in k:
        return False
    return not CHAT.match(t)


def _repeats(term: str, definition: str) -> bool:
    tw, dw = _content_words(term), _content_words(definition)
    if not dw:
        return True
    return dw <= tw or definition.lower().strip(" .") == term.lower().strip(" .")


def _is_acronym_expansion(term: str, definition: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", _PAREN.sub("", term))
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", definition) if w.lower() not in {"and", "of", "for"})
    return 2 <= len(letters) <= 6 and letters.isupper() and initials.upper().startswith(letters.upper()[:2])


def _name_like(text: str) -> bool:
    """'DynamoDB (serverless) & DAX', 'EMR', 'RDS & Aurora (SQL)': names, not prose."""
    core = _PAREN.sub("", text).strip(" .")
    words = [w for w in re.split(r"[\s&/+,]+", core) if w and w.lower() not in {"and", "or"}]
    return 0 < len(words) <= 4 and all(w[0].isupper() or w[0].isdigit() for w in words)


_DEFINING_START = frozenset(
    "a an the ability capability measure measures degree extent property practice process run running".split()
)


def _defining_sentence(definition: str, owner: str | None) -> bool:
    """For quality words (Scalability, Availability ...): keep only a real definition."""
    words = definition.split()
    first = words[0].lower().strip(",.") if words else ""
    if first in PRONOUNS or first in {"amazon", "aws"}:
        return False
    if first not in _DEFINING_START and not (words and words[0][:1].islower()):
        return False
    if owner:
        head = _content_words(" ".join(definition.split()[:3]))
        if head & _content_words(owner):
            return False
    return not re.search(r"\d", definition) or len(definition.split()) > 8


_LEAD_PAREN = re.compile(r"^\([^()]{1,80}\)\s*")
_PRONOUN_OPEN = re.compile(
    r"^(?:(?:this|it|that)\s+(?:is|was)\s+|it[’']s\s+|its\s+|these\s+are\s+|they\s+are\s+)", re.I
)
_COPULA_OPEN = re.compile(r"^(?:is|are)\s+(?=(?:a|an|the)\s)", re.I)


def clean_definition(definition: str, term: str | None = None) -> str:
    d = clean(definition)
    if d.startswith("("):
        d = _LEAD_PAREN.sub("", d)  # "(not related to scalability - distractor) new IT ..."
    if term:
        m = _is_a_match(d)
        if m and _content_words(m[0]) & _content_words(term) and m[1].strip().lower().startswith(("is", "are")):
            d = m[2]  # "AWS Fargate is a serverless ..." -> "a serverless ..."
    d = _PRONOUN_OPEN.sub("", d)
    d = _COPULA_OPEN.sub("", d)
    d = d.lstrip(":-–— ").strip()
    d = first_sentences(d)
    return _cap(d)


_LABEL_OPEN = re.compile(r"^([A-Za-z][\w-]*(?: [\w-]+)?)\s*:\s")
_LEADIN_LAST = frozenset("including like following include includes are is as of the to and or such".split())


def _ends_as_lead_in(text: str) -> bool:
    """'Elastic Beanstalk supports a variety of platforms, including' introduces a list; it defines nothing."""
    tail = text.rstrip(" .:;,-–").rsplit(None, 1)
    return bool(tail) and tail[-1].lower() in _LEADIN_LAST


def _feature_blurb(term: str, definition: str, owners: Iterable[str | None]) -> bool:
    """'Data Encryption: Redshift provides encryption ...' describes a feature of the owner, it defines nothing.

    The definition opens with the owner (or 'You', 'It') as its subject rather than with the term.
    """
    words = definition.split()
    if not words:
        return True
    if words[0].lower().strip(",.") in PRONOUNS:
        return True
    term_words = _content_words(term)
    lead = _ALNUM.findall(" ".join(words[: len(term_words) + 4]).lower())
    lead_words = _content_words(" ".join(lead))
    if term_words and len(term_words & lead_words) >= min(2, len(term_words)):
        return False  # "DynamoDB Streams: DynamoDB Streams capture ..." talks about the term itself
    first = next((w for w in lead if w not in STOPWORDS and len(w) > 1), "")
    first = first[:-1] if first.endswith("s") and len(first) > 3 else first
    return any(o and first in _content_words(o) for o in owners)


_BARE_VALUE = re.compile(r"[\d\s.,%$:/-]+\w{0,6}")


def _definition_ok(term: str, definition: str) -> bool:
    if len(definition.split()) < 2 or len(definition) < 6:
        return False
    if len(definition.split()) < 3 and not _is_acronym_expansion(term, definition):
        return False  # "Reserved Instances: Long workloads", "Firewall rules: Security group"
    if USE_CASE_TRIGGER.match(definition):
        return False  # "Best suited for HTTP/HTTPS traffic ...": a use case, kept as one
    first = definition.split()[0].lower().strip(",.")
    if first in SUBORDINATORS or first in {"for", "however", "but", "also", "e.g", "ex"}:
        return False  # "For homogeneous migrations ...", "When accessing ...": a clause, not a definition
    if _ends_as_lead_in(definition):
        return False
    m = _LABEL_OPEN.match(definition)
    if m and (m.group(1).lower() in GENERIC_TERMS or USE_CASE_LABEL.match(m.group(1).lower())):
        return False  # "Scenario: Users upload images ..."
    if first in {"use", "using"} and _content_words(" ".join(definition.split()[1:4])) & _content_words(term):
        return False  # "AWS Glue: Use AWS Glue to prepare ..."
    if _name_like(definition) and not _is_acronym_expansion(term, definition):
        return False  # "Private: Amazon ECR", "Amazon S3 Standard - General Purpose": a name, not a definition
    if _repeats(term, definition) or _is_chat(definition):
        return False
    if _BARE_VALUE.fullmatch(definition):  # a bare value, handled as a number
        return False
    return not definition.lower().startswith(("e.g", "ex.", "for example", "example"))


# ----------------------------------------------------------------------------- numbers

_N = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NR = rf"{_N}(?:\s?(?:-|–|to|or|&|and)\s?{_N})?"
_SIZE = r"(?:[KMGTPE]i?B|[kmgtpe]b)(?:/s|ps|-?s\b)?|bytes?|bits?"
_TIME = r"(?:milli|micro)?seconds?|ms|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|yrs?"
_COUNT = (
    r"(?:read\s+)?replicas|copies|AZs?|Availability Zones?|regions?|characters|vCPUs?|requests|buckets|tags|"
    r"(?:compute\s+)?nodes|instances|global secondary indexes|local secondary indexes|GSIs?|LSIs?|partitions|"
    r"messages|msgs?|records|transactions|secondary regions|edge locations|items|objects|users|accounts|"
    r"facilities|data centers|computers|units|writes?|reads?|reads per second|"
    r"strongly consistent reads?|eventually consistent reads?|write operations?|invocations|functions|"
    r"concurrent executions|servers|digits|rules|policies|types|ports|queues|shards"
)
# (priority, hint that must occur in the lower-cased sentence, pattern with a `num` group)
_NUM_PATTERNS: tuple[tuple[int, str | None, re.Pattern[str]], ...] = (
    (0, "%", re.compile(rf"(?<![\w.$/-])(?P<num>{_N}\s?%)", re.I)),
    (0, "percent", re.compile(rf"(?<![\w.$/-])(?P<num>{_N}\s?percent)\b", re.I)),
    (0, "9", re.compile(r"(?<![\w.])(?P<num>\d{1,2}\s?(?:nines|9[’']?s))\b", re.I)),
    (0, None, re.compile(rf"(?<![\w.$/-])(?P<num>{_NR}\s?(?:-\s?)?(?:{_SIZE}))(?![\w])", re.I)),
    (0, None, re.compile(rf"(?<![\w.$/-])(?P<num>{_NR}\s?(?:-\s?)?(?:{_TIME}))\b", re.I)),
    (0, "$", re.compile(rf"(?P<num>\${_N})")),
    (0, "iops", re.compile(rf"(?<![\w.$/-])(?P<num>{_NR}\s?IOPS)\b", re.I)),
    (0, None, re.compile(rf"(?<![\w.$/-])(?P<num>{_NR}[\s-]?(?:pounds|lbs?|feet|foot|ft))\b", re.I)),
    (0, "port", re.compile(r"\bports?\s+(?:number\s+)?(?P<num>\d{2,5}(?:\s?(?:or|and|,)\s?\d{2,5})?)\b", re.I)),
    (
        0,
        "(",
        re.compile(
            r"\b(?:SSH|HTTPS?|RDP|MySQL|PostgreSQL|FTP|SMTP|DNS)\s*\(\s*(?:port\s+)?(?P<num>\d{2,5})\s*\)", re.I
        ),
    ),
    (
        1,
        None,
        re.compile(
            rf"(?<![\w.$/-])(?P<num>{_NR}(?:\s(?:thousand|million|billion|trillion))?)\s+(?:\w+\s+){{0,2}}(?:{_COUNT})\b",
            re.I,
        ),
    ),
    (1, "x", re.compile(r"(?<![\w.$/-])(?P<num>\d+(?:\.\d+)?(?:\s?-\s?\d+)?x)\b")),
    (1, "times", re.compile(r"(?<![\w.$/-])(?P<num>\d+(?:\.\d+)?(?:\s?-\s?\d+)?x?\s?times)\b", re.I)),
    (1, "l", re.compile(r"\b(?P<num>Layer\s?[2-7])\b|(?<=[(–] )(?P<l>L[347])\b|(?<=\()(?P<l2>L[347])\b")),
    (1, "up", re.compile(rf"\bup\s?to\s+(?P<num>{_N})\b(?!\.\d)", re.I)),
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGIT = re.compile(r"\d")


_LIMIT_BEFORE = re.compile(r"(?i)(?:up\s?to|upto|unto|maximum(?: of)?|max\.?|at most|limit of|quota of|as many as)\s*$")


def find_number(sentence: str) -> tuple[str, int] | None:
    """The most telling number in a sentence, as written: ('15 minutes', pos).

    Limits, sizes, durations, percentages, prices and ports come first; bare counts
    ("15 read replicas" -> "15"), multipliers and "up to N" only when there is nothing better.
    Among equals, a number introduced by "up to" / "maximum" wins, then the earliest.
    """
    low = sentence.lower()
    best: tuple[int, int, int, str] | None = None
    for prio, hint, rx in _NUM_PATTERNS:
        if hint and hint not in low:
            continue
        if best is not None and prio > best[0]:
            break
        for m in rx.finditer(sentence):
            group = next(g for g in ("num", "l", "l2") if g in rx.groupindex and m.group(g))
            start = m.start(group)
            limit = 0 if _LIMIT_BEFORE.search(sentence, max(0, start - 14), start) else 1
            cand = (prio, limit, start, m.group(group).strip())
            if best is None or cand[:3] < best[:3]:
                best = cand
    if best is None or _YEAR.fullmatch(best[3]):
        return None
    return best[3], best[2]


def _clause_around(sentence: str, pos: int, limit: int = MAX_STATEMENT) -> str:
    if len(sentence) <= limit:
        return sentence
    parts = re.split(r"(?<=[,;])\s+", sentence)
    spans, at = [], 0
    for p in parts:
        start = sentence.find(p, at)
        spans.append((start, start + len(p)))
        at = start + len(p)
    idx = next((i for i, (s, e) in enumerate(spans) if s <= pos < e), 0)
    lo = hi = idx
    while True:
        grown = False
        if hi + 1 < len(spans) and spans[hi + 1][1] - spans[lo][0] <= limit:
            hi += 1
            grown = True
        if lo > 0 and spans[hi][1] - spans[lo - 1][0] <= limit:
            lo -= 1
            grown = True
        if not grown:
            break
    out = sentence[spans[lo][0] : spans[hi][1]].strip(" ,;")
    if len(out) > limit:
        out = _trim(out, limit)
    return ("…" if lo > 0 else "") + out + ("" if out.endswith((".", "…")) else "…")


# ----------------------------------------------------------------------------- the extractor


class _Section:
    """Per-call state: blocks, their terms, the tree of openers and children."""

    def __init__(self, blocks: list[Block], topic_name: str, section_title: str):
        self.blocks = [b for b in blocks if b is not None]
        self.topic = _subject_of_title(topic_name)
        self.title_raw = section_title or ""
        self.title = _subject_of_title(section_title)
        self.title_display = display(section_title or "")
        self.allow_defs = not NO_DEFINITION_SECTION.search(self.title_display or "")
        self.use_case_section = bool(USE_CASE_SECTION.search(self.title_display or ""))
        self.use_cases_allowed = not NO_USE_CASE_SECTION.search(self.title_display or "")
        self.vs_section = bool(_VS_TITLE.search(self.title_display or ""))
        self.feature_section = bool(FEATURE_SECTION.match(self.title_display or ""))
        n = len(self.blocks)
        self.term: list[str | None] = [None] * n
        self.defn: list[str] = [""] * n
        self.text: list[str] = [""] * n
        self.skip: list[bool] = [False] * n
        for i, b in enumerate(self.blocks):
            self.text[i] = clean(b.text)
            if b.kind in ("bullet", "paragraph"):
                t, d = term_and_definition(b)
                if t and t.split()[0].lower() in PRONOUNS and not term_ok(t):
                    t, d = None, ""  # 004 L78 "It can be 1GB(MIN) - 16TB(MAX)": a sentence, not a term
                self.term[i], self.defn[i] = (t.strip() if t else None), clean(d)
            self.skip[i] = b.kind == "code" or (b.kind != "table" and (not self.text[i] or _is_chat(self.text[i])))
        self.opener = [self._is_opener(i) for i in range(n)]
        self.parent: list[int | None] = [None] * n
        self._owner: dict[int, str | None] = {}
        self._has_deeper_child: set[int] = set()
        self._link()
        self.children: list[list[int]] = [[] for _ in range(n)]
        for i, p in enumerate(self.parent):
            if p is not None:
                self.children[p].append(i)

    def depth(self, i: int) -> int:
        return self.blocks[i].depth or 0

    def _is_opener(self, i: int) -> bool:
        b = self.blocks[i]
        if b.kind not in ("bullet", "paragraph") or self.skip[i]:
            return False
        if self.term[i] is not None and (not self.defn[i] or self.defn[i].endswith((":", ":-"))):
            return True
        if self.term[i] is None and self.text[i].endswith((":", ":-")):
            return True
        # a short bullet with deeper bullets under it ("2. S3 standard")
        nxt = self.blocks[i + 1] if i + 1 < len(self.blocks) else None
        return (
            self.term[i] is None
            and nxt is not None
            and nxt.kind == "bullet"
            and (nxt.depth or 0) > (b.depth or 0)
            and len(self.text[i].split()) <= 8
            and not self.text[i].endswith(".")
        )

    def _captures(self, top: int, i: int) -> bool:
        """Does opener `top` own block `i` written at the same depth (nesting lost in the paste)?"""
        b, t = self.blocks[i], self.blocks[top]
        if self.skip[i] or b.kind not in ("bullet", "paragraph") or self.opener[i]:
            return False
        if top in self._has_deeper_child:
            return False  # its children are indented: the parser kept the nesting, a same-depth block is a sibling
        if t.kind == "paragraph":
            return True
        return b.kind == "bullet" and self.term[i] is None

    def _link(self) -> None:
        stack: list[int] = []
        for i, b in enumerate(self.blocks):
            if b.kind == "code" or self.skip[i] and b.kind != "table":
                continue
            d = b.depth or 0
            while True:
                while stack and self.depth(stack[-1]) > d:
                    stack.pop()
                if stack and self.depth(stack[-1]) == d:
                    top = stack[-1]
                    if self.opener[top] and self._captures(top, i):
                        break
                    stack.pop()
                    continue
                break
            self.parent[i] = stack[-1] if stack else None
            if stack and self.depth(stack[-1]) < d:
                self._has_deeper_child.add(stack[-1])
            prev = self.blocks[i - 1] if i else None
            if (
                self.parent[i] is None
                and prev is not None
                and b.kind == prev.kind == "paragraph"
                and self.term[i] is None
                and self.term[i - 1] is not None
                and self.defn[i - 1]
                and prev.end_line + 1 == b.line
            ):
                self.parent[i] = i - 1  # 004 L77-78: "GP2 : Used in case of ..." then "It can be 1GB ..."
            if b.kind != "table":
                stack.append(i)

    def ancestors(self, i: int) -> Iterable[int]:
        p = self.parent[i]
        while p is not None:
            yield p
            p = self.parent[p]

    def owner(self, i: int) -> str | None:
        """The option a block talks about: the nearest labelled ancestor, else the section, else the topic."""
        if i in self._owner:
            return self._owner[i]
        found = self.title or self.topic
        # under "Key Features of X" the labels are features of X, not options in their own right
        for p in () if self.feature_section else self.ancestors(i):
            t = self.term[p]
            if t is None and self.opener[p]:  # "**AWS Snowcone**" / "2. S3 standard" over its own bullets
                t = _PAREN.sub("", self.text[p]).strip().rstrip(":").strip()
                if len(t.split()) > 5:
                    continue
            if t and term_ok(t) and key(t) not in BENEFIT_WORDS:
                found = display(t)
                break
        self._owner[i] = found
        return found

    def labelled_owner(self, i: int) -> str | None:
        """Like owner(), without falling back to the topic: what a 'Description:' line can define."""
        found = self.owner(i)
        return found if found and (found != self.topic or found == self.title) else None

    def lines(self, *idx: int) -> list[int]:
        return sorted({self.blocks[i].line for i in idx})


_TITLE_PREFIX = re.compile(
    r"^(?:(?:key|main|core|common|other|important)\s+)?(?:features?|use[- ]?cases?|uses|benefits?|advantages?|"
    r"limitations?|components?|concepts?|types?|kinds|pricing|overview|introduction|summary|basics|"
    r"differences?|comparison|characteristics|capabilities|functions|security features|best practices)"
    r"\s+(?:of|for|in|to|between)\s+",
    re.I,
)
_TITLE_SUFFIX = re.compile(
    r"\s*(?:[-–—:]\s*)?(?:\b(?:section|overview|summary|pricing|use cases|basics|introduction)|\(cont\.?\))\s*$",
    re.I,
)
_TITLE_HOW_WORKS = re.compile(r"(?i)^how\s+(?:does\s+|do\s+)?(.+?)\s+works?\s*\??$")
_TITLE_QUESTION = re.compile(r"(?i)^(?:what is|what are|what's|what’s)\s+(.+?)\s*\??$")
_TITLE_WHY = re.compile(r"(?i)^why\s+(.+?)\s*\??$")
_VAGUE_TITLE_WORDS = frozenset(
    "common key main other important general basic core overall additional real-time real time real-world".split()
)


@lru_cache(maxsize=8192)
def _subject_of_title(title: str | None) -> str | None:
    """'Key Features of Amazon S3:' -> 'Amazon S3'; 'Use Cases' -> None; 'IAM Section – Summary' -> 'IAM'.

    Question titles give their subject only when it is plain: 'What is EC2?' and 'How DynamoDB works?' do,
    'How ECS Overcomes Virtualization Drawbacks ?' does not.
    """
    if not title:
        return None
    t = display(title)
    m = _TITLE_HOW_WORKS.match(t) or _TITLE_QUESTION.match(t)
    if m:
        t = m.group(1)
    elif t.lower().startswith("how "):
        return None
    else:
        m = _TITLE_WHY.match(t)
        if m:
            if len(m.group(1).split()) > 3:
                return None
            t = m.group(1)
    t = _TITLE_PREFIX.sub("", t)
    t = _TITLE_SUFFIX.sub("", t)
    t = re.sub(r"\s*[?:]\s*$", "", t).strip(" -–—")
    if not t or not term_ok(t) or key(t) in BENEFIT_WORDS or t.lower() in _VAGUE_TITLE_WORDS:
        return None
    return t


def _member(sec: _Section, i: int, strict: bool) -> str | None:
    """The short name a list bullet contributes, or None if it is prose."""
    if sec.term[i] is not None:
        t = display(sec.term[i])
        if not term_ok(sec.term[i]) or key(t) in GENERIC_TERMS:
            return None
        return _PAREN.sub("", t).strip() if len(t) > 50 else t
    if sec.opener[i] and len(sec.text[i].split()) > 4:
        return None  # a lead-in sentence ("Additionally, EFS offers two throughput modes:") is not a member
    text = sec.text[i].rstrip(".;")
    if sec.children[i] and text.endswith(":"):
        text = text[:-1]
    for m in list(_PAREN.finditer(text)):
        inner = m.group(0)
        if len(inner.split()) >= 4 or "," in inner or "…" in inner or "..." in inner:
            text = text.replace(inner, "")
    text = text.strip(" ,")
    words = text.split()
    if not words or len(words) > 6 or len(text) > 55:
        return None
    low = {w.lower().strip(",.()") for w in words}
    if low & VERBISH or words[0].lower() in PRONOUNS or text.endswith((":", "?", "!")) or "…" in text:
        return None
    first = words[0].lower()
    if first in IMPERATIVE or first in VERB_START or ":" in text:
        return None  # "Provides networking ...", "Open the Amazon S3 Console", "Port: 80": prose, not a name
    if strict and (words[0][:1].islower() or re.search(r"\w\.\s", text)):
        return None
    if not re.search(r"[A-Za-z]", text) or re.match(r"https?://", text):
        return None
    return text


def _members_of(sec: _Section, idx: list[int], strict: bool) -> list[str] | None:
    """Members if the run reads as a list of names (2..12), else None."""
    if len(idx) < 2:
        return None
    if any(sec.term[j] is not None and _meta_label(sec.term[j]) for j in idx):
        return None  # "Use Case:", "Availability:": attributes of one option, not a list of options
    names = [_member(sec, j, strict) for j in idx]
    good = [n for n in names if n]
    bad = len(names) - len(good)
    if strict and (bad > 1 or bad == 1 and names[-1] is not None):
        return None
    if not strict and bad * 2 > len(names):
        return None
    seen, out = set(), []
    for n in good:
        k = key(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out if 2 <= len(out) <= 12 else None


def _meta_label(term: str) -> bool:
    k = key(term)
    return k in GENERIC_TERMS or bool(USE_CASE_LABEL.match(k) or DEFINITION_LABEL.match(k))


def _is_name(text: str) -> bool:
    """'Hard Disk Drive (ST1)', 'DynamoDB Streams', 'EC2 Fleet': a named thing, not an attribute phrase."""
    words = text.split()
    if len(words) >= 2 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return True  # "Spot Instances", "Hard Disk Drive"
    return "(" in text or any(sum(c.isupper() for c in w) >= 2 or re.search(r"\d", w) for w in words)


def _qualify(label: str, owner: str | None) -> str:
    """'Payment Options' under 'Reserved Instances (RIs)' -> 'Reserved Instances (RIs) – Payment Options'."""
    if not owner or key(owner) == key(label):
        return label
    words = label.split()
    if re.fullmatch(r"\d+ \w+", label):
        return f"{owner} – {label}"  # "4 types" under "Elastic Load Balancers (ELB)"
    has_name = any(sum(c.isupper() for c in w) >= 2 or re.search(r"\d", w) for w in words)
    if len(words) == 1 and key(label) not in GENERIC_TERMS:
        return label  # "Lambda", "Batch": a name needs no owner
    if len(words) <= 4 and not has_name and not (_content_words(label) & _content_words(owner)):
        return f"{owner} – {label}"
    return label


def _inline_list(text: str) -> list[str] | None:
    """'Users, User groups, Roles, Policies' / '1) String 2) Stringlist 3) SecureString'."""
    if text.count(",") < 2 and ") " not in text or len(text) > 400:
        return None
    text = text.strip().rstrip(".")
    numbered = re.findall(r"(?:^|\s)\d\)\s*([^\d]+?)(?=\s+\d\)|$)", text)
    if len(numbered) >= 2:
        items = [re.split(r"\s+(?:and|with|using)\s+", n.strip(" ,"))[0] for n in numbered]
    elif "(" not in text:
        items = text.split(",")
    else:
        items, depth, cur = [], 0, ""
        for ch in text:
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth = max(0, depth - 1)
            if ch == "," and depth == 0:
                items.append(cur)
                cur = ""
            else:
                cur += ch
        items.append(cur)
    items = [re.sub(r"^(?:and|or)\s+", "", i.strip(" .;")) for i in items]
    items = [i for i in items if i and i.lower() not in {"etc", "etc."}]
    if any(":" in i for i in items) or items and items[0].split()[0].lower() in VERB_START | IMPERATIVE:
        return None  # "Type: HTTP, Protocol: TCP, ...", "Optimized for machine learning, AI, ..."
    if len(items) < 3 or len(items) > 12:
        return None
    if any(len(_PAREN.sub("", i).split()) > 4 or len(_PAREN.sub("", i)) > 40 for i in items):
        return None
    caps = sum(1 for i in items if i[:1].isupper() or i[:1].isdigit() or i[:1] == ".")
    if caps * 3 < len(items) * 2:
        return None
    return items


# ----------------------------------------------------------------------------- public API


def extract(blocks: list[Block], *, topic_name: str, section_title: str) -> list[Fact]:
    """Facts stated by one section's blocks, in source order."""
    blocks = [b for b in blocks if not b.origin]  # a practice question's explanation is read, never carded
    if not blocks:
        return []
    sec = _Section(blocks, topic_name, section_title)
    out = _Collector()
    _section_list(sec, out)
    _section_lead_definition(sec, out)
    _vs_section(sec, out)
    for i, b in enumerate(sec.blocks):
        if sec.skip[i]:
            continue
        if b.kind == "table":
            _table(sec, i, out)
            continue
        _block(sec, i, out)
    out.facts.sort(key=lambda f: f.lines[0])  # stable: section-level facts sit at their first line
    return out.facts


_NEW_CLAUSE = re.compile(r",?\s+(?:and\s+|but\s+)?(?:we|you|it|they|this|which tells|that means)\s", re.I)


class _Collector:
    def __init__(self) -> None:
        self.facts: list[Fact] = []
        self.seen: set[tuple] = set()
        self.defined: set[frozenset[str]] = set()  # terms defined in this section ('Listeners' = 'listener')
        self.definition_lines: set[int] = set()

    def add(self, kind: str, subject: str, text: str, lines: list[int], data: dict) -> None:
        text = _WS.sub(" ", text).strip()
        if not subject or not text:
            return
        probe = " ".join(str(v) for v in data.values() if isinstance(v, str))
        if _suspect(text, probe):
            return
        if kind == "use_case" and RETIRED_OPTION.search(data.get("option", "")):
            return
        sig = {
            "definition": (data.get("definition", "").lower().strip(" ."),),
            "number": (data.get("number"),),
            "use_case": (data.get("use_case", "").lower().strip(" ."),),
            "list": (),
            "comparison": (tuple(data.get("items", ())),),
        }[kind]
        dedup = (kind, subject, *sig)
        if dedup in self.seen:
            return
        self.seen.add(dedup)
        self.facts.append(Fact(kind=kind, subject=subject, text=text, lines=lines, data=data))

    def definition(self, term: str, definition: str, lines: list[int], text: str | None = None) -> None:
        term = display(term)
        words = _content_words(_PAREN.sub("", term)) or _content_words(term)
        if words in self.defined:
            return
        self.defined.add(words)
        self.definition_lines.update(lines)
        definition = definition.strip().rstrip(" ,;:")
        if not definition.endswith((".", "…", "!", "?", ")")):
            definition_text = definition + "."
        else:
            definition_text = definition
        self.add(
            "definition",
            key(term),
            text or f"{term}: {definition_text}",
            lines,
            {"term": term, "definition": definition},
        )

    def use_case(self, option: str, use_case: str, text: str, lines: list[int], *, every_use: bool = False) -> None:
        """`every_use`: the text lists all the uses the notes give for the option (a "Best for:" list)."""
        option = display(option)
        use_case = _NEW_CLAUSE.split(use_case, 1)[0] if len(use_case) > 80 else use_case
        use_case = use_case.strip(" .:;,")
        if len(use_case) < 3 or not re.search(r"[A-Za-z]{2}", use_case) or _is_chat(use_case):
            return
        if len(use_case) > 200:
            use_case = _trim(use_case, 200)
        data = {"option": option, "use_case": use_case}
        if every_use:
            data["every_use"] = True
        self.add("use_case", key(option), text, lines, data)

    def number(self, subject: str, sentence: str, lines: list[int], context: str | None = None) -> None:
        found = find_number(sentence)
        if not found:
            return
        num, pos = found
        stripped = _DISCOURSE.sub("", sentence)
        pos -= len(sentence) - len(stripped)
        subject_display = display(subject)
        context = display(context) if context else subject_display
        first_word = stripped.split(" ", 1)[0].lower().strip(",.")
        prefix = f"{context} – " if first_word in PRONOUNS or not _mentions(stripped, context) else ""
        statement = _clause_around(stripped, max(pos, 0), MAX_STATEMENT - len(prefix))
        if num not in statement or len(statement.split()) < 3:
            return
        statement = prefix + statement
        statement = _cap(statement)
        self.add("number", key(subject_display), statement, lines, {"number": num, "statement": statement})

    def list(self, label: str, members: list[str], lines: list[int], lead: str = "") -> None:
        label = display(label)
        if not label or NO_LIST_LABEL.search(label) or lead and _suspect(lead):
            return
        text = f"{label}: {', '.join(members)}."
        self.add("list", key(label), text, lines, {"label": label, "members": members})


_SCENARIO_START = re.compile(
    r"(?i)(?:…\s*)?(?:let[’']?s|lets)\s+(?:say|assume|consider|suppose|imagine)|suppose|imagine|consider|for instance|"
    r"for example|e\.g\.|assume"
)
_SCENARIO_ANYWHERE = re.compile(
    r"(?i)\b(?:let[’']?s|lets)\s+(?:say|assume|consider|suppose)\b|\bsuppose\b|\b(?:he|she|him|her)\b"
)  # a worked example or a story ("when he is 3 min away"), not a limit
_DISCOURSE = re.compile(
    r"^(?:however|also|additionally|moreover|furthermore|in addition|thus|hence|therefore|so|again|similarly|"
    r"in specific|in general|basically|generally)\s*,?\s+",
    re.I,
)


def _numbers_in(
    sec: _Section, i: int, subject: str | None, text: str, out: _Collector, context: str | None = None
) -> None:
    if not subject or not _DIGIT.search(text):
        return
    context = context or (sec.owner(i) if subject != sec.owner(i) else None)
    for s in sentences(text):
        if not CHAT.match(s) and not _SCENARIO_START.match(s) and not _SCENARIO_ANYWHERE.search(s):
            out.number(subject, s, sec.lines(i), context)


def _use_cases_in(sec: _Section, i: int, option: str | None, text: str, out: _Collector) -> None:
    """'..., suitable for fault-tolerant and flexible workloads.' -> use_case(option, that requirement)."""
    if not sec.use_cases_allowed or sec.use_case_section and sec.parent[i] is not None:
        return
    low = text.lower()
    if " for" not in low and "when" not in low and "case" not in low and "used in" not in low:
        return
    for s in sentences(text):
        m = _trigger(s)
        if not m or _SCENARIO_START.match(s) or _NEGATED.search(s, max(0, m.start() - 12), m.start()):
            continue
        if m.group("trig").lower().startswith("use") and m.start() > 0:
            continue  # "... you can create an AMI of that setup to use for future instances"
        rest = re.split(r"(?<=[a-z0-9)])\.\s|;\s", s[m.end() :].strip())[0].rstrip(".")
        before = s[: m.start()]
        head = _LEAD_ARTICLE.sub("", _head_of(before))
        opt = option
        # "Storage-optimized instances are ideal for ...": the sentence names its own option.
        head_words = head.split()
        if (
            _COPULA.search(before)
            and 0 < len(head_words) <= 5
            and head_words[0].lower() not in PRONOUNS
            and head[:1].isupper()
            and term_ok(head)
            and not re.search(r"[,;]", head)
        ):
            opt = head
        if not opt or not rest:
            continue
        if m.group("trig").lower().startswith("designed for") and not re.search(
            r"\b(?:applications?|workloads?|data|scenarios?|environments?|teams|customers|analytics|"
            r"processing|storage|archiv\w*)\b",
            rest,
            re.I,
        ):
            continue
        opt_display = display(opt)
        sentence = _cap(_DISCOURSE.sub("", s.rstrip()))
        statement = sentence if _mentions(sentence, opt_display) else f"{opt_display} – {sentence}"
        out.use_case(opt, rest, _cap(statement), sec.lines(i))


_NEGATED = re.compile(r"(?i)\b(?:not|never|n[’']t|un)\b|n[’']t\s")
_BARE_FOR = re.compile(r"(?i)(?:for|use for|use it for)\s+(?=\w)")

CATEGORY_NOUNS = frozenset(
    "database databases cluster migration warehouse cache store queue engine ledger registry repository "
    "storage platform tool tools orchestration pipeline catalog".split()
)


def _category_to_service(term: str, definition: str) -> bool:
    """'Hadoop Cluster: EMR', 'In-memory Database: ElastiCache': a need mapped to a service."""
    t = display(term)
    if re.match(r"(?i)(?:amazon|aws)\b", t) or t.isupper() or len(definition.split()) > 6:
        return False
    if not _name_like(definition) or _is_acronym_expansion(term, definition):
        return False
    return bool({w.lower() for w in re.findall(r"[A-Za-z]+", t)} & CATEGORY_NOUNS)


def _port_fact(term: str, definition: str, lines: list[int], out: _Collector) -> bool:
    """'port of SSH : 22'."""
    value = definition.strip().rstrip(".")
    if "port" not in term.lower() or not re.fullmatch(r"\d{2,5}", value):
        return False
    stmt = _cap(f"{display(term)}: {value}")
    out.add("number", key(term), stmt, lines, {"number": value, "statement": stmt})
    return True


def _block(sec: _Section, i: int, out: _Collector) -> None:
    if sec.term[i] is not None:
        if sec.defn[i] and not sec.opener[i]:
            _term_with_definition(sec, i, out)
        else:
            _label(sec, i, out)
        return
    text, owner, kids = sec.text[i], sec.owner(i), sec.children[i]
    if sec.opener[i] and kids:
        members = _members_of(sec, kids, strict=False)
        if members:
            lead = _DISCOURSE.sub("", _TRAIL_COLON.sub("", text).strip())
            lead = _cap(re.sub(r"(?i)[\s,]+(?:such as|including|like|are|is|as follows|the following)$", "", lead))
            parent = sec.parent[i]
            if (
                parent is not None
                and sec.children[parent][:1] == [i]
                and term_ok(sec.term[parent])
                and (len(lead.split()) > 10 or lead.split()[0].lower() in PRONOUNS)
            ):
                lead = display(sec.term[parent])  # "Traffic Routing Policies:" / "Route 53 supports ... that ...:"
            if len(lead.split()) > 15 or CHAT.match(lead):
                label = sec.owner(i) or ""
            else:
                label = _qualify(lead, sec.owner(i))
            if label:
                out.list(label, members, sec.lines(i, *kids), lead=text)
        elif not text.endswith(":") and sec.allow_defs and term_ok(text):
            # "2. S3 standard" with its description in the child bullets
            first = kids[0]
            if sec.term[first] is None:
                d = clean_definition(sec.text[first])
                if _definition_ok(text, d):
                    out.definition(text, d, sec.lines(i, first))
    if _CHAT_TAIL.search(text):
        text = " ".join(s for s in sentences(text) if not CHAT.match(s))
    if text and not text.endswith(":"):
        _is_a(sec, i, text, out)
    _use_cases_in(sec, i, owner, text, out)
    _numbers_in(sec, i, owner, text, out)


def _term_with_definition(sec: _Section, i: int, out: _Collector) -> None:
    """`Term: definition` in all its surface forms."""
    term, defn, owner, lines = sec.term[i], sec.defn[i], sec.owner(i), sec.lines(i)
    t_display, t_key = display(term), key(term)

    if USE_CASE_LABEL.match(t_key):  # "- **Use Case**: Ideal for ..." under an option
        if owner:
            for piece in _split_use_cases(defn):
                piece = re.sub(r"(?i)^(?:ideal|best|suitable|good|great|used)\s+(?:for|when)\s+", "", piece)
                out.use_case(owner, piece, f"{owner} – {t_display.lower()}: {_cap(piece)}.", lines)
            _numbers_in(sec, i, owner, f"{t_display}: {defn}", out)
        return
    if DEFINITION_LABEL.match(t_key):  # "- **Description**: ..." defines the option it sits under
        owner = sec.labelled_owner(i)
        if owner:
            d = clean_definition(defn, owner)
            if _definition_ok(owner, d):
                out.definition(owner, d, lines)
            _use_cases_in(sec, i, owner, defn, out)
            _numbers_in(sec, i, owner, f"{owner}: {defn}", out)
        return
    if _port_fact(term, defn, lines, out):
        return
    members = _inline_list(defn)
    if members and not _is_acronym_expansion(term, defn):  # "Components : Users, User groups, Roles, Policies"
        if term_ok(term):
            out.list(_qualify(t_display, owner), members, lines)
        elif owner and _GROUPING_LABEL.search(t_key):
            out.list(f"{owner} – {t_display}", members, lines)
        return
    if not term_ok(term):
        # "Availability: 99.99% availability." under "S3 Standard": the owner's availability
        if owner:
            attribute = f"{owner} {t_display.lower()}" if t_key in GENERIC_TERMS else owner
            _numbers_in(sec, i, attribute, f"{t_display}: {defn}", out, context=owner)
            _use_cases_in(sec, i, owner, defn, out)
        return

    if (
        sec.use_case_section
        and not USE_CASE_TRIGGER.match(defn)
        and not re.match(r"(?i)(?:for|use for|use this|ideal|best|when)\b", defn)
    ):
        # "### Use Cases" / "- **Web Hosting**: EC2 is often used for ...": the term is the use case
        if owner and key(owner) != t_key:
            out.use_case(owner, t_display, f"{owner} use case – {t_display}: {first_sentences(defn, 200)}", lines)
        _numbers_in(sec, i, t_display, f"{t_display}: {defn}", out)
        return
    lead = USE_CASE_TRIGGER.match(defn)
    if not lead and (sec.use_case_section or (len(defn.split()) >= 5 and ":" not in defn)):
        lead = _BARE_FOR.match(defn)
    # "- **S3 Intelligent-Tiering**: Ideal when data access patterns are unpredictable."
    if lead and sec.use_cases_allowed:
        rest = re.split(r"(?<=[a-z0-9)])\.\s|;\s", defn[lead.end() :].strip())[0].rstrip(".")
        out.use_case(t_display, rest, f"{t_display}: {_cap(defn)}", lines)
        _numbers_in(sec, i, t_display, f"{t_display}: {defn}", out)
        return
    if _category_to_service(term, defn):
        out.use_case(defn, t_display, f"{t_display}: {defn}.", lines)
        return
    if sec.allow_defs:
        d = clean_definition(defn, t_display)
        if (
            _definition_ok(t_display, d)
            and (t_key not in BENEFIT_WORDS or _defining_sentence(d, owner))
            and not _feature_blurb(t_display, d, (owner, sec.title, sec.topic))
        ):
            out.definition(term, d, lines)
    subject = owner if (t_key in BENEFIT_WORDS or sec.feature_section) and owner else t_display
    _use_cases_in(sec, i, subject, defn, out)
    # "Hard Disk Drive (ST1): ... 500mb/s" needs no owner; "Invocation time: up to 15 minutes" needs "Lambda"
    _numbers_in(sec, i, subject, f"{t_display}: {defn}", out, context=t_display if _is_name(t_display) else None)


_GROUPING_LABEL = re.compile(
    r"\b(?:types?|kinds?|components?|options?|concepts?|supports?|classes|modes?|tiers?|models?|families|"
    r"polic(?:y|ies)|engines?|platforms?|services|categories|roles|protocols?|layers?|tools?)\b"
)


def _label(sec: _Section, i: int, out: _Collector) -> None:
    """A bare label `Term:` (or `Term: lead-in text:`) whose content sits in the blocks it owns."""
    term, owner, kids = sec.term[i], sec.owner(i), sec.children[i]
    t_display, t_key = display(term), key(term)
    good = term_ok(term)
    if USE_CASE_LABEL.match(t_key):
        if owner and kids:
            pieces = []
            for k in kids:
                if sec.term[k] is not None and term_ok(sec.term[k]):
                    piece = display(sec.term[k])
                elif sec.term[k] is not None:
                    piece = sec.defn[k]
                else:
                    piece = sec.text[k]
                pieces.append(first_sentences(piece, 200).strip(" .;"))
            # "Best for:" with its uses as child bullets is one answer: all of them. A card asking for one
            # child alone marks a learner who names another wrong.
            joined = "; ".join(
                p if n == 0 or not p[1:2].islower() else p[:1].lower() + p[1:] for n, p in enumerate(pieces) if p
            )
            if joined and len(pieces) <= 4 and len(joined) <= 200:
                out.use_case(
                    owner, joined, f"{owner} – {t_display.lower()}: {joined}", sec.lines(i, *kids), every_use=True
                )
        return
    if DEFINITION_LABEL.match(t_key):
        if owner and kids:
            d = clean_definition(sec.text[kids[0]])
            if _definition_ok(owner, d):
                out.definition(owner, d, sec.lines(i, kids[0]))
        return
    members = _members_of(sec, kids, strict=False)
    if members:
        if sec.vs_section:
            return  # "Batch vs Lambda": each side is one column of the comparison
        if good:
            out.list(_qualify(t_display, owner), members, sec.lines(i, *kids))
        elif owner and _GROUPING_LABEL.search(t_key):
            out.list(f"{owner} – {t_display}", members, sec.lines(i, *kids))
        return
    if not good or not kids:
        if sec.defn[i]:
            _numbers_in(sec, i, owner, sec.defn[i], out)
        return
    if sec.use_case_section:
        if owner and key(owner) != t_key:
            first = next((k for k in kids if sec.term[k] is None), None)
            if first is not None:
                body = first_sentences(sec.text[first], 200)
                out.use_case(owner, t_display, f"{owner} use case – {t_display}: {body}", sec.lines(i, first))
        return
    if sec.allow_defs and not sec.vs_section:
        # the label's own lead-in text, else the first child sentence
        source = sec.defn[i] if sec.defn[i] else None
        first = kids[0]
        if source is None and sec.term[first] is None and not sec.opener[first]:
            source = sec.text[first]
        if source:
            d = clean_definition(source)
            if (
                _definition_ok(t_display, d)
                and (t_key not in BENEFIT_WORDS or _defining_sentence(d, owner))
                and not _feature_blurb(t_display, d, (owner, sec.title, sec.topic))
            ):
                out.definition(term, d, sec.lines(i, first) if not sec.defn[i] else sec.lines(i))


_IS_A_VERB = re.compile(
    r"\s(?P<verb>is\s+(?:basically\s+|essentially\s+|simply\s+|just\s+)?(?=(?:a|an|the|one)\s)"
    r"|are\s+(?=(?:the|a)\s)|refers?\s+to\s+|stands?\s+for\s+|acts?\s+as\s+(?=(?:a|an|the)\s)"
    r"|is\s+defined\s+as\s+|=\s*)"
)
_LEAD_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.I)
_TAIL_PAREN = re.compile(r"\s*\([^()]{1,60}\)$")


def _is_a_match(sentence: str) -> tuple[str, str, str] | None:
    """'Amazon EBS (Elastic Block Store) is a block storage ...' -> (term, verb, predicate)."""
    m = _IS_A_VERB.search(sentence, 0, 150)
    if not m:
        return None
    term = _LEAD_ARTICLE.sub("", sentence[: m.start()].strip())
    core = _TAIL_PAREN.sub("", term)
    if not 2 <= len(core) <= 70 or any(c in core for c in ",;:()"):
        return None
    return term, m.group("verb"), sentence[m.end() :]


def _is_a(sec: _Section, i: int, text: str, out: _Collector) -> None:
    """'**Amazon EBS** is a block storage service ...' -> definition of Amazon EBS."""
    if not sec.allow_defs or sec.blocks[i].line in out.definition_lines:
        return
    head = text[:160]
    if not any(w in head for w in (" is ", " are ", " refer", " stand", " act", "=")):
        return
    sents = [s for s in sentences(text) if not CHAT.match(s)]
    if not sents:
        return
    first = sents[0]
    m = _is_a_match(first)
    if not m:
        return
    term, verb, pred = m[0].strip(), m[1].strip().lower(), m[2].strip()
    if not term_ok(term) or key(term) in BENEFIT_WORDS:
        return
    words = term.split()
    if len(words) > 6 or words[0][:1].islower() and not (len(words) <= 2 and first[:1].isupper()):
        # "the key is the FULL path" is fine; "we use various type of instances" is not
        if words[0].lower() in PRONOUNS or words[0].lower() in DETERMINERS or len(words) > 3:
            return
    # a term followed by a description of something else ("EBS volumes are network drives ... use Instance Store")
    if verb.startswith("are") and len(words) > 3:
        return
    if re.match(r"(?i)(?:the|a|an)\s+(?:same|best|most|only|first)\b|a (?:powerful|great|useful)\b", pred):
        return  # "DocumentDB is the same for MongoDB", "S3 Replication is a powerful feature ..."
    rest = first_sentences(" ".join([pred, *sents[1:]]))
    if verb.startswith("stand"):
        rest = rest.strip(' ."“”')
    elif verb.startswith("refer"):
        rest = _cap(rest)
    elif verb.startswith("act"):
        rest = "Acts as " + rest
    rest = _cap(rest.rstrip(":"))
    if not _definition_ok(term, rest):
        return
    full = first_sentences(text)
    out.definition(term, rest, sec.lines(i), text=full if _content_words(full) & _content_words(term) else None)


def _child_text(sec: _Section, k: int) -> str:
    if sec.term[k] is not None and sec.defn[k]:
        return f"{display(sec.term[k])}: {sec.defn[k]}".rstrip(".")
    return sec.text[k].rstrip(".")


def _split_use_cases(text: str) -> list[str]:
    text = text.strip().rstrip(".")
    if len(text) <= 140:
        return [text]
    return [s.rstrip(".") for s in sentences(text)[:2]]


def _section_list(sec: _Section, out: _Collector) -> None:
    """Bullets opening a section with no lead-in: the section title is the list label."""
    if not sec.title_display or sec.use_case_section:
        return
    run: list[int] = []
    for i, b in enumerate(sec.blocks):
        if sec.skip[i]:
            continue
        if b.kind != "bullet" or sec.parent[i] is not None:
            break
        run.append(i)
    if len(run) < 3:
        return
    members = _members_of(sec, run, strict=True)
    if members and len(members) >= 3:
        label = sec.title_display
        label = re.sub(r"\s*(?:[-–—]\s*)?\b(?:section|overview)\s*$", "", label, flags=re.I).strip() or label
        if sec.topic and (key(label) in GENERIC_TERMS or len(label.split()) <= 3):
            label = _qualify(label, sec.topic) if len(label.split()) > 1 else f"{sec.topic} – {label}"
        out.list(label, members, sec.lines(*run))


def _section_lead_definition(sec: _Section, out: _Collector) -> None:
    """'Amazon Neptune' + '• Fully managed graph database' -> Amazon Neptune: Fully managed graph database."""
    if not sec.title or not sec.allow_defs or sec.use_case_section:
        return
    title = display(sec.title_raw)
    if key(title) != key(sec.title) or len(title.split()) > 6 or " vs" in title.lower():
        return
    first = next((i for i, b in enumerate(sec.blocks) if not sec.skip[i]), None)
    if first is None or sec.blocks[first].kind not in ("bullet", "paragraph"):
        return
    if sec.term[first] is not None or sec.opener[first]:
        return
    text = sec.text[first]
    if _is_a_match(text):
        return  # the is-a rule reads it
    stripped = re.sub(r"^(?:it[’']s|its|it is|this is)\s+", "", text, flags=re.I)
    words = stripped.split()
    if len(words) < 3 or words[0].lower() in PRONOUNS | DETERMINERS or words[0].lower() in IMPERATIVE:
        return
    head = " ".join(words[:6]).lower()
    if re.search(r"\b(?:is|are|was|were|has|have|can|will|must|should|do|does)\b", head):
        return
    first_sentence = sentences(stripped)[0] if stripped else ""
    if len(first_sentence.split()) > 16 or words[0].lower() in {"in", "on", "at", "for", "with", "by", "from", "to"}:
        return
    if _content_words(words[0]) & _content_words(title) and not stripped.lower().startswith(("a ", "an ")):
        return  # "EBS volumes are ...", "DynamoDB ..." : a sentence about the subject, not a noun phrase
    # the block must not be the first of a list of names
    run = [j for j in range(first, len(sec.blocks)) if sec.blocks[j].kind == "bullet" and sec.parent[j] is None]
    if _members_of(sec, run[:8], strict=True):
        return
    d = clean_definition(stripped)
    if _definition_ok(title, d):
        out.definition(title, d, sec.lines(first))


_VS_TITLE = re.compile(r"\bvs\.?\b|\bversus\b|\bdifferences?\s+between\b|\bcompar(?:ison|ing|ed)\b", re.I)


def _vs_section(sec: _Section, out: _Collector) -> None:
    """'Batch vs Lambda' with a label per side -> comparison (tables are handled per table)."""
    if not _VS_TITLE.search(sec.title_display or "") or any(b.kind == "table" for b in sec.blocks):
        return
    items: list[str] = []
    values: dict[str, str] = {}
    lines: list[int] = []
    for i, _b in enumerate(sec.blocks):
        if sec.skip[i] or sec.parent[i] is not None or sec.term[i] is None or not term_ok(sec.term[i]):
            continue
        name = display(sec.term[i])
        if sec.defn[i]:
            value = first_sentences(sec.defn[i], 220)
        else:
            value = _trim("; ".join(_child_text(sec, k) for k in sec.children[i]), 220)
        if not value:
            continue
        items.append(name)
        values[name] = value
        lines.extend(sec.lines(i, *sec.children[i]))
    if len(items) < 2 or len(items) > 6:
        return
    subject = _vs_key(" vs ".join(items)) if len(items) <= 4 else key(sec.title_display)
    text = f"{' vs '.join(items)}: " + " | ".join(f"{k} – {v}" for k, v in values.items())
    out.add(
        "comparison",
        subject,
        _trim(text, 600),
        sorted(set(lines)),
        {"items": items, "attributes": {"Key points": values}},
    )


def _vs_key(text: str) -> str:
    """'Amazon EBS (Elastic Block Store) vs Amazon EFS' -> 'ebs vs efs': each side normalised like a subject."""
    return " vs ".join(key(part) for part in re.split(r"(?i)\s+vs\.?\s+", text))


_ITEM_COLUMN_HEADERS = frozenset(
    "feature features aspect aspects attribute attributes criteria criterion characteristic characteristics "
    "category categories property properties comparison parameter parameters factor factors dimension metric "
    "metrics area areas point points key".split()
)


_SEPARATOR_CELL = re.compile(r":?-{2,}:?")
_PORT_VALUE = re.compile(r"\d{2,5}(?:\s*-\s*\d{2,5})?")
_EMPTY_CELLS = frozenset({"-", "—", "n/a", "none", "no", "yes", "varies", "x"})


def _table_cells(b: Block) -> tuple[list[str], list[str], list[tuple[str, str, str, int]], bool] | None:
    """(header, items, [(item, attribute, value, line)], columns_are_items) of a pipe table.

    Items are the columns when the first header cell is empty or says "Feature"/"Aspect"
    (003 L883 EBS vs EFS), else the rows (003 L625 "Pricing Model" / On-Demand / Spot ...).
    """
    rows = [[clean(c) for c in r] for r in (b.rows or [])]
    rows = [r for r in rows if any(r) and not all(_SEPARATOR_CELL.fullmatch(c or "-") for c in r)]
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    header, body = rows[0], []
    exact_lines = b.end_line - b.line + 1 == len(b.rows or []) + 1  # header, rule, one line per row
    for n, row in enumerate(rows[1:]):
        if body and not row[0] and any(row[1:]) and header[0]:
            # a row whose first cell is empty continues the row above (003 L1955-1967)
            body[-1] = ([(a + " " + c).strip() for a, c in zip(body[-1][0], row, strict=True)], body[-1][1])
            continue
        body.append((row, b.line + n + 2 if exact_lines else b.line))
    h0 = key(header[0]) if header[0] else ""
    columns_are_items = not h0 or h0 in _ITEM_COLUMN_HEADERS or h0.split()[0] in _ITEM_COLUMN_HEADERS
    cells: list[tuple[str, str, str, int]] = []
    if columns_are_items:
        items = [display(h) for h in header[1:] if h]
        for row, line in body:
            attr = display(row[0])
            cells += [(item, attr, value, line) for item, value in zip(items, row[1:], strict=False) if attr]
    else:
        items = [display(row[0]) for row, _line in body if row[0]]
        attrs = [display(h) for h in header[1:]]
        for row, line in body:
            item = display(row[0])
            cells += [(item, attr, value, line) for attr, value in zip(attrs, row[1:], strict=False) if item and attr]
    # a wrong cell (EFS "99.999999%", Dedicated Hosts "1-3 years": see content/claims.toml) is left out
    cells = [c for c in cells if not _suspect(f"{c[0]} – {c[1]}: {c[2]}")]
    return header, items, cells, columns_are_items


def _table(sec: _Section, i: int, out: _Collector) -> None:
    b = sec.blocks[i]
    parsed = _table_cells(b)
    if not parsed:
        return
    header, items, cells, columns_are_items = parsed
    attributes: dict[str, dict[str, str]] = {}
    for item, attr, value, _line in cells:
        attributes.setdefault(attr, {})[item] = value
    if len(items) < 2 or not attributes:
        return
    title = sec.title_display or ""
    specific = _VS_TITLE.search(title) or re.search(r"(?i)\b(?:models?|options?|types?|classes)\b", title)
    if _VS_TITLE.search(title) and " vs" in title.lower():
        subject_display = re.sub(r"(?i)^comparison:\s*", "", title)
        subject = _vs_key(subject_display)
    elif len(items) <= 4:
        subject_display = " vs ".join(items)
        subject = _vs_key(subject_display)
    else:
        what = display(header[0]) if header[0] and not columns_are_items else ""
        if specific and not re.search(r"(?i)\b(?:summary|table|diagram)\b", title):
            subject_display = title
        elif what and sec.topic and not (_content_words(what) & _content_words(sec.topic)):
            subject_display = f"{sec.topic} – {what if what.endswith('s') else what + 's'}"
        else:
            subject_display = f"{sec.topic or sec.title or what} comparison"
        subject = key(subject_display)
    names = list(attributes)
    text = f"{subject_display}: {', '.join(items)} compared by {', '.join(names[:8])}"
    text += "…" if len(names) > 8 else "."
    out.add("comparison", subject, text, [b.line], {"items": items, "attributes": attributes})

    for item, attr, value, line in cells:  # each cell can also be a use case or a number
        if not value or value.lower() in _EMPTY_CELLS:
            continue
        a_key = key(attr)
        stmt = f"{item} – {attr}: {value}"
        if USE_CASE_LABEL.match(a_key) or re.search(r"\buse[- ]?cases?\b|\bbest for\b", a_key):
            out.use_case(item, value, f"{item} – {attr.lower()}: {value.rstrip('.')}.", [line])
        elif "port" in a_key and _PORT_VALUE.fullmatch(value):
            out.add("number", key(f"{item} {attr}"), stmt, [line], {"number": value, "statement": stmt})
        elif _DIGIT.search(value):
            found = find_number(value)
            if found:
                out.add("number", key(f"{item} {attr}"), stmt, [line], {"number": found[0], "statement": stmt})
