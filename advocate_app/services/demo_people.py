"""Invented but plausible people for the sample community: names from many cultures and scripts,
and the places they live.

A culture gives given and family names (written natively, with a plain ASCII romanisation for
e-mail addresses) and the countries its people live in, with their language and how often their
name is written in its own script there. A country gives phone and postcode formats, street
names, towns and the way an address is written. Names are combined at random, so no entry
describes a real person.

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


def _words(text: str) -> list[str]:
    return [word.replace("_", " ") for word in text.split()]


def _names(text: str) -> tuple[Name, ...]:
    names = []
    for word in _words(text):
        native, _sep, latin = word.partition("=")
        names.append(Name(native, latin or plain(native)))
    return tuple(names)


def _families(text: str) -> tuple[Family, ...]:
    families = []
    for word in _words(text):
        native, _sep, latin = word.partition("=")
        male_native, _sep, female_native = native.partition("/")
        male_latin, _sep, female_latin = latin.partition("/")
        male = Name(male_native, male_latin or plain(male_native))
        female_native = female_native or male_native
        female = Name(female_native, female_latin or (
            male.latin if female_native == male_native else plain(female_native)))
        families.append(Family(male, female))
    return tuple(families)


def _homes(*homes: tuple[str, float, str, float]) -> tuple[Home, ...]:
    return tuple(Home(country, weight, tuple(languages.split()), native)
                 for country, weight, languages, native in homes)


def _places(text: str) -> tuple[Place, ...]:
    places = []
    for word in _words(text):
        town, postcode, region = (word.split(":") + ["", ""])[:3]
        places.append(Place(town, postcode, region))
    return tuple(places)


def _country(key: str, phones: str, postcode: str, addresses: tuple[str, ...], streets: str,
             places: str) -> Country:
    return Country(key, key[:2], tuple(_words(phones)), postcode.replace("_", " "), addresses,
                   tuple(_words(streets)), _places(places))


NUMBER_FIRST = ("{n} {street}\n{town}",)
NUMBER_LAST = ("{street} {n}\n{town}",)

_COUNTRY_LIST = (
    _country("GB", "+44_7###_######", "", (
        "{n} {street}\n{town}", "{n} {street}\n{town}", "Flat {m}, {n} {street}\n{town}"),
        "High_Street Station_Road Church_Lane Mill_Lane Park_Avenue Victoria_Road Queen_Street "
        "King's_Road Manor_Road London_Road The_Crescent Orchard_Close Meadow_Way Beech_Grove "
        "Albert_Road Windsor_Avenue Springfield_Road North_Street Castle_Street Grange_Road",
        "London:N#_#@@:London London:SE##_#@@:London London:E#_#@@:London "
        "London:SW##_#@@:London Croydon:CR#_#@@:London "
        "Leeds:LS#_#@@:Yorkshire_and_the_Humber Sheffield:S##_#@@:Yorkshire_and_the_Humber "
        "York:YO##_#@@:Yorkshire_and_the_Humber Hull:HU#_#@@:Yorkshire_and_the_Humber "
        "Manchester:M##_#@@:North_West Liverpool:L##_#@@:North_West "
        "Preston:PR#_#@@:North_West Lancaster:LA#_#@@:North_West "
        "Newcastle_upon_Tyne:NE#_#@@:North_East Sunderland:SR#_#@@:North_East "
        "Durham:DH#_#@@:North_East Birmingham:B##_#@@:West_Midlands "
        "Coventry:CV#_#@@:West_Midlands Stoke-on-Trent:ST#_#@@:West_Midlands "
        "Nottingham:NG#_#@@:East_Midlands Leicester:LE#_#@@:East_Midlands "
        "Derby:DE##_#@@:East_Midlands Norwich:NR#_#@@:East_of_England "
        "Cambridge:CB#_#@@:East_of_England Ipswich:IP#_#@@:East_of_England "
        "Brighton:BN#_#@@:South_East Oxford:OX#_#@@:South_East Reading:RG#_#@@:South_East "
        "Canterbury:CT#_#@@:South_East Southampton:SO##_#@@:South_East "
        "Bristol:BS#_#@@:South_West Exeter:EX#_#@@:South_West Plymouth:PL#_#@@:South_West "
        "Bath:BA#_#@@:South_West Cardiff:CF##_#@@:Wales Swansea:SA#_#@@:Wales "
        "Newport:NP##_#@@:Wales Wrexham:LL##_#@@:Wales Glasgow:G##_#@@:Scotland "
        "Edinburgh:EH#_#@@:Scotland Aberdeen:AB##_#@@:Scotland Dundee:DD#_#@@:Scotland "
        "Inverness:IV#_#@@:Scotland Belfast:BT#_#@@:Northern_Ireland "
        "Newry:BT##_#@@:Northern_Ireland"),
    _country("IE", "+353_8#_###_####", "", NUMBER_FIRST,
             "Main_Street O'Connell_Street Patrick_Street Church_Road Mill_Road Shop_Street "
             "Abbey_Street Greenmount_Avenue Strand_Road",
             "Dublin:D0#_@@##:Leinster Dublin:D1#_@@##:Leinster Cork:T12_@@##:Munster "
             "Cork:T23_@@##:Munster Galway:H91_@@##:Connacht Limerick:V94_@@##:Munster "
             "Waterford:X91_@@##:Munster Kilkenny:R95_@@##:Leinster Sligo:F91_@@##:Connacht "
             "Letterkenny:F92_@@##:Ulster Athlone:N37_@@##:Leinster"),
    _country("US", "+1_%##_%##_####", "", NUMBER_FIRST,
             "Maple_Street Oak_Avenue Cedar_Drive Elm_Street Pine_Road Washington_Avenue "
             "Lakeview_Drive",
             "Portland,_OR:972## Madison,_WI:537## Albany,_NY:122## Denver,_CO:802## "
             "Austin,_TX:787## Columbus,_OH:432## Raleigh,_NC:276## Boston,_MA:021##"),
    _country("CA-en", "+1_%##_%##_####", "", NUMBER_FIRST,
             "King_Street Queen_Street Bay_Street Elgin_Street Maple_Avenue Main_Street",
             "Toronto,_ON:M#@_#@# Ottawa,_ON:K#@_#@# Vancouver,_BC:V#@_#@# "
             "Calgary,_AB:T#@_#@# Halifax,_NS:B#@_#@#"),
    _country("CA-fr", "+1_%##_%##_####", "", ("{n}, {street}\n{town}",),
             "rue_Saint-Denis rue_Sherbrooke boulevard_René-Lévesque rue_Principale "
             "chemin_du_Roy",
             "Montréal_(Québec):H#@_#@# Québec_(Québec):G#@_#@# Sherbrooke_(Québec):J#@_#@# "
             "Gatineau_(Québec):J#@_#@#"),
    _country("AU", "+61_4##_###_###", "", NUMBER_FIRST,
             "George_Street Beach_Road Wattle_Street Church_Street Park_Parade",
             "Sydney_NSW:20## Melbourne_VIC:30## Brisbane_QLD:40## Adelaide_SA:50## "
             "Perth_WA:60## Hobart_TAS:70##"),
    _country("NZ", "+64_2#_###_####", "", NUMBER_FIRST,
             "Queen_Street Cuba_Street Victoria_Street Kowhai_Road",
             "Auckland:10## Wellington:60## Christchurch:80## Dunedin:90##"),
    _country("FR", "+33_6_##_##_##_## +33_7_##_##_##_##", "", NUMBER_FIRST,
             "rue_de_la_République avenue_Jean-Jaurès rue_Victor-Hugo place_de_l'Église "
             "rue_des_Lilas boulevard_Gambetta rue_Pasteur allée_des_Tilleuls "
             "chemin_des_Vignes rue_du_Moulin",
             "Paris:750## Lyon:690## Nantes:440## Rennes:350## Lille:590## Bordeaux:330## "
             "Toulouse:310## Marseille:130## Strasbourg:670## Montpellier:340## "
             "Grenoble:380##"),
    _country("BE-fr", "+32_4##_##_##_##", "", NUMBER_LAST,
             "rue_de_la_Station rue_Haute chaussée_de_Louvain rue_du_Marché avenue_Louise",
             "Bruxelles:10## Liège:40## Namur:50## Charleroi:60## Mons:70##"),
    _country("BE-nl", "+32_4##_##_##_##", "", NUMBER_LAST,
             "Kerkstraat Stationsstraat Molenstraat Nieuwstraat Dorpstraat",
             "Gent:90## Antwerpen:20## Leuven:30## Brugge:80## Hasselt:35##"),
    _country("CH-fr", "+41_7#_###_##_##", "", NUMBER_LAST,
             "rue_du_Rhône avenue_de_la_Gare chemin_des_Vignes rue_du_Lac",
             "Genève:12## Lausanne:10## Fribourg:17## Neuchâtel:20##"),
    _country("CH-de", "+41_7#_###_##_##", "", NUMBER_LAST,
             "Bahnhofstrasse Dorfstrasse Seestrasse Hauptgasse Kirchweg",
             "Zürich:80## Basel:40## Bern:30## Luzern:60## St._Gallen:90##"),
    _country("CH-it", "+41_7#_###_##_##", "", NUMBER_LAST,
             "Via_Nassa Via_Cantonale Corso_Pestalozzi Via_San_Gottardo",
             "Lugano:69## Bellinzona:65## Locarno:66##"),
    _country("LU", "+352_6##_###_###", "L-####", ("{n}, {street}\n{town}",),
             "rue_de_Hollerich Grand-Rue route_d'Arlon rue_de_la_Gare",
             "Luxembourg Esch-sur-Alzette Differdange"),
    _country("ES", "+34_6##_##_##_## +34_7##_##_##_##", "", (
        "{street}, {n}\n{town}", "{street}, {n}, {c}º\n{town}"),
        "Calle_Mayor Avenida_de_la_Constitución Calle_del_Sol Calle_Real Plaza_de_España "
        "Calle_de_Alcalá Avenida_de_América Calle_San_Juan",
        "Madrid:28### Barcelona:08### Sevilla:41### Valencia:46### Zaragoza:50### "
        "Málaga:29### Bilbao:48### Granada:18### Valladolid:47### A_Coruña:15###"),
    _country("MX", "+52_55_####_#### +52_33_####_####", "", NUMBER_LAST,
             "Avenida_Juárez Calle_Hidalgo Calle_Morelos Avenida_Reforma Calle_Allende",
             "Ciudad_de_México:0#### Oaxaca:68### Puebla:72### Guadalajara:44### "
             "Monterrey:64###"),
    _country("AR", "+54_9_%##_###-####", "", NUMBER_LAST,
             "Avenida_San_Martín Calle_Belgrano Avenida_Rivadavia Calle_Sarmiento",
             "Buenos_Aires:C14##@@@ Rosario:S20##@@@ Córdoba:X50##@@@ Mendoza:M55##@@@"),
    _country("CO", "+57_3##_###_####", "", ("{street} # {n}-{u}\n{town}",),
             "Calle_45 Carrera_7 Avenida_68 Calle_100 Carrera_15 Calle_10",
             "Bogotá:11#### Medellín:05#### Cali:76#### Barranquilla:08####"),
    _country("CL", "+56_9_####_####", "", NUMBER_LAST,
             "Avenida_Providencia Calle_Los_Aromos Avenida_Brasil Calle_Esmeralda",
             "Santiago:83##### Valparaíso:23##### Concepción:40#####"),
    _country("PT", "+351_9##_###_###", "", (
        "{street}, {n}\n{town}", "{street}, {n}, {c}.º\n{town}"),
        "Rua_das_Flores Avenida_da_Liberdade Rua_Augusta Rua_de_Santa_Catarina "
        "Travessa_do_Carmo Rua_do_Almada",
        "Lisboa:11##-### Porto:40##-### Coimbra:30##-### Braga:47##-### Faro:80##-### "
        "Aveiro:38##-###"),
    _country("BR", "+55_%#_9####-####", "", ("{street}, {n}\n{town}",),
             "Rua_das_Palmeiras Avenida_Paulista Rua_Sete_de_Setembro Avenida_Brasil "
             "Rua_XV_de_Novembro",
             "São_Paulo:01###-### Rio_de_Janeiro:20###-### Recife:50###-### "
             "Curitiba:80###-### Belo_Horizonte:30###-### Porto_Alegre:90###-### "
             "Salvador:40###-###"),
    _country("DE", "+49_15#_####### +49_17#_#######", "", NUMBER_LAST,
             "Hauptstraße Bahnhofstraße Gartenweg Schulstraße Lindenallee Goethestraße "
             "Kirchplatz Am_Markt Waldstraße Rosenweg Bergstraße",
             "Berlin:10### Hamburg:22### München:80### Köln:50### Leipzig:04### Bremen:28### "
             "Frankfurt_am_Main:60### Stuttgart:70### Dresden:01### Hannover:30### "
             "Freiburg_im_Breisgau:79### Münster:48### Nürnberg:90###"),
    _country("AT", "+43_66#_#######", "", NUMBER_LAST,
             "Hauptplatz Herrengasse Mariahilfer_Straße Landstraße Kirchengasse",
             "Wien:1### Graz:80## Linz:40## Salzburg:50## Innsbruck:60##"),
    _country("PL", "+48_5##_###_### +48_6##_###_### +48_7##_###_###", "", (
        "{street} {n}\n{town}", "{street} {n}/{m}\n{town}"),
        "ul._Długa ul._Lipowa ul._Ogrodowa ul._Polna ul._Kościuszki ul._Mickiewicza "
        "ul._Słoneczna ul._Sienkiewicza",
        "Warszawa:0#-### Kraków:3#-### Łódź:9#-### Wrocław:5#-### Gdańsk:80-### "
        "Poznań:6#-### Lublin:20-###"),
    _country("IT", "+39_3##_###_####", "", ("{street} {n}\n{town}", "{street}, {n}\n{town}"),
             "Via_Roma Via_Garibaldi Corso_Italia Via_Mazzini Piazza_Dante Via_Verdi "
             "Viale_dei_Mille",
             "Roma:001## Milano:201## Torino:101## Bologna:401## Firenze:501## Napoli:801## "
             "Palermo:901## Bari:701## Genova:161## Verona:371##"),
    _country("NL", "+31_6_########", "", NUMBER_LAST,
             "Kerkstraat Dorpsstraat Stationsweg Molenweg Schoolstraat Julianalaan "
             "Beatrixstraat",
             "Amsterdam:10##_@@ Utrecht:35##_@@ Rotterdam:30##_@@ Groningen:97##_@@ "
             "Eindhoven:56##_@@ Leiden:23##_@@ Den_Haag:25##_@@"),
    _country("GR", "+30_69#_###_####", "", NUMBER_LAST,
             "Ερμού Αθηνάς Εγνατίας Τσιμισκή Λεωφόρος_Κηφισίας Πανεπιστημίου "
             "Αγίου_Δημητρίου Μητροπόλεως",
             "Αθήνα:1##_## Θεσσαλονίκη:54#_## Πάτρα:26#_## Ηράκλειο:71#_## Λάρισα:41#_## "
             "Βόλος:38#_##"),
    _country("CY", "+357_9#_######", "", NUMBER_LAST,
             "Λήδρας Ανεξαρτησίας Αγίου_Ανδρέα Αρχιεπισκόπου_Μακαρίου",
             "Λευκωσία:1### Λεμεσός:3### Λάρνακα:6### Πάφος:8###"),
    _country("RU", "+7_9##_###-##-##", "", (
        "{street}, д. {n}\n{town}", "{street}, д. {n}, кв. {m}\n{town}"),
        "ул._Ленина ул._Садовая ул._Гагарина пр._Мира ул._Пушкина ул._Советская "
        "ул._Набережная",
        "Москва:1##### Санкт-Петербург:19#### Казань:420### Самара:443### "
        "Новосибирск:630### Екатеринбург:620###"),
    _country("LV", "+371_2###_####", "", NUMBER_LAST,
             "Brīvības_iela Elizabetes_iela Krišjāņa_Barona_iela Lāčplēša_iela",
             "Rīga:LV-10## Daugavpils:LV-54## Jelgava:LV-30##"),
    _country("EE", "+372_5###_####", "", NUMBER_LAST,
             "Narva_maantee Tartu_maantee Pärnu_maantee Rüütli_tänav",
             "Tallinn:1#### Tartu:5#### Narva:20###"),
    _country("UA", "+380_6#_###_#### +380_9#_###_####", "", (
        "{street}, {n}\n{town}", "{street}, {n}, кв. {m}\n{town}"),
        "вул._Шевченка вул._Франка вул._Грушевського просп._Свободи вул._Садова",
        "Київ:0#### Львів:79### Одеса:65### Харків:61### Дніпро:49### Вінниця:21###"),
    _country("EG", "+20_1#_####_####", "", NUMBER_FIRST,
             "شارع_النيل شارع_الجامعة شارع_التحرير شارع_الهرم شارع_رمسيس",
             "القاهرة:11### الإسكندرية:21### الجيزة:12###"),
    _country("JO", "+962_7#_###_####", "", NUMBER_FIRST,
             "شارع_مكة شارع_الجامعة شارع_الجاردنز شارع_الأمير_محمد",
             "عمّان:11### إربد:21### الزرقاء:13###"),
    _country("LB", "+961_7#_###_###", "", NUMBER_FIRST,
             "شارع_الحمرا شارع_بلس شارع_مار_الياس شارع_الجميزة",
             "بيروت طرابلس صيدا"),
    _country("MA", "+212_6##_##_##_##", "", NUMBER_FIRST,
             "شارع_محمد_الخامس شارع_الحسن_الثاني شارع_ابن_سينا شارع_الزرقطوني",
             "الرباط:10### الدار_البيضاء:20### فاس:30### مراكش:40###"),
    _country("AE", "+971_5#_###_####", "", NUMBER_FIRST,
             "شارع_الشيخ_زايد شارع_الكورنيش شارع_الوصل",
             "دبي أبوظبي الشارقة"),
    _country("IL", "+972_5#-###-####", "", NUMBER_LAST,
             "הרצל שדרות_רוטשילד בן_יהודה אלנבי הנביאים דרך_העצמאות",
             "ירושלים:9###### תל_אביב:6###### חיפה:3###### באר_שבע:84#####"),
    _country("IR", "+98_91#_###_####", "", ("{town}، {street}، پلاک {n}",),
             "خیابان_آزادی خیابان_ولیعصر خیابان_انقلاب بلوار_کشاورز",
             "تهران:1####-##### اصفهان:8####-##### شیراز:7####-##### تبریز:5####-##### "
             "مشهد:9####-#####"),
    _country("TR", "+90_5##_###_##_##", "", (
        "{street} No: {n}\n{town}", "{street} No: {n} Daire: {m}\n{town}"),
        "Atatürk_Caddesi Cumhuriyet_Caddesi İnönü_Sokak Gül_Sokak Bahçe_Sokak Lale_Sokak",
        "İstanbul:34### Ankara:06### İzmir:35### Bursa:16### Antalya:07### Eskişehir:26### "
        "Trabzon:61###"),
    _country("IN-hi", "+91_9####_##### +91_8####_##### +91_7####_#####", "",
             ("{n}, {street}\n{town}",),
             "MG_Road Station_Road Gandhi_Nagar Nehru_Marg Park_Street Civil_Lines",
             "Delhi:110### Pune:411### Jaipur:302### Lucknow:226### Bhopal:462### "
             "Varanasi:221### Patna:800###"),
    _country("IN-ta", "+91_9####_##### +91_8####_#####", "", ("{n}, {street}\n{town}",),
             "Anna_Salai Temple_Street Gandhi_Road Nehru_Street Kamarajar_Salai",
             "Chennai:600### Madurai:625### Coimbatore:641### Tiruchirappalli:620### "
             "Salem:636###"),
    _country("LK", "+94_7#_###_####", "", NUMBER_FIRST,
             "Galle_Road Hospital_Road Temple_Road KKS_Road Stanley_Road",
             "Colombo:00### Jaffna:40### Kandy:20### Trincomalee:31### Batticaloa:30###"),
    _country("SG", "+65_9###_#### +65_8###_####", "######",
             ("Blk {n} {street}, #{c:02d}-{u:02d}\n{town}",),
             "Ang_Mo_Kio_Avenue_3 Tampines_Street_21 Jurong_West_Street_42 Toa_Payoh_Lorong_1 "
             "Bedok_North_Road",
             "Singapore"),
    _country("CN", "+86_13#_####_#### +86_15#_####_#### +86_18#_####_####", "",
             ("{town}{street}{n}号", "{town}{street}{n}号{c}单元{u}室"),
             "人民路 中山路 解放路 建设路 长江路 和平街 东风路",
             "上海市:200### 北京市:100### 成都市:610### 杭州市:310### 广州市:510### "
             "南京市:210### 武汉市:430### 西安市:710###"),
    _country("JP", "+81_90-####-#### +81_80-####-####", "", ("{town}{street}{c}丁目{n}-{u}",),
             "中央区桜町 北区本町 東区栄町 南区緑町 西区旭町",
             "京都市:60#-#### 札幌市:06#-#### 福岡市:81#-#### 横浜市:22#-#### "
             "大阪市:53#-#### 名古屋市:45#-#### 仙台市:98#-####"),
    _country("KR", "+82_10-####-####", "", ("{town} {street} {n}",),
             "세종대로 테헤란로 중앙로 해운대로 동성로 한강대로 올림픽로",
             "서울:0#### 부산:4#### 대구:4#### 인천:2#### 광주:6#### 대전:3####"),
    _country("VN", "+84_9#_###_##_## +84_3#_###_##_##", "", NUMBER_FIRST,
             "Đường_Lê_Lợi Phố_Huế Đường_Trần_Hưng_Đạo Đường_Nguyễn_Huệ Phố_Hàng_Bạc "
             "Đường_Hai_Bà_Trưng",
             "Hà_Nội:10#### TP._Hồ_Chí_Minh:70#### Đà_Nẵng:55#### Huế:53#### "
             "Hải_Phòng:18####"),
    _country("NG-yo", "+234_80#_###_#### +234_70#_###_#### +234_81#_###_####", "",
             NUMBER_FIRST,
             "Allen_Avenue Broad_Street Awolowo_Road Adeola_Odeku_Street Ring_Road",
             "Lagos:10#### Ibadan:20#### Abeokuta:11#### Osogbo:23####"),
    _country("NG-ig", "+234_80#_###_#### +234_70#_###_#### +234_81#_###_####", "",
             NUMBER_FIRST,
             "Ogui_Road Zik_Avenue New_Market_Road Aba_Road Okpara_Avenue",
             "Enugu:40#### Onitsha:43#### Owerri:46#### Port_Harcourt:50####"),
    _country("KE", "+254_7##_######", "", NUMBER_FIRST,
             "Moi_Avenue Kenyatta_Avenue Ngong_Road Biashara_Street Oginga_Odinga_Road",
             "Nairobi:00### Mombasa:80### Kisumu:40### Nakuru:20### Eldoret:30###"),
    _country("TZ", "+255_7##_###_###", "", NUMBER_LAST,
             "Barabara_ya_Uhuru Mtaa_wa_Samora Barabara_ya_Bagamoyo Mtaa_wa_Jamhuri",
             "Dar_es_Salaam:1#### Arusha:23### Dodoma:41### Mwanza:33###"),
    _country("DK", "+45_2#_##_##_## +45_4#_##_##_## +45_5#_##_##_##", "", (
        "{street} {n}\n{town}", "{street} {n}, {c}. tv.\n{town}"),
        "Nørregade Vestergade Søndergade Østergade Kongensgade Strandvejen Skolevej "
        "Æblehaven",
        "København:1### Aarhus:8### Odense:5### Aalborg:9### Esbjerg:67##"),
    _country("NO", "+47_4##_##_### +47_9##_##_###", "", NUMBER_LAST,
             "Kongens_gate Storgata Kirkegata Strandgata Bakkeveien Skogveien",
             "Oslo:0### Bergen:50## Trondheim:70## Stavanger:40## Tromsø:90##"),
    _country("SE", "+46_7#-###_##_##", "", NUMBER_LAST,
             "Storgatan Kyrkogatan Drottninggatan Skolgatan Ringvägen Sjövägen",
             "Stockholm:11#_## Göteborg:41#_## Malmö:21#_## Uppsala:75#_## Umeå:90#_## "
             "Lund:22#_##"),
)

COUNTRIES = {country.key: country for country in _COUNTRY_LIST}

CULTURES = (
    Culture(
        "en", 38,
        _names("Amelia Olivia Isla Ava Mia Grace Ruby Emily Sophie Chloe Lucy Megan Hannah "
               "Charlotte Evie Poppy Freya Daisy Alice Florence Rosie Phoebe Imogen Eleanor "
               "Harriet Jessica Lauren Bethany Abigail Rebecca Katherine Elizabeth Margaret "
               "Susan Helen Claire Joanne Nicola Gillian Patricia Janet Maureen Siân Ffion "
               "Cerys Eilidh Iona Morag Kirsty Shona"),
        _names("Oliver George Harry Jack Charlie Thomas James William Daniel Samuel Joseph "
               "Oscar Alfie Archie Henry Leo Theo Arthur Freddie Edward Finley Lewis Matthew "
               "Benjamin Christopher Jonathan Andrew Richard Robert Stephen Paul Mark Ian "
               "Gareth Graham Kevin Trevor Rhys Dafydd Owain Callum Hamish Fraser Ewan Angus"),
        _families("Smith Jones Taylor Brown Williams Wilson Davies Robinson Wright Thompson "
                  "Evans Walker White Roberts Green Hall Wood Clarke Hughes Price Griffiths "
                  "Lewis Morgan Edwards Turner Hill Moore Cooper Ward Morris King Watson "
                  "Harrison Baker Parker Bennett Shaw Holmes Ellis Fletcher Bradley Marsh "
                  "Chapman Lloyd Pritchard Rees Llewellyn MacDonald Campbell Stewart Robertson "
                  "Fraser MacLeod Henderson Paterson Sinclair McKenzie Murray Ross"),
        _homes(("GB", 86, "en", 1), ("US", 4, "en", 1), ("CA-en", 3, "en", 1),
               ("AU", 3, "en", 1), ("NZ", 1, "en", 1), ("IE", 3, "en", 1))),
    Culture(
        "ga", 4,
        _names("Aoife Niamh Saoirse Caoimhe Siobhán Róisín Orla Mairéad Clodagh Gráinne Áine "
               "Sinéad Ciara Deirdre"),
        _names("Ciarán Seán Oisín Darragh Cian Eoin Pádraig Cathal Tadhg Fionn Ruairí Colm "
               "Donal Diarmuid"),
        _families("Murphy Kelly O'Brien Byrne Ryan O'Sullivan Walsh O'Connor McCarthy Doyle "
                  "Gallagher Quinn Nolan Brennan Fitzgerald Kavanagh Ó_Súilleabháin "
                  "Mac_Giolla_Phádraig"),
        _homes(("IE", 75, "en en ga", 1), ("GB", 25, "en", 1))),
    Culture(
        "fr", 9,
        _names("Camille Léa Chloé Manon Inès Zoé Élodie Maëlle Noémie Hélène Agathe Juliette "
               "Céline Amélie Margaux Anaïs Océane Claire Sylvie Nathalie"),
        _names("Louis Gabriel Raphaël Arthur Hugo Jules Théo François Benoît Mathieu Julien "
               "Antoine Guillaume Étienne Baptiste Loïc Yannick Cédric Hervé Jean-Baptiste"),
        _families("Martin Bernard Dubois Thomas Robert Petit Durand Leroy Moreau Lefèvre "
                  "Girard Bonnet Lambert Fontaine Rousseau Vincent Mercier Faure Laurent "
                  "Garnier Chevalier Roux Fournier Morel Gauthier Perrin Tremblay Gagnon"),
        _homes(("FR", 72, "fr", 1), ("BE-fr", 10, "fr", 1), ("CH-fr", 6, "fr", 1),
               ("CA-fr", 6, "fr", 1), ("LU", 2, "fr de", 1), ("GB", 4, "fr en", 1))),
    Culture(
        "es", 7,
        _names("Lucía Sofía Martina María Paula Valentina Camila Ximena Carmen Isabel Elena "
               "Rocío Pilar Marta Alba Daniela Catalina"),
        _names("Hugo Mateo Martín Lucas Álvaro Santiago Sebastián Alejandro Pablo Diego "
               "Javier Manuel Jorge Andrés Joaquín Tomás Ignacio"),
        _families("García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez "
                  "Núñez Muñoz Jiménez Ruiz Hernández Díaz Moreno Álvarez Romero Navarro "
                  "Torres Domínguez Vázquez Castro Ortega Rubio Molina Delgado"),
        _homes(("ES", 50, "es", 1), ("MX", 15, "es", 1), ("AR", 8, "es", 1),
               ("CO", 10, "es", 1), ("CL", 5, "es", 1), ("GB", 7, "es en", 1),
               ("US", 5, "es en", 1)),
        double_family=0.6),
    Culture(
        "pt", 4,
        _names("Maria Ana Beatriz Inês Leonor Luíza Mariana Carolina Matilde Joana Fernanda "
               "Gabriela Larissa"),
        _names("João Pedro Tiago Gonçalo Francisco Duarte Rodrigo Lucas Gustavo Felipe "
               "Vinícius André"),
        _families("Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa "
                  "Gonçalves Almeida Carvalho Lopes Ribeiro Fernandes Araújo Barbosa Cardoso"),
        _homes(("PT", 45, "pt", 1), ("BR", 40, "pt", 1), ("GB", 10, "pt en", 1),
               ("FR", 5, "pt fr", 1)),
        double_family=0.4),
    Culture(
        "de", 7,
        _names("Emma Mia Hannah Anja Käthe Sabine Petra Ursula Katrin Jana Lea Marie Johanna "
               "Greta Frieda Annika Birgit"),
        _names("Lukas Leon Finn Jonas Jürgen Sören Jörg Stefan Matthias Tobias Florian "
               "Maximilian Felix Niklas Uwe Klaus Dieter Wolfgang"),
        _families("Müller=Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker "
                  "Schäfer=Schaefer Koch Groß=Gross Krüger=Krueger Hoffmann Schulz Richter "
                  "Klein Wolf Neumann Schwarz Zimmermann Braun Hartmann Lange Schmitz Krause "
                  "Huber Gruber Steiner Keller"),
        _homes(("DE", 66, "de", 1), ("AT", 15, "de", 1), ("CH-de", 12, "de", 1),
               ("GB", 5, "de en", 1), ("LU", 2, "de fr", 1))),
    Culture(
        "pl", 4,
        _names("Zofia Zuzanna Hanna Łucja Małgorzata Agnieszka Katarzyna Magdalena "
               "Aleksandra Joanna Ewa Barbara Wiktoria"),
        _names("Jakub Antoni Szymon Wojciech Bartłomiej Krzysztof Tomasz Paweł Michał Marcin "
               "Łukasz Grzegorz Kacper"),
        _families("Nowak Kowalski/Kowalska Wiśniewski/Wiśniewska Wójcik Kowalczyk "
                  "Kamiński/Kamińska Lewandowski/Lewandowska Zieliński/Zielińska "
                  "Szymański/Szymańska Woźniak Dąbrowski/Dąbrowska Kozłowski/Kozłowska "
                  "Jankowski/Jankowska Mazur Krawczyk Piotrowski/Piotrowska "
                  "Grabowski/Grabowska Pawłowski/Pawłowska"),
        _homes(("PL", 70, "pl", 1), ("GB", 20, "pl en", 1), ("IE", 5, "pl en", 1),
               ("DE", 5, "pl de", 1))),
    Culture(
        "it", 4,
        _names("Giulia Sofia Aurora Chiara Francesca Alessia Martina Giorgia Elena Federica "
               "Valentina Beatrice"),
        _names("Francesco Alessandro Lorenzo Niccolò Matteo Leonardo Andrea Giuseppe Marco "
               "Davide Riccardo Gabriele Stefano"),
        _families("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco "
                  "Bruno Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti "
                  "Barbieri Fontana Santoro Caruso"),
        _homes(("IT", 85, "it", 1), ("CH-it", 5, "it", 1), ("GB", 10, "it en", 1))),
    Culture(
        "nl", 2,
        _names("Sanne Lotte Fleur Eva Anouk Femke Marieke Ilse Lieke Noor"),
        _names("Daan Sem Bram Thijs Jeroen Joost Pieter Ruben Koen Wouter"),
        _families("de_Jong Jansen de_Vries van_den_Berg Bakker Visser Smit Meijer de_Boer "
                  "Mulder Bos Vos Peeters Hendriks van_Dijk Claes"),
        _homes(("NL", 80, "nl", 1), ("BE-nl", 20, "nl", 1))),
    Culture(
        "el", 2,
        _names("Μαρία=Maria Ελένη=Eleni Αικατερίνη=Aikaterini Δήμητρα=Dimitra Σοφία=Sofia "
               "Αναστασία=Anastasia Γεωργία=Georgia Ιωάννα=Ioanna Χριστίνα=Christina "
               "Βασιλική=Vasiliki Ευαγγελία=Evangelia Δέσποινα=Despoina"),
        _names("Γιώργος=Giorgos Νίκος=Nikos Κωνσταντίνος=Konstantinos Δημήτρης=Dimitris "
               "Γιάννης=Giannis Αλέξανδρος=Alexandros Χρήστος=Christos "
               "Παναγιώτης=Panagiotis Βασίλης=Vasilis Σταύρος=Stavros Αθανάσιος=Athanasios "
               "Μιχάλης=Michalis"),
        _families("Παπαδόπουλος/Παπαδοπούλου=Papadopoulos/Papadopoulou Γεωργίου=Georgiou "
                  "Οικονόμου=Oikonomou Βασιλείου=Vasileiou Νικολάου=Nikolaou "
                  "Ιωάννου=Ioannou Παπαδάκης/Παπαδάκη=Papadakis/Papadaki "
                  "Καραγιάννης/Καραγιάννη=Karagiannis/Karagianni Μακρής/Μακρή=Makris/Makri "
                  "Αντωνίου=Antoniou Δημητρίου=Dimitriou "
                  "Κωνσταντινίδης/Κωνσταντινίδου=Konstantinidis/Konstantinidou "
                  "Πετρόπουλος/Πετροπούλου=Petropoulos/Petropoulou"),
        _homes(("GR", 78, "el", 0.9), ("CY", 15, "el", 0.85), ("GB", 7, "el en", 0.3))),
    Culture(
        "ru", 2,
        _names("Анна=Anna Мария=Maria Екатерина=Ekaterina Наталья=Natalya Ольга=Olga "
               "Елена=Elena Татьяна=Tatyana Ирина=Irina Светлана=Svetlana Дарья=Darya "
               "Ксения=Ksenia Полина=Polina Юлия=Yulia"),
        _names("Дмитрий=Dmitry Иван=Ivan Алексей=Alexey Сергей=Sergey Андрей=Andrey "
               "Михаил=Mikhail Николай=Nikolay Павел=Pavel Артём=Artyom Максим=Maxim "
               "Евгений=Evgeny Илья=Ilya Кирилл=Kirill"),
        _families("Смирнов/Смирнова=Smirnov/Smirnova Кузнецов/Кузнецова=Kuznetsov/Kuznetsova "
                  "Попов/Попова=Popov/Popova Васильев/Васильева=Vasiliev/Vasilieva "
                  "Петров/Петрова=Petrov/Petrova Соколов/Соколова=Sokolov/Sokolova "
                  "Морозов/Морозова=Morozov/Morozova Волков/Волкова=Volkov/Volkova "
                  "Фёдоров/Фёдорова=Fyodorov/Fyodorova Новиков/Новикова=Novikov/Novikova "
                  "Лебедев/Лебедева=Lebedev/Lebedeva Козлов/Козлова=Kozlov/Kozlova "
                  "Орлов/Орлова=Orlov/Orlova Зайцев/Зайцева=Zaitsev/Zaitseva"),
        _homes(("RU", 55, "ru", 0.95), ("LV", 12, "ru lv", 0.8), ("EE", 8, "ru et", 0.8),
               ("DE", 10, "ru de", 0.5), ("GB", 10, "ru en", 0.4), ("IL", 5, "ru he", 0.7))),
    Culture(
        "uk", 2,
        _names("Олена=Olena Оксана=Oksana Ірина=Iryna Юлія=Yuliia Наталія=Nataliia "
               "Тетяна=Tetiana Марія=Mariia Софія=Sofiia Анастасія=Anastasiia "
               "Вікторія=Viktoriia Христина=Khrystyna"),
        _names("Андрій=Andrii Тарас=Taras Богдан=Bohdan Назар=Nazar Олександр=Oleksandr "
               "Дмитро=Dmytro Микола=Mykola Юрій=Yurii Остап=Ostap Максим=Maksym "
               "Іван=Ivan Василь=Vasyl"),
        _families("Шевченко=Shevchenko Коваленко=Kovalenko Бондаренко=Bondarenko "
                  "Ткаченко=Tkachenko Кравченко=Kravchenko Мельник=Melnyk Олійник=Oliinyk "
                  "Поліщук=Polishchuk Лисенко=Lysenko Бойко=Boiko Савченко=Savchenko "
                  "Руденко=Rudenko Мороз=Moroz Кравець=Kravets"),
        _homes(("UA", 60, "uk", 0.95), ("PL", 15, "uk pl", 0.8), ("DE", 10, "uk de", 0.6),
               ("GB", 15, "uk en", 0.5))),
    Culture(
        "ar", 3,
        _names("فاطمة=Fatima مريم=Maryam نور=Nour ليلى=Layla سارة=Sara ياسمين=Yasmin "
               "هدى=Huda رنا=Rana آمنة=Amina زينب=Zainab سلمى=Salma دينا=Dina"),
        _names("محمد=Mohammed أحمد=Ahmed علي=Ali يوسف=Youssef عمر=Omar خالد=Khaled "
               "حسن=Hassan إبراهيم=Ibrahim كريم=Karim طارق=Tarek سامي=Sami مصطفى=Mostafa"),
        _families("الحسن=Al-Hassan حداد=Haddad خوري=Khoury منصور=Mansour سعيد=Saeed "
                  "عبدالله=Abdullah الشامي=Al-Shami المصري=Al-Masri حمدان=Hamdan "
                  "الخطيب=Al-Khatib عثمان=Othman فرحات=Farhat العمري=Al-Omari"),
        _homes(("EG", 25, "ar", 0.85), ("JO", 10, "ar", 0.85), ("LB", 10, "ar fr", 0.6),
               ("MA", 12, "ar fr", 0.6), ("AE", 5, "ar en", 0.8), ("GB", 20, "ar en", 0.3),
               ("FR", 10, "ar fr", 0.3), ("DE", 8, "ar de", 0.4))),
    Culture(
        "he", 1,
        _names("נועה=Noa תמר=Tamar מיכל=Michal אביגיל=Avigail שירה=Shira יעל=Yael "
               "רותם=Rotem מאיה=Maya הילה=Hila"),
        _names("יוסף=Yosef דוד=David איתי=Itai אורי=Uri נועם=Noam אריאל=Ariel "
               "יונתן=Yonatan עומר=Omer אליהו=Eliyahu"),
        _families("כהן=Cohen לוי=Levi מזרחי=Mizrahi פרץ=Peretz ביטון=Biton אברהם=Avraham "
                  "פרידמן=Friedman שפירא=Shapira גולן=Golan אזולאי=Azoulay "
                  "רוזנברג=Rosenberg"),
        _homes(("IL", 85, "he", 0.9), ("GB", 10, "he en", 0.2), ("US", 5, "en he", 0.2))),
    Culture(
        "fa", 1,
        _names("زهرا=Zahra مریم=Maryam فاطمه=Fatemeh سارا=Sara نگار=Negar پریسا=Parisa "
               "شیرین=Shirin لیلا=Leila مهسا=Mahsa آزاده=Azadeh"),
        _names("علی=Ali حسین=Hossein رضا=Reza محمد=Mohammad امیر=Amir مهدی=Mehdi "
               "داریوش=Dariush کاوه=Kaveh بابک=Babak آرش=Arash"),
        _families("محمدی=Mohammadi حسینی=Hosseini رضایی=Rezaei کریمی=Karimi احمدی=Ahmadi "
                  "جعفری=Jafari رحیمی=Rahimi صادقی=Sadeghi نوری=Nouri تهرانی=Tehrani"),
        _homes(("IR", 65, "fa", 0.95), ("DE", 10, "fa de", 0.3), ("GB", 12, "fa en", 0.3),
               ("SE", 6, "fa sv", 0.3), ("CA-en", 7, "fa en", 0.3))),
    Culture(
        "tr", 2,
        _names("Zeynep Elif Ayşe Eylül Çağla Şule Merve Esra Büşra Defne Ecrin Fatma Gül"),
        _names("Yusuf Mustafa Emir Gökhan Mehmet Ahmet Burak Emre Oğuz Kerem Murat Hakan"),
        _families("Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Arslan Doğan Kılıç "
                  "Aslan Çetin Koç Kurt Özdemir"),
        _homes(("TR", 65, "tr", 1), ("DE", 22, "tr de", 1), ("NL", 6, "tr nl", 1),
               ("GB", 7, "tr en", 1))),
    Culture(
        "hi", 3,
        _names("अनन्या=Ananya दिया=Diya सान्वी=Saanvi प्रिया=Priya अंजलि=Anjali पूजा=Pooja "
               "नेहा=Neha कविता=Kavita सुनीता=Sunita मीरा=Meera रिया=Riya"),
        _names("आरव=Aarav विवान=Vivaan अर्जुन=Arjun राहुल=Rahul रोहन=Rohan अमित=Amit "
               "विकास=Vikas संजय=Sanjay आदित्य=Aditya करण=Karan विजय=Vijay"),
        _families("शर्मा=Sharma वर्मा=Verma गुप्ता=Gupta सिंह=Singh पटेल=Patel कुमार=Kumar "
                  "जोशी=Joshi मिश्रा=Mishra अग्रवाल=Agarwal यादव=Yadav चौहान=Chauhan "
                  "मेहता=Mehta देसाई=Desai"),
        _homes(("IN-hi", 70, "hi en", 0.55), ("GB", 25, "en hi", 0.05),
               ("US", 5, "en hi", 0.05))),
    Culture(
        "ta", 1,
        _names("கவிதா=Kavitha செல்வி=Selvi லட்சுமி=Lakshmi மீனா=Meena பிரியா=Priya "
               "தேவி=Devi வள்ளி=Valli நிலா=Nila"),
        _names("அருண்=Arun முருகன்=Murugan கார்த்திக்=Karthik சுரேஷ்=Suresh ரமேஷ்=Ramesh "
               "செந்தில்=Senthil பாலா=Bala கணேஷ்=Ganesh"),
        _families("சுப்பிரமணியம்=Subramaniam ராஜா=Raja கிருஷ்ணன்=Krishnan "
                  "நடராஜன்=Natarajan வேலு=Velu சந்திரன்=Chandran இராமசாமி=Ramasamy "
                  "சிவகுமார்=Sivakumar"),
        _homes(("IN-ta", 55, "ta en", 0.6), ("LK", 25, "ta", 0.6), ("GB", 12, "ta en", 0.1),
               ("SG", 8, "ta en", 0.3))),
    Culture(
        "zh", 2,
        _names("芳=Fang 娜=Na 敏=Min 静=Jing 丽=Li 秀英=Xiuying 婷=Ting 雪=Xue 欣怡=Xinyi "
               "梓涵=Zihan 慧=Hui"),
        _names("伟=Wei 磊=Lei 洋=Yang 勇=Yong 军=Jun 杰=Jie 涛=Tao 浩然=Haoran 宇轩=Yuxuan "
               "子豪=Zihao 明=Ming"),
        _families("王=Wang 李=Li 张=Zhang 刘=Liu 陈=Chen 杨=Yang 黄=Huang 赵=Zhao 吴=Wu "
                  "周=Zhou 徐=Xu 孙=Sun 马=Ma 胡=Hu 林=Lin 郭=Guo"),
        _homes(("CN", 60, "zh", 0.9), ("SG", 12, "zh en", 0.3), ("GB", 20, "zh en", 0.2),
               ("CA-en", 5, "zh en", 0.2), ("IE", 3, "zh en", 0.2))),
    Culture(
        "ja", 1,
        _names("結菜=Yuina 葵=Aoi さくら=Sakura 陽菜=Hina 美咲=Misaki 優子=Yuko 恵子=Keiko "
               "愛=Ai 真由美=Mayumi"),
        _names("陽翔=Haruto 蓮=Ren 湊=Minato 大翔=Hiroto 翔太=Shota 健太=Kenta 拓也=Takuya "
               "誠=Makoto 浩=Hiroshi"),
        _families("佐藤=Sato 鈴木=Suzuki 高橋=Takahashi 田中=Tanaka 伊藤=Ito 渡辺=Watanabe "
                  "山本=Yamamoto 中村=Nakamura 小林=Kobayashi 加藤=Kato 吉田=Yoshida "
                  "山田=Yamada"),
        _homes(("JP", 90, "ja", 0.95), ("GB", 10, "ja en", 0.3))),
    Culture(
        "ko", 1,
        _names("서연=Seoyeon 지우=Jiwoo 하은=Haeun 민서=Minseo 수빈=Subin 예은=Yeeun "
               "은지=Eunji 지현=Jihyun"),
        _names("민준=Minjun 서준=Seojun 도윤=Doyun 현우=Hyunwoo 성민=Sungmin 동현=Donghyun "
               "영호=Youngho 상우=Sangwoo"),
        _families("김=Kim 이=Lee 박=Park 최=Choi 정=Jung 강=Kang 조=Cho 윤=Yoon 장=Jang 임=Lim "
                  "한=Han"),
        _homes(("KR", 90, "ko", 0.95), ("GB", 10, "ko en", 0.3))),
    Culture(
        "vi", 1,
        _names("Thảo Hương Trâm Phương Linh Ngọc_Anh Mai Lan Thu Hà"),
        _names("Minh Quân Đức Tuấn Hùng Dũng Khoa Nam Huy Bảo"),
        _families("Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương"),
        _homes(("VN", 75, "vi", 1), ("FR", 12, "vi fr", 0.7), ("GB", 10, "vi en", 0.6),
               ("DE", 3, "vi de", 0.7))),
    Culture(
        "yo", 1,
        _names("Fúnmiláyọ̀ Tèmítọ́pẹ́ Adéọlá Bọ́lá Títílayọ̀ Yétúndé Ìfẹ́olúwa Mọ́rẹ́nikẹ́ "
               "Àdúnní"),
        _names("Adébáyọ̀ Olúwaseun Babátúndé Kẹ́hìndé Tóbi Ayọ̀dèjì Olúwatóbi Dàmọ́lá"),
        _families("Adéyẹmí Ògúnlèyé Balógun Ọládipọ̀ Ògúndélé Akínwálé Oyèlárán Fáṣọlá "
                  "Ajíbádé Adébáyọ̀"),
        _homes(("NG-yo", 70, "yo en", 0.35), ("GB", 30, "en yo", 0.15))),
    Culture(
        "ig", 1,
        _names("Chiamaka Ngozi Adaeze Chidinma Nneka Ifeoma Amarachi Uchechi Obiageli"),
        _names("Chinedu Obinna Chukwuemeka Ikenna Nnamdi Uchenna Kelechi Chibuzo Ebuka"),
        _families("Okafor Nwosu Eze Okonkwo Nwachukwu Obi Okeke Ugwu Anyanwu Nwankwo Ibe"),
        _homes(("NG-ig", 70, "ig en", 1), ("GB", 30, "en ig", 1))),
    Culture(
        "sw", 1,
        _names("Amani Neema Zawadi Imani Rehema Aisha Halima Wanjiku Akinyi Mwanaisha"),
        _names("Baraka Juma Omari Hamisi Rashidi Jabari Tumaini Bakari Daudi"),
        _families("Mwangi Otieno Kamau Wanjiru Ochieng Njoroge Mushi Massawe Mrema Kimaro "
                  "Odhiambo"),
        _homes(("KE", 55, "sw en", 1), ("TZ", 35, "sw", 1), ("GB", 10, "en sw", 1))),
    Culture(
        "da", 1,
        _names("Freja Ida Sofie Mette Karen Signe Astrid Maja Lærke Birthe"),
        _names("Søren Mads Rasmus Jens Frederik Magnus Mikkel Niels Asger Bjørn"),
        _families("Nielsen Jensen Pedersen Andersen Christensen Sørensen Jørgensen Madsen "
                  "Kjær Møller Østergaard Bæk"),
        _homes(("DK", 90, "da", 1), ("GB", 10, "da en", 1))),
    Culture(
        "nb", 1,
        _names("Ingrid Nora Sigrid Kari Solveig Tuva Åse Marit Ragnhild Hedda"),
        _names("Øystein Lars Ola Håkon Sindre Eirik Torbjørn Espen Vegard Geir"),
        _families("Hansen Johansen Olsen Larsen Berg Haugen Dahl Lie Bakke Ødegård Strand "
                  "Sæther Kristiansen"),
        _homes(("NO", 90, "nb", 1), ("GB", 10, "nb en", 1))),
    Culture(
        "sv", 1,
        _names("Åsa Elin Ebba Linnéa Saga Karin Ingela Malin Sigrid Tova"),
        _names("Mikael Erik Johan Nils Oskar Gustav Anders Pontus Viktor Björn"),
        _families("Johansson Andersson Karlsson Nilsson Eriksson Olsson Persson Lindqvist "
                  "Åberg Lindström Bergström Sjöberg Holm"),
        _homes(("SE", 90, "sv", 1), ("GB", 10, "sv en", 1))),
)

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
