"""Invented but plausible people for the sample community: names from many cultures and scripts.

Each culture gives given names, family names, the countries and language that go with them, a
phone prefix, and a way of writing a postcode and street. Combinations are random, so no entry
describes a real person.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Culture:
    key: str
    weight: int
    given: tuple[str, ...]
    family: tuple[str, ...]
    countries: tuple[str, ...]
    language: str
    phone_prefix: str
    streets: tuple[str, ...]
    towns: tuple[str, ...]
    postcode: str  # pattern: 9 = digit, A = capital letter


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split())


CULTURES = (
    Culture("en-gb", 30,
            _split("Oliver Amelia George Isla Harry Ava Jack Mia Charlie Grace Thomas Ruby "
                   "Emily James Sophie William Chloe Daniel Lucy Samuel Megan Joseph Hannah "
                   "Rhys Siân Eilidh Callum Niamh Aoife"),
            _split("Smith Jones Taylor Brown Williams Wilson Johnson Davies Robinson Wright "
                   "Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke "
                   "MacDonald Campbell O'Brien Murphy Kelly Hughes Price Griffiths"),
            ("GB", "GB", "GB", "IE"), "en", "+44",
            _split("Church_Lane Station_Road Victoria_Street Mill_Lane Park_Avenue High_Street"),
            _split("Leeds Bristol Norwich Cardiff Glasgow Exeter York Belfast Dublin"),
            "AA9 9AA"),
    Culture("en-us", 6,
            _split("Madison Ethan Olivia Noah Ava Liam Harper Mason Evelyn Logan Abigail"),
            _split("Miller Davis Garcia Rodriguez Martinez Anderson Thomas Moore Lee Harris"),
            ("US", "CA"), "en", "+1",
            _split("Maple_Street Oak_Avenue Cedar_Drive Elm_Street Pine_Road"),
            _split("Portland Madison Albany Toronto Denver"), "99999"),
    Culture("fr", 12,
            _split("Camille Léa Chloé Manon Inès Zoé Louis Gabriel Raphaël Arthur Hugo Jules "
                   "Élodie Maëlle Théo Noémie François Hélène Agathe Benoît"),
            _split("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau "
                   "Lefèvre Girard Bonnet Lambert Fontaine Rousseau Vincent Mercier Faure"),
            ("FR", "FR", "FR", "BE", "CH", "CA", "SN"), "fr", "+33",
            _split("rue_de_la_République avenue_Jean-Jaurès rue_Victor-Hugo place_de_l'Église"),
            _split("Lyon Nantes Rennes Lille Bordeaux Liège Genève Québec Dakar"), "99999"),
    Culture("es", 6,
            _split("Lucía Sofía Martina María Paula Hugo Mateo Martín Lucas Leo Álvaro "
                   "Valentina Camila Santiago Sebastián Ximena"),
            _split("García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez "
                   "Núñez Muñoz Jiménez Ruiz Hernández Díaz"),
            ("ES", "ES", "MX", "AR", "CO"), "es", "+34",
            _split("Calle_Mayor Avenida_de_la_Constitución Calle_del_Sol Paseo_de_Gracia"),
            _split("Sevilla Valencia Zaragoza Málaga Bilbao Oaxaca Rosario"), "99999"),
    Culture("pt", 4,
            _split("João Maria Ana Pedro Beatriz Tiago Inês Gonçalo Leonor Rafael Luíza"),
            _split("Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa Gonçalves"),
            ("PT", "BR"), "pt", "+351",
            _split("Rua_das_Flores Avenida_da_Liberdade Rua_Augusta"),
            _split("Porto Braga Coimbra Recife Curitiba"), "9999-999"),
    Culture("de", 5,
            _split("Lukas Leon Finn Jonas Emma Mia Hannah Lena Jürgen Sören Käthe Anja Jörg"),
            _split("Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schäfer Koch "
                   "Groß Krüger"),
            ("DE", "AT", "CH"), "de", "+49",
            _split("Hauptstraße Bahnhofstraße Gartenweg Schulstraße"),
            _split("Köln Leipzig Bremen Graz Basel"), "99999"),
    Culture("pl", 3,
            _split("Zofia Zuzanna Hanna Jakub Antoni Szymon Łucja Wojciech Małgorzata Bartłomiej"),
            _split("Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński "
                   "Szymańska Woźniak"),
            ("PL",), "pl", "+48", _split("ulica_Długa ulica_Lipowa ulica_Ogrodowa"),
            _split("Kraków Łódź Wrocław Gdańsk Poznań"), "99-999"),
    Culture("it", 3,
            _split("Giulia Sofia Aurora Francesco Alessandro Lorenzo Chiara Niccolò Matteo"),
            _split("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco"),
            ("IT",), "it", "+39", _split("Via_Roma Via_Garibaldi Corso_Italia"),
            _split("Torino Bologna Firenze Palermo Bari"), "99999"),
    Culture("el", 2,
            _split("Γιώργος Μαρία Ελένη Νίκος Κωνσταντίνος Δήμητρα Αικατερίνη Αλέξανδρος"),
            _split("Παπαδόπουλος Παπαδοπούλου Γεωργίου Οικονόμου Βασιλείου Νικολάου Ιωάννου"),
            ("GR", "CY"), "el", "+30", _split("Οδός_Ερμού Λεωφόρος_Αθηνών"),
            _split("Θεσσαλονίκη Πάτρα Ηράκλειο Λευκωσία"), "999 99"),
    Culture("ru", 2,
            _split("Анна Мария Дмитрий Иван Екатерина Алексей Наталья Сергей Ольга"),
            _split("Иванова Смирнов Кузнецова Попов Васильева Петров Соколова Морозов"),
            ("RU", "LV", "EE"), "ru", "+7", _split("улица_Ленина улица_Садовая"),
            _split("Казань Самара Рига Таллин"), "999999"),
    Culture("uk", 2,
            _split("Олена Андрій Оксана Тарас Ірина Богдан Юлія Назар"),
            _split("Шевченко Коваленко Бондаренко Ткаченко Кравченко Мельник"),
            ("UA", "PL", "GB"), "uk", "+380", _split("вулиця_Шевченка вулиця_Франка"),
            _split("Львів Київ Одеса Харків"), "99999"),
    Culture("ar", 4,
            _split("محمد فاطمة أحمد مريم علي نور يوسف ليلى عمر سارة خالد"),
            _split("الحسن العلي حداد خوري منصور سعيد عبدالله الشامي"),
            ("EG", "JO", "LB", "MA", "GB", "FR"), "ar", "+20", _split("شارع_النيل شارع_الجامعة"),
            _split("القاهرة عمّان بيروت الرباط"), "99999"),
    Culture("he", 1,
            _split("נועה תמר יוסף דוד מיכל אביגיל איתי"),
            _split("כהן לוי מזרחי פרץ ביטון אברהם"),
            ("IL",), "he", "+972", _split("רחוב_הרצל שדרות_רוטשילד"),
            _split("חיפה ירושלים באר_שבע"), "9999999"),
    Culture("fa", 1,
            _split("زهرا علی مریم حسین فاطمه رضا"),
            _split("محمدی حسینی رضایی کریمی احمدی"),
            ("IR", "DE", "GB"), "fa", "+98", _split("خیابان_آزادی خیابان_ولیعصر"),
            _split("تهران اصفهان شیراز"), "9999999999"),
    Culture("tr", 2,
            _split("Zeynep Elif Yusuf Mustafa Ayşe Emir Eylül Çağla Gökhan Şule"),
            _split("Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın"),
            ("TR", "DE", "NL"), "tr", "+90", _split("Atatürk_Caddesi Cumhuriyet_Sokak"),
            _split("İzmir Ankara Bursa Antalya"), "99999"),
    Culture("hi", 3,
            _split("आरव अनन्या विवान दिया अर्जुन सान्वी Priya Rahul Anjali Rohan"),
            _split("शर्मा वर्मा गुप्ता सिंह Patel Sharma Kumar Desai Iyer"),
            ("IN", "GB", "IN"), "hi", "+91", _split("MG_Road Station_Road Gandhi_Nagar"),
            _split("Pune Jaipur Lucknow Leicester"), "999999"),
    Culture("ta", 1,
            _split("அருண் கவிதா செல்வி முருகன் Lakshmi Karthik"),
            _split("சுப்பிரமணியம் ராஜா Krishnan Natarajan"),
            ("IN", "LK", "GB"), "ta", "+91", _split("Anna_Salai Temple_Street"),
            _split("Chennai Madurai Jaffna"), "999999"),
    Culture("zh", 3,
            _split("伟 芳 娜 敏 静 磊 洋 Wei Li Jing Hao"),
            _split("王 李 张 刘 陈 Wang Li Zhang Chen Liu"),
            ("CN", "TW", "SG", "GB"), "zh", "+86", _split("人民路 中山路 Nanjing_Road"),
            _split("上海 成都 杭州 Singapore"), "999999"),
    Culture("ja", 1,
            _split("陽翔 結菜 蓮 葵 Haruto Yui Sota Sakura"),
            _split("佐藤 鈴木 高橋 田中 Sato Suzuki Takahashi Tanaka"),
            ("JP",), "ja", "+81", _split("中央通り 桜通り"), _split("京都 札幌 福岡"), "999-9999"),
    Culture("ko", 1,
            _split("민준 서연 지우 하은 Minjun Seoyeon Jiwoo"),
            _split("김 이 박 최 Kim Lee Park Choi"),
            ("KR",), "ko", "+82", _split("세종대로 테헤란로"), _split("서울 부산 대구"), "99999"),
    Culture("vi", 1,
            _split("Nguyễn_Anh Thảo Minh Hương Quân Trâm Đức Phương"),
            _split("Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng"),
            ("VN", "FR"), "vi", "+84", _split("Đường_Lê_Lợi Phố_Huế"),
            _split("Hà_Nội Đà_Nẵng Huế"), "999999"),
    Culture("yo", 2,
            _split("Adébáyọ̀ Olúwaseun Fúnmiláyọ̀ Chiamaka Chinedu Ngozi Tèmítọ́pẹ́ Emeka"),
            _split("Adéyẹmí Okafor Ogunleye Nwosu Balogun Eze Okonkwo Adébáyọ̀"),
            ("NG", "GB", "NG"), "yo", "+234", _split("Allen_Avenue Broad_Street"),
            _split("Lagos Ibadan Enugu London"), "999999"),
    Culture("sw", 1,
            _split("Amani Baraka Neema Zawadi Juma Imani Rehema"),
            _split("Mwangi Otieno Kamau Wanjiru Ochieng Njoroge"),
            ("KE", "TZ"), "sw", "+254", _split("Barabara_ya_Moi Mtaa_wa_Uhuru"),
            _split("Nairobi Mombasa Arusha"), "99999"),
    Culture("nordic", 2,
            _split("Søren Åsa Ærlig Ingrid Bjørn Sigrún Øystein Freja Elin Mikael"),
            _split("Hansen Johansson Nielsen Åberg Sørensen Lindqvist Kristiansen Ødegård"),
            ("DK", "NO", "SE", "IS"), "da", "+45", _split("Storgatan Nørregade Kongens_gate"),
            _split("Aarhus Bergen Malmö Reykjavík"), "9999"),
)

NORDIC_LANGUAGES = {"DK": "da", "NO": "nb", "SE": "sv", "IS": "is"}

PHONE_PREFIXES = {
    "GB": "+44", "IE": "+353", "US": "+1", "CA": "+1", "FR": "+33", "BE": "+32", "CH": "+41",
    "SN": "+221", "ES": "+34", "MX": "+52", "AR": "+54", "CO": "+57", "PT": "+351", "BR": "+55",
    "DE": "+49", "AT": "+43", "PL": "+48", "IT": "+39", "GR": "+30", "CY": "+357", "RU": "+7",
    "LV": "+371", "EE": "+372", "UA": "+380", "EG": "+20", "JO": "+962", "LB": "+961",
    "MA": "+212", "IL": "+972", "IR": "+98", "TR": "+90", "NL": "+31", "IN": "+91", "LK": "+94",
    "CN": "+86", "TW": "+886", "SG": "+65", "JP": "+81", "KR": "+82", "VN": "+84", "NG": "+234",
    "KE": "+254", "TZ": "+255", "DK": "+45", "NO": "+47", "SE": "+46", "IS": "+354",
}

ACCESS_NEED_TAGS = ("large print", "Easy Read", "screen reader", "BSL interpreter",
                    "step-free access", "captions", "quiet room")
TOPIC_TAGS = ("newsletter", "fundraising", "2025 conference", "research panel", "family day")
EMAIL_DOMAINS = ("example.org", "example.com", "example.net", "mail.example.org",
                 "example.co.uk")
NOTES = (
    "Prefers a phone call in the afternoon.",
    "Met at the family day; keen to help with the newsletter.",
    "Travels with a carer; needs two seats booked.",
    "Asked for papers a week before meetings.",
    "Works shifts; evenings are best.",
    "Happy to share their story at the next session.",
)
