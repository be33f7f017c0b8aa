"""Invented but plausible people for the sample community: names from many cultures and scripts,
and the places they live.

A culture gives given and family names (written natively, with a plain ASCII romanisation for
e-mail addresses) and the countries its people live in, with their language and how often their
name is written in its own script there. A country gives phone and postcode formats, street
names, towns and the way an address is written. Names are combined at random, so no entry
describes a real person.

This module holds what a sample person is made of, the compact notation the tables are written
in, and the smaller tables (nicknames, tags, e-mail domains, notes); the countries are in
``demo_places`` and the cultures in ``demo_cultures``.

The tables are written compactly:

- names are separated by spaces, ``_`` stands for a space inside one name;
- ``native=latin`` gives the romanisation (otherwise the name without its accents);
- ``male/female`` gives the two forms of a family name that has them (Kowalski/Kowalska);
- a place is ``town:postcode:region``; in postcodes and phone numbers ``#`` is a digit,
  ``%`` a digit from 2 to 9 and ``@`` a capital letter;
- address templates fill ``{street}``, ``{town}``, ``{n}`` (house number), ``{m}`` (flat),
  ``{c}`` (a small number: floor or block) and ``{u}`` (unit).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class Name:
    native: str
    latin: str  # readable without the culture's script or accents


@dataclass(frozen=True)
class Family:
    male: Name
    female: Name


@dataclass(frozen=True)
class Home:
    country: str  # a key of COUNTRIES
    weight: float
    languages: tuple[str, ...]  # the first is the usual one
    native_script: float  # share of people here whose name is written natively


@dataclass(frozen=True)
class Culture:
    key: str
    weight: float
    female: tuple[Name, ...]
    male: tuple[Name, ...]
    family: tuple[Family, ...]
    homes: tuple[Home, ...]
    double_family: float = 0.0  # share with two family names (Spanish, Portuguese)


@dataclass(frozen=True)
class Place:
    town: str
    postcode: str  # pattern; empty for the country's own
    region: str


@dataclass(frozen=True)
class Country:
    key: str
    code: str  # ISO 3166-1 alpha-2
    phones: tuple[str, ...]
    postcode: str
    addresses: tuple[str, ...]
    streets: tuple[str, ...]
    places: tuple[Place, ...]


_EXTRA = str.maketrans({"Æ": "Ae", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "Oe", "œ": "oe",
                        "ß": "ss", "Ł": "L", "ł": "l", "Đ": "D", "đ": "d", "ı": "i"})


def plain(text: str) -> str:
    """The text without accents, keeping its case: "Adébáyọ̀ Łukasz" -> "Adebayo Lukasz"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_of(text: str) -> list[str]:
    return [word.replace("_", " ") for word in text.split()]


def names_of(text: str) -> tuple[Name, ...]:
    names = []
    for word in words_of(text):
        native, _sep, latin = word.partition("=")
        names.append(Name(native, latin or plain(native)))
    return tuple(names)


def families_of(text: str) -> tuple[Family, ...]:
    families = []
    for word in words_of(text):
        native, _sep, latin = word.partition("=")
        male_native, _sep, female_native = native.partition("/")
        male_latin, _sep, female_latin = latin.partition("/")
        male = Name(male_native, male_latin or plain(male_native))
        female_native = female_native or male_native
        female = Name(female_native, female_latin or (
            male.latin if female_native == male_native else plain(female_native)))
        families.append(Family(male, female))
    return tuple(families)


def homes_of(*homes: tuple[str, float, str, float]) -> tuple[Home, ...]:
    return tuple(Home(country, weight, tuple(languages.split()), native)
                 for country, weight, languages, native in homes)


def places_of(text: str) -> tuple[Place, ...]:
    places = []
    for word in words_of(text):
        town, postcode, region = (word.split(":") + ["", ""])[:3]
        places.append(Place(town, postcode, region))
    return tuple(places)


#: Short forms some people go by, in the script of the name.
NICKNAMES = {
    "Elizabeth": ("Liz", "Beth"), "Katherine": ("Kate", "Katie"), "Margaret": ("Maggie",),
    "Rebecca": ("Becky",), "Jessica": ("Jess",), "Abigail": ("Abi",), "Charlotte": ("Lottie",),
    "Eleanor": ("Ellie",), "Florence": ("Flo",), "Harriet": ("Hattie",),
    "Patricia": ("Trish",), "Susan": ("Sue",), "Nicola": ("Nicky",), "Bethany": ("Beth",),
    "Christopher": ("Chris",), "Jonathan": ("Jon",), "Matthew": ("Matt",),
    "Benjamin": ("Ben",), "Richard": ("Rich",), "Robert": ("Rob", "Bob"), "Andrew": ("Drew",),
    "Stephen": ("Steve",), "Samuel": ("Sam",), "Daniel": ("Dan",), "Joseph": ("Joe",),
    "William": ("Will", "Bill"), "James": ("Jamie",), "Edward": ("Ed", "Ted"),
    "Alexandros": ("Alex",), "Maximilian": ("Max",), "Aleksandra": ("Ola",),
    "Katarzyna": ("Kasia",), "Małgorzata": ("Gosia",), "Magdalena": ("Magda",),
    "Wojciech": ("Wojtek",), "Bartłomiej": ("Bartek",), "Tomasz": ("Tomek",),
    "Giuseppe": ("Beppe",), "Alessandro": ("Sandro",), "Κωνσταντίνος": ("Κώστας",),
    "Konstantinos": ("Kostas",), "Αικατερίνη": ("Κατερίνα",), "Aikaterini": ("Katerina",),
    "Екатерина": ("Катя",), "Ekaterina": ("Katya",), "Наталья": ("Наташа",),
    "Natalya": ("Natasha",), "Мария": ("Маша",), "Михаил": ("Миша",), "Mikhail": ("Misha",),
    "Олександр": ("Сашко",), "Oleksandr": ("Sasha",), "Olúwaseun": ("Ṣèun",),
    "Oluwaseun": ("Seun",), "Babátúndé": ("Túndé",), "Babatunde": ("Tunde",),
    "Olúwatóbi": ("Tóbi",), "Oluwatobi": ("Tobi",), "Chukwuemeka": ("Emeka",),
    "Ìfẹ́olúwa": ("Ìfẹ́",), "Ifeoluwa": ("Ife",), "Ayọ̀dèjì": ("Dèjì",), "Ayodeji": ("Deji",),
    "Adébáyọ̀": ("Báyọ̀",), "Adebayo": ("Bayo",), "Jean-Baptiste": ("JB",),
}

#: English names some people from East and South-East Asia use day to day abroad.
ENGLISH_FEMALE = ("Grace", "Amy", "Jenny", "Vicky", "Cindy", "Helen", "Joyce", "Annie")
ENGLISH_MALE = ("David", "Kevin", "Tony", "Eric", "Jason", "Alan", "Ken", "Michael")
#: Names people choose that are not tied to a gender.
NEUTRAL_NAMES = ("Alex", "Sam", "Robin", "Charlie", "Jamie", "Kit", "Rowan", "River", "Jordan",
                 "Ash")

#: Given + family combinations (ASCII, lower case) that belong to well-known people.
FAMOUS = frozenset({
    "james taylor", "chris evans", "tom jones", "jack white", "george harrison",
    "stephen king", "jonathan ross", "ian wright", "grace kelly", "paul walker",
    "sergio ramos", "thiago silva", "lena meyer", "anna lewandowska", "burak yilmaz",
    "andrii shevchenko", "na li", "yang sun", "emeka okafor", "henrik larsson",
    "anders rasmussen", "ted hughes", "rob brown", "dan brown",
})

#: Access needs, written as tags for now, with how often each is chosen.
ACCESS_NEED_TAGS = (("large print", 30), ("Easy Read", 18), ("screen reader", 10),
                    ("BSL interpreter", 8), ("step-free access", 22), ("captions", 14),
                    ("quiet room", 12))
#: Needs that only make sense in the United Kingdom.
UK_ONLY_TAGS = frozenset({"BSL interpreter"})
#: Topic tags with the share of members who have each.
TOPIC_TAGS = (("newsletter", 0.18), ("fundraising", 0.04), ("2025 conference", 0.05),
              ("research panel", 0.03), ("peer support", 0.04))

#: Only the reserved example domains (RFC 2606), so no message can reach anyone.
EMAIL_DOMAINS = ("example.org", "example.com", "example.net", "mail.example.org",
                 "post.example.net", "inbox.example.com", "home.example")
#: Work addresses for the professional roles.
WORK_DOMAINS = {
    "clinician": ("hospital.example.org", "clinic.example.net"),
    "researcher": ("university.example.org", "research.example.net"),
    "industry": ("pharma.example.com", "biotech.example.com"),
    "regulator": ("regulator.example.org",),
    "staff": ("charity.example.org",),
}

NOTES = (
    "Prefers a phone call in the afternoon.",
    "Met at the family day; keen to help with the newsletter.",
    "Travels with a carer; needs two seats booked.",
    "Asked for papers a week before meetings.",
    "Works shifts; evenings are best.",
    "Happy to share their story at the next awareness week.",
    "Diagnosed last year; would like to hear from other families.",
    "Interested in the natural history study; send details when recruitment opens.",
    "Ran the half marathon for us in the spring.",
    "Please post letters rather than e-mail.",
    "Offered to translate the leaflet.",
    "Moved house recently; new address confirmed by phone.",
    "Sits on the hospital's patient panel too.",
    "Does not want to be contacted during school holidays.",
    "Asked about travel grants for the conference.",
)
