"""The sample outreach items again in French: the leaflet, the Easy Read leaflet, the
invitation and the welcome letter, as the charity sends them to its French-speaking members
(see ``demo_outreach.py`` for the English ones)."""

from __future__ import annotations

from advocate_app.domain.outreach_content import ItemKind, OutreachItem
from advocate_app.services import demo_outreach_blocks as b
from advocate_app.services.demo_outreach_blocks import CHARITY, HELPLINE_EMAIL, PHONE

_CONTACT_FR = (
    CHARITY,
    f"Ligne d’écoute : {PHONE} (du lundi au jeudi, de 10 h à 16 h, heure du Royaume-Uni)",
    f"E-mail : {HELPLINE_EMAIL}",
    "Site web : [example.org/fr](https://example.org/fr)",
)

_MEMBERS_DAY_ACCESS_FR = (
    "Le lieu est **accessible de plain-pied** depuis le parking, avec un ascenseur pour tous "
    "les étages et des toilettes adaptées à chaque niveau. Toutes les interventions sont "
    "*sous-titrées en direct* et traduites par un **interprète en langue des signes "
    "britannique (BSL)**. Une *salle calme* est ouverte toute la journée, avec des fauteuils "
    "inclinables pour vous reposer. Dites-nous en répondant si vous avez d’autres besoins."
)


def _leaflet_fr() -> OutreachItem:
    return OutreachItem(
        ItemKind.LEAFLET, "Vivre avec une maladie rare du tissu conjonctif", "fr", (
            b.heading(1, "Vivre avec une maladie rare du tissu conjonctif"),
            b.para(f"{CHARITY} est une association britannique qui réunit les personnes "
                  "atteintes d’une maladie rare du tissu conjonctif, ainsi que leurs proches. "
                  "Elle est animée par ses membres et pour ses membres. *Que vous ayez un "
                  "diagnostic ou que vous l’attendiez encore, vous êtes le bienvenu.*"),
            b.pictogram("people", "Un petit groupe de personnes côte à côte"),
            b.heading(2, "Qu’est-ce qu’une maladie du tissu conjonctif ?"),
            b.para("Le tissu conjonctif assure la cohésion du corps : il soutient la peau, les "
                  "articulations, les vaisseaux sanguins et les organes. Lorsqu’il est "
                  "fabriqué différemment, plusieurs parties du corps peuvent être touchées. "
                  "Ces maladies sont souvent **rares** : obtenir un diagnostic et des soins "
                  "adaptés peut prendre des années."),
            b.para("Nos membres nous parlent souvent :"),
            b.bullets(
                "d’articulations trop souples, qui se luxent ou font mal ;",
                "d’une peau fragile, qui marque ou cicatrise mal ;",
                "d’une fatigue que le repos ne soulage pas ;",
                "de problèmes cardiaques, vasculaires, digestifs ou oculaires ;",
                "du sentiment que personne autour d’eux ne connaît leur maladie.",
            ),
            b.para("Chaque personne est différente. Présenter certains de ces signes ne veut "
                  "pas dire que vous avez une maladie du tissu conjonctif : votre médecin "
                  "traitant ou votre spécialiste pourra vous en dire plus."),
            b.heading(2, "Ce que nous proposons"),
            b.heading(3, "Une ligne d’écoute"),
            b.para("Notre infirmière conseil et nos bénévoles formés répondent aux appels et "
                  "aux e-mails sur le diagnostic, les traitements, les aides sociales, "
                  "l’école et le travail. La ligne répond en anglais ; sur demande, nous "
                  "organisons un rendez-vous avec un interprète."),
            b.heading(3, "Des groupes d’entraide"),
            b.para("Chaque mois, des groupes se retrouvent en ligne et dans huit villes du "
                  "Royaume-Uni, dont un groupe francophone en visioconférence. Trouvez le "
                  "vôtre sur [example.org/fr/groupes](https://example.org/fr/groupes)."),
            b.heading(3, "Une information fiable"),
            b.para("Nos fiches sont relues par des spécialistes et par des membres qui vivent "
                  "avec la maladie. Elles sont gratuites, et disponibles en gros caractères, "
                  "en version facile à lire, en audio ou en braille."),
            b.table(
                ["Service", "Comment nous joindre", "Quand"],
                ["Ligne d’écoute", PHONE, "Du lundi au jeudi, de 10 h à 16 h"],
                ["Conseils par e-mail", HELPLINE_EMAIL, "Réponse sous 3 jours ouvrés"],
                ["Groupe francophone", "Visioconférence, lien envoyé par e-mail",
                 "Le troisième jeudi du mois, à 19 h"],
            ),
            b.heading(2, "Préparer un rendez-vous médical"),
            b.steps(
                "Notez vos trois questions les plus importantes.",
                "Tenez un petit journal de vos symptômes pendant les deux semaines qui "
                "précèdent.",
                "Apportez la liste de vos médicaments et les courriers des autres médecins.",
                "Demandez à une personne de confiance de vous accompagner et de prendre "
                "des notes.",
                "Avant de partir, vérifiez qui vous recontactera, et quand.",
            ),
            b.heading(2, "Rejoignez-nous"),
            b.para("L’adhésion est **gratuite**. Nos membres reçoivent la lettre "
                  "d’information, les invitations à nos événements et participent aux "
                  "décisions de l’association."),
            b.qr("https://example.org/fr/adhesion", "Scannez pour adhérer"),
            b.event("Journée des membres 2026", "Samedi 13 juin 2026, de 10 h 30 à 15 h 30",
                   "Community Hall, Example Road, Birmingham (Royaume-Uni)",
                   "Interventions de spécialistes, ateliers et moments d’échange. "
                   + _MEMBERS_DAY_ACCESS_FR),
            b.contact(*_CONTACT_FR),
            b.formats_notice(),
        ),
        audience="Personnes récemment diagnostiquées, familles et aidants", channel="print", group="welcome-leaflet")


def _easy_read_fr() -> OutreachItem:
    return OutreachItem(
        ItemKind.LEAFLET, "Rare Together Alliance : version facile à lire (Easy Read)", "fr", (
            b.heading(1, "Qui sommes-nous ?"),
            b.pictogram("people", "Un groupe de personnes"),
            b.para("Nous sommes une association.", "people", "Un groupe de personnes"),
            b.para("Notre nom est Rare Together Alliance.", "information",
                  "Un panneau d’information"),
            b.para("Nous aidons les personnes qui ont une maladie rare.", "heart", "Un cœur"),
            b.para("Cette maladie touche les articulations et la peau.", "person",
                  "Une personne"),
            b.para("Nous aidons aussi les familles et les amis.", "people",
                  "Une famille"),
            b.heading(2, "Ce que nous faisons"),
            b.para("Vous pouvez nous appeler pour poser des questions.", "phone",
                  "Un téléphone"),
            b.para("Au téléphone, nous parlons anglais.", "talk", "Deux personnes qui parlent"),
            b.para("Nous pouvons trouver un interprète pour vous.", "person",
                  "Une personne qui aide"),
            b.para("Vous pouvez rencontrer d’autres personnes en ligne.", "computer",
                  "Un ordinateur"),
            b.para("Le groupe en français a lieu une fois par mois.", "calendar",
                  "Un calendrier"),
            b.heading(2, "Nous contacter"),
            b.para(f"Téléphone : {PHONE}.", "phone", "Un téléphone"),
            b.para(f"E-mail : {HELPLINE_EMAIL}.", "email", "Un e-mail"),
            b.para("Un proche peut vous aider à nous contacter.", "person",
                  "Une personne qui aide"),
            b.para("Ce document existe aussi en gros caractères.", "large_print",
                  "Des grandes lettres sur une page"),
            b.contact(CHARITY, f"Téléphone : {PHONE}", f"E-mail : {HELPLINE_EMAIL}"),
            b.formats_notice(),
        ),
        audience="Personnes qui préfèrent la version facile à lire", channel="print", group="welcome-leaflet", easy_read=True)


def _invitation_fr() -> OutreachItem:
    return OutreachItem(
        ItemKind.INVITATION, "Invitation à la Journée des membres 2026", "fr", (
            b.heading(1, "Vous êtes invité(e) à la Journée des membres 2026"),
            b.para("Bonjour {{first_name}},"),
            b.para("Nous serions ravis de vous accueillir à notre Journée des membres : des "
                  "interventions, des ateliers et du temps pour rencontrer d’autres personnes "
                  "qui savent ce que c’est de vivre avec une maladie rare du tissu "
                  "conjonctif. La journée est gratuite pour les membres et une personne "
                  "accompagnante."),
            b.event("Journée des membres 2026", "Samedi 13 juin 2026, de 10 h 30 à 15 h 30",
                   "Community Hall, Example Road, Birmingham (Royaume-Uni)",
                   "Interventions d’une rhumatologue spécialiste et de notre infirmière "
                   "conseil, atelier sur la gestion de la fatigue, déjeuner offert. "
                   + _MEMBERS_DAY_ACCESS_FR),
            b.heading(2, "Le programme"),
            b.table(
                ["Heure", "Au programme"],
                ["10 h 30", "Accueil, thé et café"],
                ["11 h", "Mot de bienvenue et actualités de la recherche"],
                ["12 h 30", "Déjeuner (signalez-nous tout régime particulier)"],
                ["13 h 30", "Ateliers : fatigue, douleur ou dialogue avec l’employeur"],
                ["15 h", "Questions aux intervenants"],
            ),
            b.para("Les interventions sont en anglais. Un résumé écrit en français vous sera "
                  "remis sur place."),
            b.heading(2, "Pour répondre"),
            b.para("Merci de répondre avant le **vendredi 22 mai**, en ligne sur "
                  "[example.org/fr/journee](https://example.org/fr/journee), par e-mail à "
                  f"events@example.org ou par téléphone au {PHONE}. Si le coût du trajet "
                  "vous empêche de venir, nous pouvons vous aider."),
            b.qr("https://example.org/fr/journee", "Scannez pour répondre en ligne"),
            b.para("Au plaisir de vous y retrouver, {{first_name}} !"),
            b.contact(CHARITY, "Équipe événements : events@example.org",
                     f"Téléphone : {PHONE}"),
            b.formats_notice(),
        ),
        audience="Membres francophones", channel="post", group="members-day")


def _letter_fr() -> OutreachItem:
    return OutreachItem(
        ItemKind.LETTER, "Lettre de bienvenue aux nouveaux membres", "fr", (
            b.address(),
            b.para("Le {{date}}"),
            b.para("{{salutation}},"),
            b.para(f"Merci d’avoir rejoint {CHARITY}. Nous sommes très heureux de vous "
                  "compter parmi nous et espérons que vous vous sentirez vite chez vous dans "
                  "notre communauté."),
            b.para("Vous trouverez avec ce courrier votre dossier de bienvenue : un guide sur "
                  "la vie avec une maladie rare du tissu conjonctif, votre carte de membre et "
                  "la liste des groupes d’entraide, dont notre groupe francophone en ligne."),
            b.para(f"Pour toute question, notre ligne d’écoute est joignable au {PHONE}, du "
                  "lundi au jeudi de 10 h à 16 h. Elle répond en anglais, mais notre "
                  "infirmière conseil peut aussi vous écrire en français à "
                  f"{HELPLINE_EMAIL}."),
            b.para("Nous souhaitons vous envoyer nos informations sous la forme qui vous "
                  "convient le mieux. Gros caractères, version facile à lire, audio ou "
                  "e-mail : dites-le-nous, {{first_name}}, et nous mettrons votre fiche à "
                  "jour."),
            b.para("Avec nos sentiments les plus chaleureux,"),
            b.para(f"L’équipe des adhésions, {CHARITY}"),
            b.formats_notice(),
        ),
        audience="Nouveaux membres francophones", channel="post", group="welcome-letter")


def french_items() -> list[OutreachItem]:
    return [_leaflet_fr(), _easy_read_fr(), _invitation_fr(), _letter_fr()]
