"""Word lists for the rule-based annotators: titles, organisation keywords, places, demonyms.

Places come from pycountry (countries and their subdivisions, shipped inside its wheel) plus a
short hand-written list of capitals and large cities; demonyms are derived from country names
with the usual English suffix rules plus the irregular ones.
"""

from __future__ import annotations

from functools import lru_cache

from newsbrief.text import wordset

# The annotators build their word lists as ``lx.words(...)``: the text core's wordset.
words = wordset

# Words that, before a name, make it a person and form (part of) that person's role.
TITLES = wordset(
    """
    mr mrs ms miss dr prof professor sir dame lord lady sheikh sheik imam ayatollah
    rabbi pope cardinal bishop father reverend king queen prince princess emir amir
    sultan crown president vice premier chancellor minister secretary ambassador envoy
    diplomat consul charge chargé d'affaires affairs attache spokesman spokeswoman
    spokesperson governor mayor senator sen rep representative congressman congresswoman
    speaker chairman chairwoman chair chief director head leader commander general
    lieutenant colonel major captain sergeant admiral marshal brigadier gen lt col maj
    capt sgt adm gov judge justice attorney prosecutor inspector officer deputy
    assistant undersecretary counsellor adviser advisor prime foreign interior defence
    defense finance ceo cfo coo founder president-elect candidate nominee analyst expert
    researcher professor correspondent reporter editor journalist economist official
    """
)
# Titles that only form a role when followed by a name (single-word honorifics).
HONORIFICS = wordset(
    """
    mr mrs ms miss dr prof sir dame sheikh sheik imam ayatollah rabbi
    """
)

ORG_KEYWORDS = wordset(
    """
    ministry embassy consulate forces army navy force council party group university
    college school institute institution center centre agency bureau department office
    committee commission court parliament assembly congress senate cabinet government
    association union federation league organization organisation foundation fund bank
    corporation company inc corp ltd llc plc co news times post journal press agency
    reuters tribune herald gazette network television tv radio channel service services
    brigade brigades battalion division corps command militia mobilization front
    movement alliance coalition authority police guard guards club hospital church
    mosque board administration ministries nations state-run daily weekly magazine
    rescue trust caliphate
    """
)
# Organisation words that only count after another capitalised word ("Islamic State"); the
# shows, feeds and carriers named after a person ("Jimmy Kimmel Live", "Bundy Ranch
# Facebook") are no person either, so their person's own name stays the speaker.
TRAILING_ORG_KEYWORDS = wordset(
    """
    state republic caliphate emirate live tonight show facebook twitter instagram youtube
    podcast airlines airways
    """
)
# Well-known organisations written without a keyword.
KNOWN_ORGS = wordset(
    """
    reuters afp ap bbc cnn nato un eu isis isil is daesh taliban hezbollah hamas
    al-qaeda al-shabaab pentagon kremlin fbi cia nsa opec who imf unicef unhcr google
    apple microsoft facebook twitter amazon white-house izvestiya tass xinhua
    """
)

# Lowercased words that are never (part of) a name even when capitalized.
NOT_NAME = wordset(
    """
    the a an and or but if of in on at to for from by with as is are was were be been
    this that these those there here he she it they we i you his her its their our my
    your me him them us who what when where why how which while after before during
    since until also according however meanwhile yet still so then now today yesterday
    tomorrow tonight breaking update photo photos video read more click please share
    watch follow said says monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec not no yes one two three
    four five six seven eight nine ten first second third last next new other many some
    all each every both such only just even mrs dear
    """
)

SPEECH_VERBS = wordset(
    """
    said says say told tells tell added adds noted notes underlined underscored
    underscores asserted asserts stressed stresses explained explains declared declares
    stated states confirmed confirms affirmed affirms insisted insists warned warns
    argued argues claimed claims announced announces recalled recalls mentioned mentions
    revealed reveals emphasized emphasised emphasizes emphasises pointed indicated
    indicates remarked remarks acknowledged acknowledges admitted admits replied replies
    responded responds answered wrote writes tweeted tweets suggested suggests urged
    urges reported reports believes believed thinks thought maintained maintains
    observed observes commented comments continued continues concluded concludes
    predicted predicts cautioned cautions vowed vows promised promises alleged alleges
    denied denies estimated estimates explained
    """
)

# Verbs of belief, finding and stance that attribute content without quoting it ("the poll
# found that …", "she believes …"); only used for reported speech with a clause after them.
REPORT_VERBS = wordset(
    """
    think believe believes hope hopes hoped fear fears feared expect expects know knows knew
    found finds find show shows showed shown suggest agreed agrees agree conceded concedes
    contended contends complained complains hinted hints testified testifies signaled
    signalled signals speculated argue argued say acknowledge note add warn insist predict
    worried worries doubt doubts doubted realize realized recognized recognizes learned
    asked asks wondered wonders questioned questions feel feels felt assume assumed
    estimated projected announce reiterated reiterates repeated repeats boasted boasts
    charged charges countered counters contend wants wanted demanded demands
    """
)

DEMONYM_EXTRA = {
    "american": "United States",
    "british": "United Kingdom",
    "english": "United Kingdom",
    "scottish": "United Kingdom",
    "welsh": "United Kingdom",
    "french": "France",
    "dutch": "Netherlands",
    "swiss": "Switzerland",
    "greek": "Greece",
    "chinese": "China",
    "japanese": "Japan",
    "lebanese": "Lebanon",
    "sudanese": "Sudan",
    "vietnamese": "Viet Nam",
    "turkish": "Turkey",
    "spanish": "Spain",
    "danish": "Denmark",
    "swedish": "Sweden",
    "finnish": "Finland",
    "polish": "Poland",
    "irish": "Ireland",
    "afghan": "Afghanistan",
    "filipino": "Philippines",
    "saudi": "Saudi Arabia",
    "emirati": "United Arab Emirates",
    "yemeni": "Yemen",
    "qatari": "Qatar",
    "omani": "Oman",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "kurdish": "Iraq",
    "thai": "Thailand",
    "peruvian": "Peru",
    "german": "Germany",
    "arab": "",
    "arabic": "",
    "european": "",
    "african": "",
    "asian": "",
    "western": "",
    "muslim": "",
    "christian": "",
    "jewish": "",
    "sunni": "",
    "shia": "",
    "shiite": "",
    "assyrian": "",
    "democratic": "",
    "republican": "",
}

# Capitals and large cities (hand-written; extend freely).
CITIES = wordset(
    """
    Kabul Tirana Algiers Luanda Buenos Aires Yerevan Canberra Sydney Melbourne Vienna
    Baku Manama Dhaka Minsk Brussels Sarajevo Brasilia Rio de Janeiro Sao Paulo Sofia
    Ottawa Toronto Montreal Vancouver Santiago Beijing Shanghai Hong Kong Bogota Havana
    Nicosia Prague Copenhagen Cairo Alexandria Addis Ababa Helsinki Paris Marseille
    Berlin Munich Hamburg Frankfurt Athens Budapest Reykjavik New Delhi Delhi Mumbai
    Kolkata Jakarta Tehran Baghdad Basra Mosul Erbil Kirkuk Fallujah Ramadi Tikrit Najaf
    Karbala Dublin Jerusalem Tel Aviv Gaza Rome Milan Tokyo Amman Astana Nairobi Kuwait
    City Bishkek Beirut Tripoli Benghazi Vilnius Luxembourg Kuala Lumpur Mexico City
    Rabat Casablanca Kathmandu Amsterdam Wellington Abuja Lagos Pyongyang Oslo Muscat
    Islamabad Karachi Lahore Peshawar Quetta Ramallah Lima Manila Warsaw Lisbon Doha
    Bucharest Moscow St Petersburg Riyadh Jeddah Mecca Medina Dakar Belgrade Singapore
    Mogadishu Pretoria Johannesburg Cape Town Seoul Madrid Barcelona Khartoum Stockholm
    Bern Geneva Zurich Damascus Aleppo Homs Raqqa Idlib Deir ez-Zor Palmyra Taipei
    Dushanbe Bangkok Tunis Ankara Istanbul Ashgabat Kampala Kiev Kyiv Abu Dhabi Dubai
    London Manchester Birmingham Edinburgh Washington New York Los Angeles Chicago
    Houston Boston San Francisco Miami Tashkent Caracas Hanoi Sanaa Aden Harare Lusaka
    Kinshasa Brazzaville Accra Bamako Niamey Ouagadougou Tbilisi Chisinau Ulaanbaatar
    Podgorica Skopje Ljubljana Zagreb Bratislava Tallinn Riga Valletta Canberra Kandahar
    Herat Mazar-i-Sharif Sinjar Tal Afar Hawija Anbar Nineveh Badia
    """
)
MULTIWORD_CITIES = (
    "Buenos Aires",
    "Rio de Janeiro",
    "Sao Paulo",
    "Hong Kong",
    "Addis Ababa",
    "New Delhi",
    "Tel Aviv",
    "Kuwait City",
    "Kuala Lumpur",
    "Mexico City",
    "St Petersburg",
    "Cape Town",
    "Abu Dhabi",
    "New York",
    "Los Angeles",
    "San Francisco",
    "Tal Afar",
    "Deir ez-Zor",
    "Gulf",
    "Middle East",
    "Ground Zero",
)


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lowercased place names: countries (name, common and short forms), subdivisions, cities."""
    import pycountry

    names: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                names.add(value.lower())
                names.add(value.split(",")[0].lower())
    names.update(w.lower() for w in CITIES)
    names.update(w.lower() for w in MULTIWORD_CITIES)
    names.update(
        ["us", "u.s.", "usa", "uk", "u.k.", "america", "britain", "russia", "iran", "syria"]
    )
    names.update(["europe", "asia", "africa", "north korea", "south korea", "vietnam"])
    names.update(["taiwan", "palestine", "kurdistan", "venezuela", "bolivia", "tanzania"])
    names.discard("")
    return frozenset(names)


PLACE_KEYWORDS = wordset(
    """
    province governorate region district county city town village island islands river
    valley mountains desert strait sea ocean peninsula street road avenue lane boulevard
    square crossing bridge highway motorway
    """
)


@lru_cache(maxsize=1)
def subdivisions() -> frozenset[str]:
    """Lowercased subdivision names; weaker evidence than a country (many are common words)."""
    import pycountry

    return frozenset(sub.name.lower() for sub in pycountry.subdivisions)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Lowercased demonym -> country name ("iraqi" -> "Iraq"), derived by suffix rules."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name.split(",")[0]
        base = name.lower()
        if " " in base:
            continue
        stem = base[:-1] if base[-1] in "aeiouy" else base
        for form in (base + "i", base + "n", base + "ian", stem + "ian", stem + "an", base + "ese"):
            out.setdefault(form, name)
    for k, v in DEMONYM_EXTRA.items():
        out[k] = v
    out.update({"iranian": "Iran", "russian": "Russia", "syrian": "Syria", "korean": "Korea"})
    return out


# A nominal or bare-role speaker ("the diplomat", "Danish Envoy") is a person whose role holds
# one of these words; a head not listed matches itself.
_DIPLOMATIC = ("ambassador", "envoy", "diplomat", "consul", "charge d", "chargé", "attaché")
ROLE_FAMILIES: dict[str, tuple[str, ...]] = {
    "diplomat": _DIPLOMATIC,
    "envoy": _DIPLOMATIC,
    "official": ("minister", "official", "secretary", "spokes", "director", "chief"),
    "minister": ("minister",),
    "president": ("president",),
    "spokesman": ("spokes",),
    "spokeswoman": ("spokes",),
    "spokesperson": ("spokes",),
}


def role_fits(head: str, role: str) -> bool:
    """Whether a person with ``role`` may be called "the <head>"."""
    low = role.lower()
    return any(w in low for w in ROLE_FAMILIES.get(head, (head,)))


# Generic heads of organisation names: "the council", "the hospital"
ORG_NOUNS = wordset(
    """
    newspaper paper agency ministry company group organization organisation campaign
    government department office committee network channel daily magazine council board
    police service authority commission hospital university school court firm party bank
    administration team union
    """
)
