"""The cultures of the sample community: given and family names, written natively with their
romanisation, and the countries their people live in (notation in ``demo_people``)."""

from __future__ import annotations

from advocate_app.services.demo_people import Culture, families_of, homes_of, names_of

CULTURES = (
    Culture(
        "en", 38,
        names_of("Amelia Olivia Isla Ava Mia Grace Ruby Emily Sophie Chloe Lucy Megan Hannah "
               "Charlotte Evie Poppy Freya Daisy Alice Florence Rosie Phoebe Imogen Eleanor "
               "Harriet Jessica Lauren Bethany Abigail Rebecca Katherine Elizabeth Margaret "
               "Susan Helen Claire Joanne Nicola Gillian Patricia Janet Maureen Siân Ffion "
               "Cerys Eilidh Iona Morag Kirsty Shona"),
        names_of("Oliver George Harry Jack Charlie Thomas James William Daniel Samuel Joseph "
               "Oscar Alfie Archie Henry Leo Theo Arthur Freddie Edward Finley Lewis Matthew "
               "Benjamin Christopher Jonathan Andrew Richard Robert Stephen Paul Mark Ian "
               "Gareth Graham Kevin Trevor Rhys Dafydd Owain Callum Hamish Fraser Ewan Angus"),
        families_of("Smith Jones Taylor Brown Williams Wilson Davies Robinson Wright Thompson "
                  "Evans Walker White Roberts Green Hall Wood Clarke Hughes Price Griffiths "
                  "Lewis Morgan Edwards Turner Hill Moore Cooper Ward Morris King Watson "
                  "Harrison Baker Parker Bennett Shaw Holmes Ellis Fletcher Bradley Marsh "
                  "Chapman Lloyd Pritchard Rees Llewellyn MacDonald Campbell Stewart Robertson "
                  "Fraser MacLeod Henderson Paterson Sinclair McKenzie Murray Ross"),
        homes_of(("GB", 86, "en", 1), ("US", 4, "en", 1), ("CA-en", 3, "en", 1),
               ("AU", 3, "en", 1), ("NZ", 1, "en", 1), ("IE", 3, "en", 1))),
    Culture(
        "ga", 4,
        names_of("Aoife Niamh Saoirse Caoimhe Siobhán Róisín Orla Mairéad Clodagh Gráinne Áine "
               "Sinéad Ciara Deirdre"),
        names_of("Ciarán Seán Oisín Darragh Cian Eoin Pádraig Cathal Tadhg Fionn Ruairí Colm "
               "Donal Diarmuid"),
        families_of("Murphy Kelly O'Brien Byrne Ryan O'Sullivan Walsh O'Connor McCarthy Doyle "
                  "Gallagher Quinn Nolan Brennan Fitzgerald Kavanagh Ó_Súilleabháin "
                  "Mac_Giolla_Phádraig"),
        homes_of(("IE", 75, "en en ga", 1), ("GB", 25, "en", 1))),
    Culture(
        "fr", 9,
        names_of("Camille Léa Chloé Manon Inès Zoé Élodie Maëlle Noémie Hélène Agathe Juliette "
               "Céline Amélie Margaux Anaïs Océane Claire Sylvie Nathalie"),
        names_of("Louis Gabriel Raphaël Arthur Hugo Jules Théo François Benoît Mathieu Julien "
               "Antoine Guillaume Étienne Baptiste Loïc Yannick Cédric Hervé Jean-Baptiste"),
        families_of("Martin Bernard Dubois Thomas Robert Petit Durand Leroy Moreau Lefèvre "
                  "Girard Bonnet Lambert Fontaine Rousseau Vincent Mercier Faure Laurent "
                  "Garnier Chevalier Roux Fournier Morel Gauthier Perrin Tremblay Gagnon"),
        homes_of(("FR", 72, "fr", 1), ("BE-fr", 10, "fr", 1), ("CH-fr", 6, "fr", 1),
               ("CA-fr", 6, "fr", 1), ("LU", 2, "fr de", 1), ("GB", 4, "fr en", 1))),
    Culture(
        "es", 7,
        names_of("Lucía Sofía Martina María Paula Valentina Camila Ximena Carmen Isabel Elena "
               "Rocío Pilar Marta Alba Daniela Catalina"),
        names_of("Hugo Mateo Martín Lucas Álvaro Santiago Sebastián Alejandro Pablo Diego "
               "Javier Manuel Jorge Andrés Joaquín Tomás Ignacio"),
        families_of("García Rodríguez González Fernández López Martínez Sánchez Pérez Gómez "
                  "Núñez Muñoz Jiménez Ruiz Hernández Díaz Moreno Álvarez Romero Navarro "
                  "Torres Domínguez Vázquez Castro Ortega Rubio Molina Delgado"),
        homes_of(("ES", 50, "es", 1), ("MX", 15, "es", 1), ("AR", 8, "es", 1),
               ("CO", 10, "es", 1), ("CL", 5, "es", 1), ("GB", 7, "es en", 1),
               ("US", 5, "es en", 1)),
        double_family=0.6),
    Culture(
        "pt", 4,
        names_of("Maria Ana Beatriz Inês Leonor Luíza Mariana Carolina Matilde Joana Fernanda "
               "Gabriela Larissa"),
        names_of("João Pedro Tiago Gonçalo Francisco Duarte Rodrigo Lucas Gustavo Felipe "
               "Vinícius André"),
        families_of("Silva Santos Ferreira Pereira Oliveira Costa Rodrigues Martins Sousa "
                  "Gonçalves Almeida Carvalho Lopes Ribeiro Fernandes Araújo Barbosa Cardoso"),
        homes_of(("PT", 45, "pt", 1), ("BR", 40, "pt", 1), ("GB", 10, "pt en", 1),
               ("FR", 5, "pt fr", 1)),
        double_family=0.4),
    Culture(
        "de", 7,
        names_of("Emma Mia Hannah Anja Käthe Sabine Petra Ursula Katrin Jana Lea Marie Johanna "
               "Greta Frieda Annika Birgit"),
        names_of("Lukas Leon Finn Jonas Jürgen Sören Jörg Stefan Matthias Tobias Florian "
               "Maximilian Felix Niklas Uwe Klaus Dieter Wolfgang"),
        families_of("Müller=Mueller Schmidt Schneider Fischer Weber Meyer Wagner Becker "
                  "Schäfer=Schaefer Koch Groß=Gross Krüger=Krueger Hoffmann Schulz Richter "
                  "Klein Wolf Neumann Schwarz Zimmermann Braun Hartmann Lange Schmitz Krause "
                  "Huber Gruber Steiner Keller"),
        homes_of(("DE", 66, "de", 1), ("AT", 15, "de", 1), ("CH-de", 12, "de", 1),
               ("GB", 5, "de en", 1), ("LU", 2, "de fr", 1))),
    Culture(
        "pl", 4,
        names_of("Zofia Zuzanna Hanna Łucja Małgorzata Agnieszka Katarzyna Magdalena "
               "Aleksandra Joanna Ewa Barbara Wiktoria"),
        names_of("Jakub Antoni Szymon Wojciech Bartłomiej Krzysztof Tomasz Paweł Michał Marcin "
               "Łukasz Grzegorz Kacper"),
        families_of("Nowak Kowalski/Kowalska Wiśniewski/Wiśniewska Wójcik Kowalczyk "
                  "Kamiński/Kamińska Lewandowski/Lewandowska Zieliński/Zielińska "
                  "Szymański/Szymańska Woźniak Dąbrowski/Dąbrowska Kozłowski/Kozłowska "
                  "Jankowski/Jankowska Mazur Krawczyk Piotrowski/Piotrowska "
                  "Grabowski/Grabowska Pawłowski/Pawłowska"),
        homes_of(("PL", 70, "pl", 1), ("GB", 20, "pl en", 1), ("IE", 5, "pl en", 1),
               ("DE", 5, "pl de", 1))),
    Culture(
        "it", 4,
        names_of("Giulia Sofia Aurora Chiara Francesca Alessia Martina Giorgia Elena Federica "
               "Valentina Beatrice"),
        names_of("Francesco Alessandro Lorenzo Niccolò Matteo Leonardo Andrea Giuseppe Marco "
               "Davide Riccardo Gabriele Stefano"),
        families_of("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco "
                  "Bruno Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti "
                  "Barbieri Fontana Santoro Caruso"),
        homes_of(("IT", 85, "it", 1), ("CH-it", 5, "it", 1), ("GB", 10, "it en", 1))),
    Culture(
        "nl", 2,
        names_of("Sanne Lotte Fleur Eva Anouk Femke Marieke Ilse Lieke Noor"),
        names_of("Daan Sem Bram Thijs Jeroen Joost Pieter Ruben Koen Wouter"),
        families_of("de_Jong Jansen de_Vries van_den_Berg Bakker Visser Smit Meijer de_Boer "
                  "Mulder Bos Vos Peeters Hendriks van_Dijk Claes"),
        homes_of(("NL", 80, "nl", 1), ("BE-nl", 20, "nl", 1))),
    Culture(
        "el", 2,
        names_of("Μαρία=Maria Ελένη=Eleni Αικατερίνη=Aikaterini Δήμητρα=Dimitra Σοφία=Sofia "
               "Αναστασία=Anastasia Γεωργία=Georgia Ιωάννα=Ioanna Χριστίνα=Christina "
               "Βασιλική=Vasiliki Ευαγγελία=Evangelia Δέσποινα=Despoina"),
        names_of("Γιώργος=Giorgos Νίκος=Nikos Κωνσταντίνος=Konstantinos Δημήτρης=Dimitris "
               "Γιάννης=Giannis Αλέξανδρος=Alexandros Χρήστος=Christos "
               "Παναγιώτης=Panagiotis Βασίλης=Vasilis Σταύρος=Stavros Αθανάσιος=Athanasios "
               "Μιχάλης=Michalis"),
        families_of("Παπαδόπουλος/Παπαδοπούλου=Papadopoulos/Papadopoulou Γεωργίου=Georgiou "
                  "Οικονόμου=Oikonomou Βασιλείου=Vasileiou Νικολάου=Nikolaou "
                  "Ιωάννου=Ioannou Παπαδάκης/Παπαδάκη=Papadakis/Papadaki "
                  "Καραγιάννης/Καραγιάννη=Karagiannis/Karagianni Μακρής/Μακρή=Makris/Makri "
                  "Αντωνίου=Antoniou Δημητρίου=Dimitriou "
                  "Κωνσταντινίδης/Κωνσταντινίδου=Konstantinidis/Konstantinidou "
                  "Πετρόπουλος/Πετροπούλου=Petropoulos/Petropoulou"),
        homes_of(("GR", 78, "el", 0.9), ("CY", 15, "el", 0.85), ("GB", 7, "el en", 0.3))),
    Culture(
        "ru", 2,
        names_of("Анна=Anna Мария=Maria Екатерина=Ekaterina Наталья=Natalya Ольга=Olga "
               "Елена=Elena Татьяна=Tatyana Ирина=Irina Светлана=Svetlana Дарья=Darya "
               "Ксения=Ksenia Полина=Polina Юлия=Yulia"),
        names_of("Дмитрий=Dmitry Иван=Ivan Алексей=Alexey Сергей=Sergey Андрей=Andrey "
               "Михаил=Mikhail Николай=Nikolay Павел=Pavel Артём=Artyom Максим=Maxim "
               "Евгений=Evgeny Илья=Ilya Кирилл=Kirill"),
        families_of("Смирнов/Смирнова=Smirnov/Smirnova Кузнецов/Кузнецова=Kuznetsov/Kuznetsova "
                  "Попов/Попова=Popov/Popova Васильев/Васильева=Vasiliev/Vasilieva "
                  "Петров/Петрова=Petrov/Petrova Соколов/Соколова=Sokolov/Sokolova "
                  "Морозов/Морозова=Morozov/Morozova Волков/Волкова=Volkov/Volkova "
                  "Фёдоров/Фёдорова=Fyodorov/Fyodorova Новиков/Новикова=Novikov/Novikova "
                  "Лебедев/Лебедева=Lebedev/Lebedeva Козлов/Козлова=Kozlov/Kozlova "
                  "Орлов/Орлова=Orlov/Orlova Зайцев/Зайцева=Zaitsev/Zaitseva"),
        homes_of(("RU", 55, "ru", 0.95), ("LV", 12, "ru lv", 0.8), ("EE", 8, "ru et", 0.8),
               ("DE", 10, "ru de", 0.5), ("GB", 10, "ru en", 0.4), ("IL", 5, "ru he", 0.7))),
    Culture(
        "uk", 2,
        names_of("Олена=Olena Оксана=Oksana Ірина=Iryna Юлія=Yuliia Наталія=Nataliia "
               "Тетяна=Tetiana Марія=Mariia Софія=Sofiia Анастасія=Anastasiia "
               "Вікторія=Viktoriia Христина=Khrystyna"),
        names_of("Андрій=Andrii Тарас=Taras Богдан=Bohdan Назар=Nazar Олександр=Oleksandr "
               "Дмитро=Dmytro Микола=Mykola Юрій=Yurii Остап=Ostap Максим=Maksym "
               "Іван=Ivan Василь=Vasyl"),
        families_of("Шевченко=Shevchenko Коваленко=Kovalenko Бондаренко=Bondarenko "
                  "Ткаченко=Tkachenko Кравченко=Kravchenko Мельник=Melnyk Олійник=Oliinyk "
                  "Поліщук=Polishchuk Лисенко=Lysenko Бойко=Boiko Савченко=Savchenko "
                  "Руденко=Rudenko Мороз=Moroz Кравець=Kravets"),
        homes_of(("UA", 60, "uk", 0.95), ("PL", 15, "uk pl", 0.8), ("DE", 10, "uk de", 0.6),
               ("GB", 15, "uk en", 0.5))),
    Culture(
        "ar", 3,
        names_of("فاطمة=Fatima مريم=Maryam نور=Nour ليلى=Layla سارة=Sara ياسمين=Yasmin "
               "هدى=Huda رنا=Rana آمنة=Amina زينب=Zainab سلمى=Salma دينا=Dina"),
        names_of("محمد=Mohammed أحمد=Ahmed علي=Ali يوسف=Youssef عمر=Omar خالد=Khaled "
               "حسن=Hassan إبراهيم=Ibrahim كريم=Karim طارق=Tarek سامي=Sami مصطفى=Mostafa"),
        families_of("الحسن=Al-Hassan حداد=Haddad خوري=Khoury منصور=Mansour سعيد=Saeed "
                  "عبدالله=Abdullah الشامي=Al-Shami المصري=Al-Masri حمدان=Hamdan "
                  "الخطيب=Al-Khatib عثمان=Othman فرحات=Farhat العمري=Al-Omari"),
        homes_of(("EG", 25, "ar", 0.85), ("JO", 10, "ar", 0.85), ("LB", 10, "ar fr", 0.6),
               ("MA", 12, "ar fr", 0.6), ("AE", 5, "ar en", 0.8), ("GB", 20, "ar en", 0.3),
               ("FR", 10, "ar fr", 0.3), ("DE", 8, "ar de", 0.4))),
    Culture(
        "he", 1,
        names_of("נועה=Noa תמר=Tamar מיכל=Michal אביגיל=Avigail שירה=Shira יעל=Yael "
               "רותם=Rotem מאיה=Maya הילה=Hila"),
        names_of("יוסף=Yosef דוד=David איתי=Itai אורי=Uri נועם=Noam אריאל=Ariel "
               "יונתן=Yonatan עומר=Omer אליהו=Eliyahu"),
        families_of("כהן=Cohen לוי=Levi מזרחי=Mizrahi פרץ=Peretz ביטון=Biton אברהם=Avraham "
                  "פרידמן=Friedman שפירא=Shapira גולן=Golan אזולאי=Azoulay "
                  "רוזנברג=Rosenberg"),
        homes_of(("IL", 85, "he", 0.9), ("GB", 10, "he en", 0.2), ("US", 5, "en he", 0.2))),
    Culture(
        "fa", 1,
        names_of("زهرا=Zahra مریم=Maryam فاطمه=Fatemeh سارا=Sara نگار=Negar پریسا=Parisa "
               "شیرین=Shirin لیلا=Leila مهسا=Mahsa آزاده=Azadeh"),
        names_of("علی=Ali حسین=Hossein رضا=Reza محمد=Mohammad امیر=Amir مهدی=Mehdi "
               "داریوش=Dariush کاوه=Kaveh بابک=Babak آرش=Arash"),
        families_of("محمدی=Mohammadi حسینی=Hosseini رضایی=Rezaei کریمی=Karimi احمدی=Ahmadi "
                  "جعفری=Jafari رحیمی=Rahimi صادقی=Sadeghi نوری=Nouri تهرانی=Tehrani"),
        homes_of(("IR", 65, "fa", 0.95), ("DE", 10, "fa de", 0.3), ("GB", 12, "fa en", 0.3),
               ("SE", 6, "fa sv", 0.3), ("CA-en", 7, "fa en", 0.3))),
    Culture(
        "tr", 2,
        names_of("Zeynep Elif Ayşe Eylül Çağla Şule Merve Esra Büşra Defne Ecrin Fatma Gül"),
        names_of("Yusuf Mustafa Emir Gökhan Mehmet Ahmet Burak Emre Oğuz Kerem Murat Hakan"),
        families_of("Yılmaz Kaya Demir Şahin Çelik Yıldız Öztürk Aydın Arslan Doğan Kılıç "
                  "Aslan Çetin Koç Kurt Özdemir"),
        homes_of(("TR", 65, "tr", 1), ("DE", 22, "tr de", 1), ("NL", 6, "tr nl", 1),
               ("GB", 7, "tr en", 1))),
    Culture(
        "hi", 3,
        names_of("अनन्या=Ananya दिया=Diya सान्वी=Saanvi प्रिया=Priya अंजलि=Anjali पूजा=Pooja "
               "नेहा=Neha कविता=Kavita सुनीता=Sunita मीरा=Meera रिया=Riya"),
        names_of("आरव=Aarav विवान=Vivaan अर्जुन=Arjun राहुल=Rahul रोहन=Rohan अमित=Amit "
               "विकास=Vikas संजय=Sanjay आदित्य=Aditya करण=Karan विजय=Vijay"),
        families_of("शर्मा=Sharma वर्मा=Verma गुप्ता=Gupta सिंह=Singh पटेल=Patel कुमार=Kumar "
                  "जोशी=Joshi मिश्रा=Mishra अग्रवाल=Agarwal यादव=Yadav चौहान=Chauhan "
                  "मेहता=Mehta देसाई=Desai"),
        homes_of(("IN-hi", 70, "hi en", 0.55), ("GB", 25, "en hi", 0.05),
               ("US", 5, "en hi", 0.05))),
    Culture(
        "ta", 1,
        names_of("கவிதா=Kavitha செல்வி=Selvi லட்சுமி=Lakshmi மீனா=Meena பிரியா=Priya "
               "தேவி=Devi வள்ளி=Valli நிலா=Nila"),
        names_of("அருண்=Arun முருகன்=Murugan கார்த்திக்=Karthik சுரேஷ்=Suresh ரமேஷ்=Ramesh "
               "செந்தில்=Senthil பாலா=Bala கணேஷ்=Ganesh"),
        families_of("சுப்பிரமணியம்=Subramaniam ராஜா=Raja கிருஷ்ணன்=Krishnan "
                  "நடராஜன்=Natarajan வேலு=Velu சந்திரன்=Chandran இராமசாமி=Ramasamy "
                  "சிவகுமார்=Sivakumar"),
        homes_of(("IN-ta", 55, "ta en", 0.6), ("LK", 25, "ta", 0.6), ("GB", 12, "ta en", 0.1),
               ("SG", 8, "ta en", 0.3))),
    Culture(
        "zh", 2,
        names_of("芳=Fang 娜=Na 敏=Min 静=Jing 丽=Li 秀英=Xiuying 婷=Ting 雪=Xue 欣怡=Xinyi "
               "梓涵=Zihan 慧=Hui"),
        names_of("伟=Wei 磊=Lei 洋=Yang 勇=Yong 军=Jun 杰=Jie 涛=Tao 浩然=Haoran 宇轩=Yuxuan "
               "子豪=Zihao 明=Ming"),
        families_of("王=Wang 李=Li 张=Zhang 刘=Liu 陈=Chen 杨=Yang 黄=Huang 赵=Zhao 吴=Wu "
                  "周=Zhou 徐=Xu 孙=Sun 马=Ma 胡=Hu 林=Lin 郭=Guo"),
        homes_of(("CN", 60, "zh", 0.9), ("SG", 12, "zh en", 0.3), ("GB", 20, "zh en", 0.2),
               ("CA-en", 5, "zh en", 0.2), ("IE", 3, "zh en", 0.2))),
    Culture(
        "ja", 1,
        names_of("結菜=Yuina 葵=Aoi さくら=Sakura 陽菜=Hina 美咲=Misaki 優子=Yuko 恵子=Keiko "
               "愛=Ai 真由美=Mayumi"),
        names_of("陽翔=Haruto 蓮=Ren 湊=Minato 大翔=Hiroto 翔太=Shota 健太=Kenta 拓也=Takuya "
               "誠=Makoto 浩=Hiroshi"),
        families_of("佐藤=Sato 鈴木=Suzuki 高橋=Takahashi 田中=Tanaka 伊藤=Ito 渡辺=Watanabe "
                  "山本=Yamamoto 中村=Nakamura 小林=Kobayashi 加藤=Kato 吉田=Yoshida "
                  "山田=Yamada"),
        homes_of(("JP", 90, "ja", 0.95), ("GB", 10, "ja en", 0.3))),
    Culture(
        "ko", 1,
        names_of("서연=Seoyeon 지우=Jiwoo 하은=Haeun 민서=Minseo 수빈=Subin 예은=Yeeun "
               "은지=Eunji 지현=Jihyun"),
        names_of("민준=Minjun 서준=Seojun 도윤=Doyun 현우=Hyunwoo 성민=Sungmin 동현=Donghyun "
               "영호=Youngho 상우=Sangwoo"),
        families_of("김=Kim 이=Lee 박=Park 최=Choi 정=Jung 강=Kang 조=Cho 윤=Yoon 장=Jang 임=Lim "
                  "한=Han"),
        homes_of(("KR", 90, "ko", 0.95), ("GB", 10, "ko en", 0.3))),
    Culture(
        "vi", 1,
        names_of("Thảo Hương Trâm Phương Linh Ngọc_Anh Mai Lan Thu Hà"),
        names_of("Minh Quân Đức Tuấn Hùng Dũng Khoa Nam Huy Bảo"),
        families_of("Nguyễn Trần Lê Phạm Hoàng Huỳnh Võ Đặng Bùi Đỗ Hồ Ngô Dương"),
        homes_of(("VN", 75, "vi", 1), ("FR", 12, "vi fr", 0.7), ("GB", 10, "vi en", 0.6),
               ("DE", 3, "vi de", 0.7))),
    Culture(
        "yo", 1,
        names_of("Fúnmiláyọ̀ Tèmítọ́pẹ́ Adéọlá Bọ́lá Títílayọ̀ Yétúndé Ìfẹ́olúwa Mọ́rẹ́nikẹ́ "
               "Àdúnní"),
        names_of("Adébáyọ̀ Olúwaseun Babátúndé Kẹ́hìndé Tóbi Ayọ̀dèjì Olúwatóbi Dàmọ́lá"),
        families_of("Adéyẹmí Ògúnlèyé Balógun Ọládipọ̀ Ògúndélé Akínwálé Oyèlárán Fáṣọlá "
                  "Ajíbádé Adébáyọ̀"),
        homes_of(("NG-yo", 70, "yo en", 0.35), ("GB", 30, "en yo", 0.15))),
    Culture(
        "ig", 1,
        names_of("Chiamaka Ngozi Adaeze Chidinma Nneka Ifeoma Amarachi Uchechi Obiageli"),
        names_of("Chinedu Obinna Chukwuemeka Ikenna Nnamdi Uchenna Kelechi Chibuzo Ebuka"),
        families_of("Okafor Nwosu Eze Okonkwo Nwachukwu Obi Okeke Ugwu Anyanwu Nwankwo Ibe"),
        homes_of(("NG-ig", 70, "ig en", 1), ("GB", 30, "en ig", 1))),
    Culture(
        "sw", 1,
        names_of("Amani Neema Zawadi Imani Rehema Aisha Halima Wanjiku Akinyi Mwanaisha"),
        names_of("Baraka Juma Omari Hamisi Rashidi Jabari Tumaini Bakari Daudi"),
        families_of("Mwangi Otieno Kamau Wanjiru Ochieng Njoroge Mushi Massawe Mrema Kimaro "
                  "Odhiambo"),
        homes_of(("KE", 55, "sw en", 1), ("TZ", 35, "sw", 1), ("GB", 10, "en sw", 1))),
    Culture(
        "da", 1,
        names_of("Freja Ida Sofie Mette Karen Signe Astrid Maja Lærke Birthe"),
        names_of("Søren Mads Rasmus Jens Frederik Magnus Mikkel Niels Asger Bjørn"),
        families_of("Nielsen Jensen Pedersen Andersen Christensen Sørensen Jørgensen Madsen "
                  "Kjær Møller Østergaard Bæk"),
        homes_of(("DK", 90, "da", 1), ("GB", 10, "da en", 1))),
    Culture(
        "nb", 1,
        names_of("Ingrid Nora Sigrid Kari Solveig Tuva Åse Marit Ragnhild Hedda"),
        names_of("Øystein Lars Ola Håkon Sindre Eirik Torbjørn Espen Vegard Geir"),
        families_of("Hansen Johansen Olsen Larsen Berg Haugen Dahl Lie Bakke Ødegård Strand "
                  "Sæther Kristiansen"),
        homes_of(("NO", 90, "nb", 1), ("GB", 10, "nb en", 1))),
    Culture(
        "sv", 1,
        names_of("Åsa Elin Ebba Linnéa Saga Karin Ingela Malin Sigrid Tova"),
        names_of("Mikael Erik Johan Nils Oskar Gustav Anders Pontus Viktor Björn"),
        families_of("Johansson Andersson Karlsson Nilsson Eriksson Olsson Persson Lindqvist "
                  "Åberg Lindström Bergström Sjöberg Holm"),
        homes_of(("SE", 90, "sv", 1), ("GB", 10, "sv en", 1))),
)
