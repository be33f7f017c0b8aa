"""The countries of the sample community: phone and postcode formats, streets, towns and how an
address is written (the compact notation is described in ``demo_people``)."""

from __future__ import annotations

from advocate_app.services.demo_people import Country, places_of, words_of


def _country(key: str, phones: str, postcode: str, addresses: tuple[str, ...], streets: str,
             places: str) -> Country:
    return Country(key, key[:2], tuple(words_of(phones)), postcode.replace("_", " "), addresses,
                   tuple(words_of(streets)), places_of(places))


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
