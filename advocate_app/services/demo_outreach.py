"""Sample outreach items for trying Advocate out: what a small UK charity sends and prints.

Every kind of item appears at least once in English (here); the leaflet, the Easy Read
leaflet, the invitation and the letter also appear in French (``demo_outreach_fr.py``). Each
item passes the standard pre-flight check (the Easy Read ones also the Easy Read check) and
survives a round trip through its JSON form unchanged. The charity and the block builders are
in ``demo_outreach_blocks.py``; the people mentioned are roles, never names.
"""

from __future__ import annotations

from advocate_app.domain.outreach_content import ItemKind, OutreachItem
from advocate_app.services import demo_outreach_blocks as b
from advocate_app.services.demo_outreach_blocks import CHARITY, HELPLINE_EMAIL, PHONE, WEBSITE

_CONTACT_EN = (
    CHARITY,
    f"Helpline: {PHONE} (Monday to Thursday, 10am to 4pm)",
    f"Email: {HELPLINE_EMAIL}",
    "Website: [example.org](https://example.org)",
)

_MEMBERS_DAY_ACCESS_EN = (
    "The venue has **step-free access** from the car park, a lift to every floor and "
    "accessible toilets on each level. All talks have live *captions* and a "
    "**BSL interpreter**. A *quiet room* is open all day, with reclining chairs if you need "
    "to rest. Tell us about any other access needs when you reply."
)


def _leaflet_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LEAFLET, "Living with a rare connective tissue condition", "en", (
            b.heading(1, "Living with a rare connective tissue condition"),
            b.para(f"{CHARITY} is a UK community for people living with rare connective tissue "
                  "conditions, and for the families and friends who support them. We are run "
                  "by members, for members. *Whatever your diagnosis, and even if you are "
                  "still waiting for one, you are welcome here.*"),
            b.pictogram("people", "A small group of people standing together"),
            b.heading(2, "What are connective tissue conditions?"),
            b.para("Connective tissue holds the body together: it supports the skin, joints, "
                  "blood vessels and organs. When it is made differently, many parts of the "
                  "body can be affected at once. Many of these conditions are **rare**, so "
                  "it can take years to get a diagnosis and the right care."),
            b.para("People often tell us about:"),
            b.bullets(
                "joints that move further than usual, dislocate or ache",
                "skin that stretches, bruises or scars easily",
                "tiredness that rest does not fix",
                "problems with the heart, blood vessels, gut or eyes",
                "feeling that nobody around them has heard of their condition",
            ),
            b.para("Everyone is different. Having some of these does not mean you have a "
                  "connective tissue condition; your GP or specialist can tell you more."),
            b.heading(2, "How we can help"),
            b.heading(3, "Our helpline"),
            b.para("Our nurse adviser and trained volunteers answer calls and emails about "
                  "diagnosis, treatment, benefits, school and work. We cannot diagnose you, "
                  "but we can help you prepare for appointments and find specialist services "
                  "near you."),
            b.heading(3, "Peer support groups"),
            b.para("Monthly groups meet online and in eight towns and cities across the UK. "
                  "Some groups are for parents and carers, some for young people aged 16 to "
                  "25. Find your nearest group at "
                  "[example.org/groups](https://example.org/groups)."),
            b.heading(3, "Information you can trust"),
            b.para("Our factsheets are checked by specialists and by members with lived "
                  "experience. They are free, and you can order them in large print, "
                  "Easy Read, audio or braille."),
            b.table(
                ["Service", "How to reach it", "When"],
                ["Helpline", PHONE, "Monday to Thursday, 10am to 4pm"],
                ["Email advice", HELPLINE_EMAIL, "Reply within 3 working days"],
                ["Online support group", "Video call, link sent by email",
                 "First Tuesday of the month, 7pm"],
                ["Welfare benefits clinic", "Book through the helpline",
                 "Second Wednesday of the month"],
            ),
            b.heading(2, "Getting ready for an appointment"),
            b.steps(
                "Write down your three most important questions.",
                "Keep a short diary of symptoms for two weeks before you go.",
                "Take a list of your medicines and any letters from other doctors.",
                "Ask someone you trust to come with you and take notes.",
                "Before you leave, check who will contact you next, and when.",
            ),
            b.heading(2, "Join us"),
            b.para("Membership is **free**. Members receive our newsletter, invitations to "
                  "events and a say in how the charity is run. Join online or call the "
                  "helpline and we will sign you up."),
            b.qr("https://example.org/join", "Scan to join Rare Together Alliance"),
            b.event("Members' Day 2026", "Saturday 13 June 2026, 10.30am to 3.30pm",
                   "Community Hall, Example Road, Birmingham",
                   "Talks from specialists, workshops and time to meet others. "
                   + _MEMBERS_DAY_ACCESS_EN),
            b.contact(*_CONTACT_EN),
            b.formats_notice(),
        ),
        audience="People newly diagnosed, families and carers", channel="print", group="welcome-leaflet")


def _easy_read_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LEAFLET, "About Rare Together Alliance: Easy Read", "en", (
            b.heading(1, "About Rare Together Alliance"),
            b.pictogram("people", "A group of people together"),
            b.para("This leaflet is about a group called Rare Together Alliance.",
                  "information", "An information sign"),
            b.para("We help people with rare conditions of the joints and skin.",
                  "heart", "A heart"),
            b.para("We also help their families and friends.", "people", "A group of people"),
            b.heading(2, "What we do"),
            b.para("You can phone us for help. It costs the same as a local call.",
                  "phone", "A telephone"),
            b.para("Our nurse can answer questions about your health.",
                  "doctor", "A nurse"),
            b.para("We can help you get ready to see a doctor.",
                  "question", "A question mark"),
            b.para("You can meet other people at our groups.",
                  "talk", "Two people talking"),
            b.heading(2, "Meet us online"),
            b.para("We meet online on the first Tuesday of each month.",
                  "computer", "A computer"),
            b.para("The meeting starts at 7 in the evening.", "clock", "A clock"),
            b.heading(2, "How to contact us"),
            b.para(f"Phone {PHONE}.", "phone", "A telephone"),
            b.para(f"Email {HELPLINE_EMAIL}.", "email", "An email"),
            b.para("You can ask a friend or carer to help you.", "person", "A helper"),
            b.para("You can ask for this leaflet in a different way.",
                  "tick", "A tick"),
            b.bullets("Large print", "Audio", "Braille",
                     picture="large_print", picture_alt="Large letters on a page"),
            b.contact(CHARITY, f"Phone: {PHONE}", f"Email: {HELPLINE_EMAIL}"),
            b.formats_notice(),
        ),
        audience="People with learning disabilities and anyone who prefers Easy Read",
        channel="print", group="welcome-leaflet", easy_read=True)


def _poster_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.POSTER, "You are not alone", "en", (
            b.heading(1, "Living with a rare connective tissue condition? You are not alone."),
            b.pictogram("heart", "A heart"),
            b.para("**Free support, information and friendship from people who understand.**"),
            b.bullets("**Helpline** with our nurse adviser",
                     "**Peer support groups** online and near you",
                     "**Free factsheets** in accessible formats"),
            b.para(f"**Call {PHONE}** or visit **example.org**"),
            b.qr(f"{WEBSITE}/support", "Scan to find support near you"),
            b.formats_notice(),
        ),
        audience="Patients in clinic waiting rooms", channel="print", group="clinic-poster")


def _lay_summary_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LAY_SUMMARY, "Does gentle home exercise help joint pain? Study results", "en", (
            b.heading(1, "Does gentle home exercise help joint pain?"),
            b.para("This is a plain-language summary of the MOVE-well study. Thank you to the "
                  "112 members who took part. The full report is at "
                  "[example.org/move-well](https://example.org/move-well)."),
            b.heading(2, "Why was the study done?"),
            b.para("Many of our members live with joint pain every day. Physiotherapy can help, "
                  "but appointments are hard to get and often far away. We wanted to know if "
                  "a gentle exercise programme done *at home* could help as much."),
            b.heading(2, "Who took part?"),
            b.para("Adults aged 18 to 70 living with a connective tissue condition that affects "
                  "their joints. Everyone kept their usual treatment during the study."),
            b.heading(2, "What happened?"),
            b.steps(
                "People were put into one of two groups by chance, like tossing a coin.",
                "One group did 20 minutes of guided exercises, 5 days a week, with short "
                "videos and a phone call from a physiotherapist every 2 weeks.",
                "The other group carried on as usual and were offered the programme "
                "afterwards.",
                "After 12 weeks, everyone answered the same questions about pain, "
                "tiredness and daily life.",
            ),
            b.heading(2, "What did the study find?"),
            b.para("Pain was scored from 0 (no pain) to 10 (worst pain imaginable). A "
                  "**lower** score is better."),
            b.table(
                ["What we measured", "Home exercise group", "Usual care group"],
                ["People who finished", "52 of 56", "50 of 56"],
                ["Average pain score at the start", "6.4", "6.3"],
                ["Average pain score after 12 weeks", "5.1", "6.0"],
                ["Said daily tasks were easier", "6 in 10 people", "3 in 10 people"],
                ["Had an injury from exercise", "2 people (minor)", "Not applicable"],
            ),
            b.para("On average, pain went down **a little more** in the home exercise group. "
                  "The difference is small but is the size many people notice in daily "
                  "life. Tiredness did not change much in either group."),
            b.heading(2, "What does this mean for me?"),
            b.para("Gentle, regular exercise at home may help some people with joint pain. It "
                  "is not a cure, and it may not suit everyone. *Please talk to your "
                  "physiotherapist or doctor before you start a new exercise programme.*"),
            b.heading(2, "What happens next?"),
            b.para("The research team is making the videos free for everyone, and a larger "
                  "study will start next year. We will tell members how to take part."),
            b.contact(CHARITY, "Research team: research@example.org", f"Helpline: {PHONE}"),
            b.formats_notice(),
        ),
        audience="Members and study participants", channel="print", group="move-well-summary")


def _newsletter_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.NEWSLETTER, "Together: spring newsletter", "en", (
            b.heading(1, "Together: our spring newsletter"),
            b.para("Welcome to the spring edition. This season we have news about our "
                  "Members' Day, a new helpline evening and the results of the MOVE-well "
                  "study. As always, *this newsletter is written with members, for members.*"),
            b.para("Croeso cynnes i bob aelod newydd yng Nghymru – diolch am ymuno â ni!",
                  language="cy"),
            b.heading(2, "Members' Day is back"),
            b.para("Our Members' Day returns to Birmingham in June. Come for the talks, stay "
                  "for the cake and the company. Bursaries for travel are available: ask the "
                  "helpline."),
            b.event("Members' Day 2026", "Saturday 13 June 2026, 10.30am to 3.30pm",
                   "Community Hall, Example Road, Birmingham",
                   "Free for members and one companion. " + _MEMBERS_DAY_ACCESS_EN),
            b.heading(2, "Helpline news"),
            b.para("From April, the helpline is also open on **Wednesday evenings from 6pm "
                  "to 8pm**, for members who work or study in the day. Our nurse adviser "
                  "will be on the line."),
            b.heading(2, "Research round-up"),
            b.para("The MOVE-well study found that gentle home exercise helped joint pain a "
                  "little for many who took part. Read the plain-language summary at "
                  "[example.org/move-well](https://example.org/move-well)."),
            b.heading(2, "Your stories"),
            b.para("A parent in our Yorkshire group writes: “The first meeting was the first "
                  "time nobody needed me to explain. My daughter met another teenager who "
                  "just *got it*.” Share your story with us at stories@example.org."),
            b.heading(2, "Fundraising"),
            b.bullets(
                "Thank you to the 40 members who walked 10,000 steps a day in March.",
                "Our quiz night raised enough to run the helpline for two weeks.",
                "Thinking of a challenge? Our fundraising pack has ideas for every energy "
                "level.",
            ),
            b.heading(2, "Dates for your diary"),
            b.table(
                ["Date", "What", "Where"],
                ["Tuesday 7 April", "Online support group", "Video call"],
                ["Wednesday 13 May", "Welfare benefits clinic", "By phone"],
                ["Saturday 13 June", "Members' Day", "Birmingham"],
            ),
            b.contact(*_CONTACT_EN),
            b.formats_notice(),
        ),
        audience="All members", channel="email", group="spring-newsletter")


def _invitation_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.INVITATION, "Invitation to Members' Day 2026", "en", (
            b.heading(1, "You're invited to Members' Day 2026"),
            b.para("Dear {{first_name}},"),
            b.para("We would love you to join us for our Members' Day: a day of talks, "
                  "workshops and time to meet others who understand life with a rare "
                  "connective tissue condition. It is free for members and one companion."),
            b.event("Members' Day 2026", "Saturday 13 June 2026, 10.30am to 3.30pm",
                   "Community Hall, Example Road, Birmingham",
                   "Talks from a specialist rheumatologist and our nurse adviser, a "
                   "workshop on managing fatigue, and lunch. " + _MEMBERS_DAY_ACCESS_EN),
            b.heading(2, "The day at a glance"),
            b.table(
                ["Time", "What is happening"],
                ["10.30am", "Arrival, tea and coffee"],
                ["11am", "Welcome and research news"],
                ["12.30pm", "Lunch (tell us about any dietary needs)"],
                ["1.30pm", "Workshops: fatigue, pain, or talking to your employer"],
                ["3pm", "Questions to the panel"],
            ),
            b.heading(2, "How to reply"),
            b.para("Please reply by **Friday 22 May**, online at "
                  "[example.org/members-day](https://example.org/members-day), by email to "
                  f"events@example.org, or by calling {PHONE}. Travel bursaries are available "
                  "if cost would stop you coming."),
            b.qr("https://example.org/members-day", "Scan to reply online"),
            b.para("We hope to see you there, {{first_name}}."),
            b.contact(CHARITY, "Events team: events@example.org", f"Phone: {PHONE}"),
            b.formats_notice(),
        ),
        audience="Members", channel="post", group="members-day")


def _letter_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LETTER, "Welcome letter for new members", "en", (
            b.address(),
            b.para("{{date}}"),
            b.para("{{salutation}},"),
            b.para(f"Thank you for joining {CHARITY}. We are so glad you found us, and we "
                  "hope you will soon feel part of our community."),
            b.para("With this letter you will find our welcome pack: a guide to living with a "
                  "rare connective tissue condition, your membership card and details of "
                  "peer support groups near you."),
            b.para("Whenever you have a question, our helpline is here for you on "
                  f"{PHONE}, Monday to Thursday from 10am to 4pm. Our nurse adviser can also "
                  f"reply by email at {HELPLINE_EMAIL}."),
            b.para("We would like to send you information in the way that suits you best. "
                  "If you would prefer large print, Easy Read, audio or email, just let us "
                  "know and we will update your record, {{first_name}}."),
            b.para("With warm wishes,"),
            b.para(f"The membership team, {CHARITY}"),
            b.formats_notice(),
        ),
        audience="New members", channel="post", group="welcome-letter")


def _labels_en() -> OutreachItem:
    return OutreachItem(
        ItemKind.LABELS, "Address labels: spring newsletter mailing", "en", (
            b.para(f"If undelivered, please return to {CHARITY}, Freepost RARE TOGETHER."),
        ),
        audience="Members who receive post", channel="post", group="return-labels")


def sample_items() -> list[OutreachItem]:
    """Every kind of outreach item in English, and the main ones again in French."""
    from advocate_app.services.demo_outreach_fr import french_items

    return [
        _leaflet_en(), _easy_read_en(), _poster_en(), _lay_summary_en(), _newsletter_en(),
        _invitation_en(), _letter_en(), _labels_en(), *french_items(),
    ]
