"""Sample outreach items for trying Advocate out: what a small UK charity sends and prints.

The items belong to the fictional "Rare Together Alliance", a community for people living
with rare connective tissue conditions. Every kind of item appears at least once in English;
the leaflet, the Easy Read leaflet, the invitation and the letter also appear in French. Each
item passes the standard pre-flight check (the Easy Read ones also the Easy Read check) and
survives a round trip through its JSON form unchanged.

Addresses and links use ``example.org``; the people mentioned are roles, never names.
"""

from __future__ import annotations

from typing import Any

from advocate_app.domain.outreach_content import Block, ItemKind, OutreachItem

CHARITY = "Rare Together Alliance"
PHONE = "0306 999 0123"
WEBSITE = "https://example.org"
HELPLINE_EMAIL = "helpline@example.org"


# ---------------------------------------------------------------- block builders


def _heading(level: int, text: str) -> Block:
    return Block("heading", {"level": level, "text": text})


def _para(text: str, picture: str = "", picture_alt: str = "", language: str = "") -> Block:
    data: dict[str, Any] = {"text": text}
    if picture:
        data["picture"] = picture
        data["picture_alt"] = picture_alt
    return Block("paragraph", data, language)


def _bullets(*items: str, picture: str = "", picture_alt: str = "") -> Block:
    data: dict[str, Any] = {"ordered": False, "items": list(items)}
    if picture:
        data["picture"] = picture
        data["picture_alt"] = picture_alt
    return Block("list", data)


def _steps(*items: str) -> Block:
    return Block("list", {"ordered": True, "items": list(items)})


def _table(header: list[str], *rows: list[str]) -> Block:
    return Block("table", {"header": header, "rows": [list(row) for row in rows]})


def _pictogram(name: str, alt: str) -> Block:
    return Block("image", {"pictogram": name, "alt": alt, "decorative": False})


def _qr(url: str, caption: str) -> Block:
    return Block("qr", {"url": url, "caption": caption})


def _contact(*lines: str) -> Block:
    return Block("contact", {"lines": list(lines)})


def _event(title: str, when: str, where: str, details: str) -> Block:
    return Block("event", {"title": title, "when": when, "where": where, "details": details})


def _formats_notice() -> Block:
    return Block("formats_notice")


def _address() -> Block:
    return Block("address")


_CONTACT_EN = (
    CHARITY,
    f"Helpline: {PHONE} (Monday to Thursday, 10am to 4pm)",
    f"Email: {HELPLINE_EMAIL}",
    "Website: [example.org](https://example.org)",
)

_CONTACT_FR = (
    CHARITY,
    f"Ligne d’écoute : {PHONE} (du lundi au jeudi, de 10 h à 16 h, heure du Royaume-Uni)",
    f"E-mail : {HELPLINE_EMAIL}",
    "Site web : [example.org/fr](https://example.org/fr)",
)

_MEMBERS_DAY_ACCESS_EN = (
    "The venue has **step-free access** from the car park, a lift to every floor and "
    "accessible toilets on each level. All talks have live *captions* and a "
    "**BSL interpreter**. A *quiet room* is open all day, with reclining chairs if you need "
    "to rest. Tell us about any other access needs when you reply."
)

_MEMBERS_DAY_ACCESS_FR = (
    "Le lieu est **accessible de plain-pied** depuis le parking, avec un ascenseur pour tous "
    "les étages et des toilettes adaptées à chaque niveau. Toutes les interventions sont "
    "*sous-titrées en direct* et traduites par un **interprète en langue des signes "
    "britannique (BSL)**. Une *salle calme* est ouverte toute la journée, avec des fauteuils "
    "inclinables pour vous reposer. Dites-nous en répondant si vous avez d’autres besoins."
)


# ---------------------------------------------------------------- English items


def _leaflet_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LEAFLET, "Living with a rare connective tissue condition", "en", (
            _heading(1, "Living with a rare connective tissue condition"),
            _para(f"{CHARITY} is a UK community for people living with rare connective tissue "
                  "conditions, and for the families and friends who support them. We are run "
                  "by members, for members. *Whatever your diagnosis, and even if you are "
                  "still waiting for one, you are welcome here.*"),
            _pictogram("people", "A small group of people standing together"),
            _heading(2, "What are connective tissue conditions?"),
            _para("Connective tissue holds the body together: it supports the skin, joints, "
                  "blood vessels and organs. When it is made differently, many parts of the "
                  "body can be affected at once. Many of these conditions are **rare**, so "
                  "it can take years to get a diagnosis and the right care."),
            _para("People often tell us about:"),
            _bullets(
                "joints that move further than usual, dislocate or ache",
                "skin that stretches, bruises or scars easily",
                "tiredness that rest does not fix",
                "problems with the heart, blood vessels, gut or eyes",
                "feeling that nobody around them has heard of their condition",
            ),
            _para("Everyone is different. Having some of these does not mean you have a "
                  "connective tissue condition; your GP or specialist can tell you more."),
            _heading(2, "How we can help"),
            _heading(3, "Our helpline"),
            _para("Our nurse adviser and trained volunteers answer calls and emails about "
                  "diagnosis, treatment, benefits, school and work. We cannot diagnose you, "
                  "but we can help you prepare for appointments and find specialist services "
                  "near you."),
            _heading(3, "Peer support groups"),
            _para("Monthly groups meet online and in eight towns and cities across the UK. "
                  "Some groups are for parents and carers, some for young people aged 16 to "
                  "25. Find your nearest group at "
                  "[example.org/groups](https://example.org/groups)."),
            _heading(3, "Information you can trust"),
            _para("Our factsheets are checked by specialists and by members with lived "
                  "experience. They are free, and you can order them in large print, "
                  "Easy Read, audio or braille."),
            _table(
                ["Service", "How to reach it", "When"],
                ["Helpline", PHONE, "Monday to Thursday, 10am to 4pm"],
                ["Email advice", HELPLINE_EMAIL, "Reply within 3 working days"],
                ["Online support group", "Video call, link sent by email",
                 "First Tuesday of the month, 7pm"],
                ["Welfare benefits clinic", "Book through the helpline",
                 "Second Wednesday of the month"],
            ),
            _heading(2, "Getting ready for an appointment"),
            _steps(
                "Write down your three most important questions.",
                "Keep a short diary of symptoms for two weeks before you go.",
                "Take a list of your medicines and any letters from other doctors.",
                "Ask someone you trust to come with you and take notes.",
                "Before you leave, check who will contact you next, and when.",
            ),
            _heading(2, "Join us"),
            _para("Membership is **free**. Members receive our newsletter, invitations to "
                  "events and a say in how the charity is run. Join online or call the "
                  "helpline and we will sign you up."),
            _qr("https://example.org/join", "Scan to join Rare Together Alliance"),
            _event("Members' Day 2026", "Saturday 13 June 2026, 10.30am to 3.30pm",
                   "Community Hall, Example Road, Birmingham",
                   "Talks from specialists, workshops and time to meet others. "
                   + _MEMBERS_DAY_ACCESS_EN),
            _contact(*_CONTACT_EN),
            _formats_notice(),
        ),
        audience="People newly diagnosed, families and carers", channel="print", group="welcome-leaflet")


def _easy_read_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LEAFLET, "About Rare Together Alliance: Easy Read", "en", (
            _heading(1, "About Rare Together Alliance"),
            _pictogram("people", "A group of people together"),
            _para("This leaflet is about a group called Rare Together Alliance.",
                  "information", "An information sign"),
            _para("We help people with rare conditions of the joints and skin.",
                  "heart", "A heart"),
            _para("We also help their families and friends.", "people", "A group of people"),
            _heading(2, "What we do"),
            _para("You can phone us for help. It costs the same as a local call.",
                  "phone", "A telephone"),
            _para("Our nurse can answer questions about your health.",
                  "doctor", "A nurse"),
            _para("We can help you get ready to see a doctor.",
                  "question", "A question mark"),
            _para("You can meet other people at our groups.",
                  "talk", "Two people talking"),
            _heading(2, "Meet us online"),
            _para("We meet online on the first Tuesday of each month.",
                  "computer", "A computer"),
            _para("The meeting starts at 7 in the evening.", "clock", "A clock"),
            _heading(2, "How to contact us"),
            _para(f"Phone {PHONE}.", "phone", "A telephone"),
            _para(f"Email {HELPLINE_EMAIL}.", "email", "An email"),
            _para("You can ask a friend or carer to help you.", "person", "A helper"),
            _para("You can ask for this leaflet in a different way.",
                  "tick", "A tick"),
            _bullets("Large print", "Audio", "Braille",
                     picture="large_print", picture_alt="Large letters on a page"),
            _contact(CHARITY, f"Phone: {PHONE}", f"Email: {HELPLINE_EMAIL}"),
            _formats_notice(),
        ),
        audience="People with learning disabilities and anyone who prefers Easy Read",
        channel="print", group="welcome-leaflet", easy_read=True)


def _poster_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.POSTER, "You are not alone", "en", (
            _heading(1, "Living with a rare connective tissue condition? You are not alone."),
            _pictogram("heart", "A heart"),
            _para("**Free support, information and friendship from people who understand.**"),
            _bullets("**Helpline** with our nurse adviser",
                     "**Peer support groups** online and near you",
                     "**Free factsheets** in accessible formats"),
            _para(f"**Call {PHONE}** or visit **example.org**"),
            _qr(f"{WEBSITE}/support", "Scan to find support near you"),
            _formats_notice(),
        ),
        audience="Patients in clinic waiting rooms", channel="print", group="clinic-poster")


def _lay_summary_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LAY_SUMMARY, "Does gentle home exercise help joint pain? Study results", "en", (
            _heading(1, "Does gentle home exercise help joint pain?"),
            _para("This is a plain-language summary of the MOVE-well study. Thank you to the "
                  "112 members who took part. The full report is at "
                  "[example.org/move-well](https://example.org/move-well)."),
            _heading(2, "Why was the study done?"),
            _para("Many of our members live with joint pain every day. Physiotherapy can help, "
                  "but appointments are hard to get and often far away. We wanted to know if "
                  "a gentle exercise programme done *at home* could help as much."),
            _heading(2, "Who took part?"),
            _para("Adults aged 18 to 70 living with a connective tissue condition that affects "
                  "their joints. Everyone kept their usual treatment during the study."),
            _heading(2, "What happened?"),
            _steps(
                "People were put into one of two groups by chance, like tossing a coin.",
                "One group did 20 minutes of guided exercises, 5 days a week, with short "
                "videos and a phone call from a physiotherapist every 2 weeks.",
                "The other group carried on as usual and were offered the programme "
                "afterwards.",
                "After 12 weeks, everyone answered the same questions about pain, "
                "tiredness and daily life.",
            ),
            _heading(2, "What did the study find?"),
            _para("Pain was scored from 0 (no pain) to 10 (worst pain imaginable). A "
                  "**lower** score is better."),
            _table(
                ["What we measured", "Home exercise group", "Usual care group"],
                ["People who finished", "52 of 56", "50 of 56"],
                ["Average pain score at the start", "6.4", "6.3"],
                ["Average pain score after 12 weeks", "5.1", "6.0"],
                ["Said daily tasks were easier", "6 in 10 people", "3 in 10 people"],
                ["Had an injury from exercise", "2 people (minor)", "Not applicable"],
            ),
            _para("On average, pain went down **a little more** in the home exercise group. "
                  "The difference is small but is the size many people notice in daily "
                  "life. Tiredness did not change much in either group."),
            _heading(2, "What does this mean for me?"),
            _para("Gentle, regular exercise at home may help some people with joint pain. It "
                  "is not a cure, and it may not suit everyone. *Please talk to your "
                  "physiotherapist or doctor before you start a new exercise programme.*"),
            _heading(2, "What happens next?"),
            _para("The research team is making the videos free for everyone, and a larger "
                  "study will start next year. We will tell members how to take part."),
            _contact(CHARITY, "Research team: research@example.org", f"Helpline: {PHONE}"),
            _formats_notice(),
        ),
        audience="Members and study participants", channel="print", group="move-well-summary")


def _newsletter_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.NEWSLETTER, "Together: spring newsletter", "en", (
            _heading(1, "Together: our spring newsletter"),
            _para("Welcome to the spring edition. This season we have news about our "
                  "Members' Day, a new helpline evening and the results of the MOVE-well "
                  "study. As always, *this newsletter is written with members, for members.*"),
            _para("Croeso cynnes i bob aelod newydd yng Nghymru – diolch am ymuno â ni!",
                  language="cy"),
            _heading(2, "Members' Day is back"),
            _para("Our Members' Day returns to Birmingham in June. Come for the talks, stay "
                  "for the cake and the company. Bursaries for travel are available: ask the "
                  "helpline."),
            _event("Members' Day 2026", "Saturday 13 June 2026, 10.30am to 3.30pm",
                   "Community Hall, Example Road, Birmingham",
                   "Free for members and one companion. " + _MEMBERS_DAY_ACCESS_EN),
            _heading(2, "Helpline news"),
            _para("From April, the helpline is also open on **Wednesday evenings from 6pm "
                  "to 8pm**, for members who work or study in the day. Our nurse adviser "
                  "will be on the line."),
            _heading(2, "Research round-up"),
            _para("The MOVE-well study found that gentle home exercise helped joint pain a "
                  "little for many who took part. Read the plain-language summary at "
                  "[example.org/move-well](https://example.org/move-well)."),
            _heading(2, "Your stories"),
            _para("A parent in our Yorkshire group writes: “The first meeting was the first "
                  "time nobody needed me to explain. My daughter met another teenager who "
                  "just *got it*.” Share your story with us at stories@example.org."),
            _heading(2, "Fundraising"),
            _bullets(
                "Thank you to the 40 members who walked 10,000 steps a day in March.",
                "Our quiz night raised enough to run the helpline for two weeks.",
                "Thinking of a challenge? Our fundraising pack has ideas for every energy "
                "level.",
            ),
            _heading(2, "Dates for your diary"),
            _table(
                ["Date", "What", "Where"],
                ["Tuesday 7 April", "Online support group", "Video call"],
                ["Wednesday 13 May", "Welfare benefits clinic", "By phone"],
                ["Saturday 13 June", "Members' Day", "Birmingham"],
            ),
            _contact(*_CONTACT_EN),
            _formats_notice(),
        ),
        audience="All members", channel="email", group="spring-newsletter")


def _invitation_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.INVITATION, "Invitation to Members' Day 2026", "en", (
            _heading(1, "You're invited to Members' Day 2026"),
            _para("Dear {{first_name}},"),
            _para("We would love you to join us for our Members' Day: a day of talks, "
                  "workshops and time to meet others who understand life with a rare "
                  "connective tissue condition. It is free for members and one companion."),
            _event("Members' Day 2026", "Saturday 13 June 2026, 10.30am to 3.30pm",
                   "Community Hall, Example Road, Birmingham",
                   "Talks from a specialist rheumatologist and our nurse adviser, a "
                   "workshop on managing fatigue, and lunch. " + _MEMBERS_DAY_ACCESS_EN),
            _heading(2, "The day at a glance"),
            _table(
                ["Time", "What is happening"],
                ["10.30am", "Arrival, tea and coffee"],
                ["11am", "Welcome and research news"],
                ["12.30pm", "Lunch (tell us about any dietary needs)"],
                ["1.30pm", "Workshops: fatigue, pain, or talking to your employer"],
                ["3pm", "Questions to the panel"],
            ),
            _heading(2, "How to reply"),
            _para("Please reply by **Friday 22 May**, online at "
                  "[example.org/members-day](https://example.org/members-day), by email to "
                  f"events@example.org, or by calling {PHONE}. Travel bursaries are available "
                  "if cost would stop you coming."),
            _qr("https://example.org/members-day", "Scan to reply online"),
            _para("We hope to see you there, {{first_name}}."),
            _contact(CHARITY, "Events team: events@example.org", f"Phone: {PHONE}"),
            _formats_notice(),
        ),
        audience="Members", channel="post", group="members-day")


def _letter_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LETTER, "Welcome letter for new members", "en", (
            _address(),
            _para("{{date}}"),
            _para("{{salutation}},"),
            _para(f"Thank you for joining {CHARITY}. We are so glad you found us, and we "
                  "hope you will soon feel part of our community."),
            _para("With this letter you will find our welcome pack: a guide to living with a "
                  "rare connective tissue condition, your membership card and details of "
                  "peer support groups near you."),
            _para("Whenever you have a question, our helpline is here for you on "
                  f"{PHONE}, Monday to Thursday from 10am to 4pm. Our nurse adviser can also "
                  f"reply by email at {HELPLINE_EMAIL}."),
            _para("We would like to send you information in the way that suits you best. "
                  "If you would prefer large print, Easy Read, audio or email, just let us "
                  "know and we will update your record, {{first_name}}."),
            _para("With warm wishes,"),
            _para(f"The membership team, {CHARITY}"),
            _formats_notice(),
        ),
        audience="New members", channel="post", group="welcome-letter")


def _labels_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LABELS, "Address labels: spring newsletter mailing", "en", (
            _para(f"If undelivered, please return to {CHARITY}, Freepost RARE TOGETHER."),
        ),
        audience="Members who receive post", channel="post", group="return-labels")


# ---------------------------------------------------------------- French items


def _leaflet_fr() -> OutreachItem:
    return OutreachItem(
        ItemKind.LEAFLET, "Vivre avec une maladie rare du tissu conjonctif", "fr", (
            _heading(1, "Vivre avec une maladie rare du tissu conjonctif"),
            _para(f"{CHARITY} est une association britannique qui réunit les personnes "
                  "atteintes d’une maladie rare du tissu conjonctif, ainsi que leurs proches. "
                  "Elle est animée par ses membres et pour ses membres. *Que vous ayez un "
                  "diagnostic ou que vous l’attendiez encore, vous êtes le bienvenu.*"),
            _pictogram("people", "Un petit groupe de personnes côte à côte"),
            _heading(2, "Qu’est-ce qu’une maladie du tissu conjonctif ?"),
            _para("Le tissu conjonctif assure la cohésion du corps : il soutient la peau, les "
                  "articulations, les vaisseaux sanguins et les organes. Lorsqu’il est "
                  "fabriqué différemment, plusieurs parties du corps peuvent être touchées. "
                  "Ces maladies sont souvent **rares** : obtenir un diagnostic et des soins "
                  "adaptés peut prendre des années."),
            _para("Nos membres nous parlent souvent :"),
            _bullets(
                "d’articulations trop souples, qui se luxent ou font mal ;",
                "d’une peau fragile, qui marque ou cicatrise mal ;",
                "d’une fatigue que le repos ne soulage pas ;",
                "de problèmes cardiaques, vasculaires, digestifs ou oculaires ;",
                "du sentiment que personne autour d’eux ne connaît leur maladie.",
            ),
            _para("Chaque personne est différente. Présenter certains de ces signes ne veut "
                  "pas dire que vous avez une maladie du tissu conjonctif : votre médecin "
                  "traitant ou votre spécialiste pourra vous en dire plus."),
            _heading(2, "Ce que nous proposons"),
            _heading(3, "Une ligne d’écoute"),
            _para("Notre infirmière conseil et nos bénévoles formés répondent aux appels et "
                  "aux e-mails sur le diagnostic, les traitements, les aides sociales, "
                  "l’école et le travail. La ligne répond en anglais ; sur demande, nous "
                  "organisons un rendez-vous avec un interprète."),
            _heading(3, "Des groupes d’entraide"),
            _para("Chaque mois, des groupes se retrouvent en ligne et dans huit villes du "
                  "Royaume-Uni, dont un groupe francophone en visioconférence. Trouvez le "
                  "vôtre sur [example.org/fr/groupes](https://example.org/fr/groupes)."),
            _heading(3, "Une information fiable"),
            _para("Nos fiches sont relues par des spécialistes et par des membres qui vivent "
                  "avec la maladie. Elles sont gratuites, et disponibles en gros caractères, "
                  "en version facile à lire, en audio ou en braille."),
            _table(
                ["Service", "Comment nous joindre", "Quand"],
                ["Ligne d’écoute", PHONE, "Du lundi au jeudi, de 10 h à 16 h"],
                ["Conseils par e-mail", HELPLINE_EMAIL, "Réponse sous 3 jours ouvrés"],
                ["Groupe francophone", "Visioconférence, lien envoyé par e-mail",
                 "Le troisième jeudi du mois, à 19 h"],
            ),
            _heading(2, "Préparer un rendez-vous médical"),
            _steps(
                "Notez vos trois questions les plus importantes.",
                "Tenez un petit journal de vos symptômes pendant les deux semaines qui "
                "précèdent.",
                "Apportez la liste de vos médicaments et les courriers des autres médecins.",
                "Demandez à une personne de confiance de vous accompagner et de prendre "
                "des notes.",
                "Avant de partir, vérifiez qui vous recontactera, et quand.",
            ),
            _heading(2, "Rejoignez-nous"),
            _para("L’adhésion est **gratuite**. Nos membres reçoivent la lettre "
                  "d’information, les invitations à nos événements et participent aux "
                  "décisions de l’association."),
            _qr("https://example.org/fr/adhesion", "Scannez pour adhérer"),
            _event("Journée des membres 2026", "Samedi 13 juin 2026, de 10 h 30 à 15 h 30",
                   "Community Hall, Example Road, Birmingham (Royaume-Uni)",
                   "Interventions de spécialistes, ateliers et moments d’échange. "
                   + _MEMBERS_DAY_ACCESS_FR),
            _contact(*_CONTACT_FR),
            _formats_notice(),
        ),
        audience="Personnes récemment diagnostiquées, familles et aidants", channel="print", group="welcome-leaflet")


def _easy_read_fr() -> OutreachItem:
    return OutreachItem(
        ItemKind.LEAFLET, "Rare Together Alliance : version facile à lire (Easy Read)", "fr", (
            _heading(1, "Qui sommes-nous ?"),
            _pictogram("people", "Un groupe de personnes"),
            _para("Nous sommes une association.", "people", "Un groupe de personnes"),
            _para("Notre nom est Rare Together Alliance.", "information",
                  "Un panneau d’information"),
            _para("Nous aidons les personnes qui ont une maladie rare.", "heart", "Un cœur"),
            _para("Cette maladie touche les articulations et la peau.", "person",
                  "Une personne"),
            _para("Nous aidons aussi les familles et les amis.", "people",
                  "Une famille"),
            _heading(2, "Ce que nous faisons"),
            _para("Vous pouvez nous appeler pour poser des questions.", "phone",
                  "Un téléphone"),
            _para("Au téléphone, nous parlons anglais.", "talk", "Deux personnes qui parlent"),
            _para("Nous pouvons trouver un interprète pour vous.", "person",
                  "Une personne qui aide"),
            _para("Vous pouvez rencontrer d’autres personnes en ligne.", "computer",
                  "Un ordinateur"),
            _para("Le groupe en français a lieu une fois par mois.", "calendar",
                  "Un calendrier"),
            _heading(2, "Nous contacter"),
            _para(f"Téléphone : {PHONE}.", "phone", "Un téléphone"),
            _para(f"E-mail : {HELPLINE_EMAIL}.", "email", "Un e-mail"),
            _para("Un proche peut vous aider à nous contacter.", "person",
                  "Une personne qui aide"),
            _para("Ce document existe aussi en gros caractères.", "large_print",
                  "Des grandes lettres sur une page"),
            _contact(CHARITY, f"Téléphone : {PHONE}", f"E-mail : {HELPLINE_EMAIL}"),
            _formats_notice(),
        ),
        audience="Personnes qui préfèrent la version facile à lire", channel="print", group="welcome-leaflet", easy_read=True)


def _invitation_fr() -> OutreachItem:
    return OutreachItem(
        ItemKind.INVITATION, "Invitation à la Journée des membres 2026", "fr", (
            _heading(1, "Vous êtes invité(e) à la Journée des membres 2026"),
            _para("Bonjour {{first_name}},"),
            _para("Nous serions ravis de vous accueillir à notre Journée des membres : des "
                  "interventions, des ateliers et du temps pour rencontrer d’autres personnes "
                  "qui savent ce que c’est de vivre avec une maladie rare du tissu "
                  "conjonctif. La journée est gratuite pour les membres et une personne "
                  "accompagnante."),
            _event("Journée des membres 2026", "Samedi 13 juin 2026, de 10 h 30 à 15 h 30",
                   "Community Hall, Example Road, Birmingham (Royaume-Uni)",
                   "Interventions d’une rhumatologue spécialiste et de notre infirmière "
                   "conseil, atelier sur la gestion de la fatigue, déjeuner offert. "
                   + _MEMBERS_DAY_ACCESS_FR),
            _heading(2, "Le programme"),
            _table(
                ["Heure", "Au programme"],
                ["10 h 30", "Accueil, thé et café"],
                ["11 h", "Mot de bienvenue et actualités de la recherche"],
                ["12 h 30", "Déjeuner (signalez-nous tout régime particulier)"],
                ["13 h 30", "Ateliers : fatigue, douleur ou dialogue avec l’employeur"],
                ["15 h", "Questions aux intervenants"],
            ),
            _para("Les interventions sont en anglais. Un résumé écrit en français vous sera "
                  "remis sur place."),
            _heading(2, "Pour répondre"),
            _para("Merci de répondre avant le **vendredi 22 mai**, en ligne sur "
                  "[example.org/fr/journee](https://example.org/fr/journee), par e-mail à "
                  f"events@example.org ou par téléphone au {PHONE}. Si le coût du trajet "
                  "vous empêche de venir, nous pouvons vous aider."),
            _qr("https://example.org/fr/journee", "Scannez pour répondre en ligne"),
            _para("Au plaisir de vous y retrouver, {{first_name}} !"),
            _contact(CHARITY, "Équipe événements : events@example.org",
                     f"Téléphone : {PHONE}"),
            _formats_notice(),
        ),
        audience="Membres francophones", channel="post", group="members-day")


def _letter_fr() -> OutreachItem:
    return OutreachItem(
        ItemKind.LETTER, "Lettre de bienvenue aux nouveaux membres", "fr", (
            _address(),
            _para("Le {{date}}"),
            _para("{{salutation}},"),
            _para(f"Merci d’avoir rejoint {CHARITY}. Nous sommes très heureux de vous "
                  "compter parmi nous et espérons que vous vous sentirez vite chez vous dans "
                  "notre communauté."),
            _para("Vous trouverez avec ce courrier votre dossier de bienvenue : un guide sur "
                  "la vie avec une maladie rare du tissu conjonctif, votre carte de membre et "
                  "la liste des groupes d’entraide, dont notre groupe francophone en ligne."),
            _para(f"Pour toute question, notre ligne d’écoute est joignable au {PHONE}, du "
                  "lundi au jeudi de 10 h à 16 h. Elle répond en anglais, mais notre "
                  "infirmière conseil peut aussi vous écrire en français à "
                  f"{HELPLINE_EMAIL}."),
            _para("Nous souhaitons vous envoyer nos informations sous la forme qui vous "
                  "convient le mieux. Gros caractères, version facile à lire, audio ou "
                  "e-mail : dites-le-nous, {{first_name}}, et nous mettrons votre fiche à "
                  "jour."),
            _para("Avec nos sentiments les plus chaleureux,"),
            _para(f"L’équipe des adhésions, {CHARITY}"),
            _formats_notice(),
        ),
        audience="Nouveaux membres francophones", channel="post", group="welcome-letter")


def sample_items() -> list[OutreachItem]:
    """Every kind of outreach item in English, and the main ones again in French."""
    return [
        _leaflet_en(), _easy_read_en(), _poster_en(), _lay_summary_en(), _newsletter_en(),
        _invitation_en(), _letter_en(), _labels_en(),
        _leaflet_fr(), _easy_read_fr(), _invitation_fr(), _letter_fr(),
    ]
