package main

import "github.com/khabar-go/khabar/article"

// Hand-written facts that CLDR and GeoNames lack: the variants news writes,
// regions without an ISO code, Wikidata IDs we are sure of, and nationality
// adjectives that the rules in demonyms.go cannot derive.

// countryVariants are extra names of countries, by ISO 3166-1 code and
// language.
var countryVariants = map[string]map[string][]string{
	"BY": {"ar": {"بيلاروسيا", "روسيا البيضاء", "بلاروسيا"}, "en": {"Belorussia"}, "ru": {"Белоруссия"}},
	"US": {"ar": {"أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية"},
		"fa": {"آمریکا", "امریکا", "ایالات متحده آمریکا"}, "en": {"America", "USA", "U.S.", "United States of America"}, "ru": {"США"}},
	"GB": {"ar": {"بريطانيا", "بريطانيا العظمى"}, "fa": {"انگلیس", "بریتانیا"}, "en": {"Britain", "Great Britain", "UK", "U.K."}},
	"RU": {"ar": {"روسيا الاتحادية"}, "en": {"Russian Federation"}},
	"SA": {"ar": {"السعودية", "المملكة العربية السعودية"}, "fa": {"عربستان", "عربستان سعودی"}},
	"AE": {"ar": {"الإمارات"}, "fa": {"امارات"}, "en": {"UAE"}},
	"SY": {"ar": {"سورية"}},
	"PS": {"ar": {"فلسطين", "دولة فلسطين"}, "fa": {"فلسطین"}, "en": {"Palestine"}},
	"CD": {"ar": {"الكونغو الديمقراطية", "جمهورية الكونغو الديمقراطية"}, "en": {"Democratic Republic of the Congo", "DR Congo"}},
	"CZ": {"ar": {"تشيكيا", "جمهورية التشيك"}, "en": {"Czech Republic", "Czechia"}},
	"VA": {"ar": {"الفاتيكان"}},
	"MM": {"ar": {"بورما"}, "en": {"Burma"}},
	"HK": {"ar": {"هونغ كونغ"}, "en": {"Hong Kong"}},
	"MO": {"ar": {"ماكاو"}, "en": {"Macau", "Macao"}},
	"MK": {"ar": {"مقدونيا الشمالية"}, "en": {"North Macedonia"}},
	"CI": {"ar": {"كوت ديفوار"}, "en": {"Ivory Coast"}},
	"MA": {"ar": {"المملكة المغربية"}},
	"JO": {"ar": {"المملكة الأردنية الهاشمية"}},
	"DK": {"ar": {"الدنمارك"}},
	"IR": {"ar": {"الجمهورية الإسلامية الإيرانية", "جمهورية إيران الإسلامية"}, "fa": {"جمهوری اسلامی ایران"}, "en": {"Islamic Republic of Iran"}},
	"KR": {"ar": {"كوريا الجنوبية"}},
	"KP": {"ar": {"كوريا الشمالية"}},
	"NL": {"ar": {"هولندا"}, "en": {"Holland"}},
	"TR": {"ar": {"تركيا"}, "fa": {"ترکیه"}, "en": {"Türkiye"}},
	"UA": {"ar": {"أوكرانيا"}},
	"TW": {"ar": {"تايوان"}},
	"XK": {"ar": {"كوسوفو"}, "en": {"Kosovo"}},
	"ML": {"ar": {"جمهورية مالي", "دولة مالي"}},
}

// countryWikidata are Wikidata items of countries we are sure of.
var countryWikidata = map[string]string{
	"US": "Q30", "RU": "Q159", "IR": "Q794", "BY": "Q184", "UA": "Q212", "CN": "Q148",
	"FR": "Q142", "DE": "Q183", "GB": "Q145", "IQ": "Q796", "SY": "Q858", "LB": "Q822",
	"EG": "Q79", "SA": "Q851", "TR": "Q43", "IL": "Q801", "JO": "Q810", "AE": "Q878",
	"QA": "Q846", "KW": "Q817", "BH": "Q398", "OM": "Q842", "YE": "Q805", "JP": "Q17",
	"IN": "Q668", "PK": "Q843", "AF": "Q889", "IT": "Q38", "ES": "Q29", "CA": "Q16",
	"MX": "Q96", "BR": "Q155", "LY": "Q1016", "TN": "Q948", "DZ": "Q262", "MA": "Q1028",
	"SD": "Q1049", "KZ": "Q232", "AZ": "Q227", "AM": "Q399", "GE": "Q230", "PL": "Q36",
	"KP": "Q423", "KR": "Q884", "AU": "Q408", "NL": "Q55", "BE": "Q31", "SE": "Q34",
	"NO": "Q20", "FI": "Q33", "DK": "Q35", "CH": "Q39", "AT": "Q40", "GR": "Q41",
	"PT": "Q45", "VE": "Q717", "AR": "Q414", "CU": "Q241", "IE": "Q27", "NZ": "Q664",
	"ZA": "Q258", "NG": "Q1033", "ET": "Q115", "KE": "Q114", "SO": "Q1045", "ID": "Q252",
	"MY": "Q833", "TH": "Q869", "VN": "Q881", "PH": "Q928", "BD": "Q902", "LK": "Q854",
	"NP": "Q837", "UZ": "Q265", "TM": "Q874", "TJ": "Q863", "KG": "Q813", "MD": "Q217",
	"LT": "Q37", "LV": "Q211", "EE": "Q191", "RS": "Q403", "HU": "Q28", "CZ": "Q213",
	"SK": "Q214", "RO": "Q218", "BG": "Q219", "HR": "Q224", "CY": "Q229", "MT": "Q233",
	"IS": "Q189", "PS": "Q219060", "MR": "Q1025", "ML": "Q912", "NE": "Q1032", "TD": "Q657",
	"CM": "Q1009", "SN": "Q1041", "SS": "Q958", "ER": "Q986", "DJ": "Q977", "CO": "Q739",
	"CL": "Q298", "PE": "Q419", "BO": "Q750", "EC": "Q736",
}

// skipRegions are two-letter codes that CLDR names but that are not
// countries or territories news means by them.
var skipRegions = map[string]bool{
	"AC": true, "CP": true, "DG": true, "EA": true, "IC": true, "TA": true, "EZ": true,
	"UN": true, "QO": true, "ZZ": true, "XA": true, "XB": true, "EU": true, "AQ": true,
}

// cldrRegions are the CLDR macro-regions (UN M49 codes) kept as places.
var cldrRegions = map[string]string{
	"002": "Q15", "150": "Q46", "142": "Q48", "019": "", "009": "", "419": "",
	"021": "", "005": "Q18", "015": "", "145": "", "143": "", "151": "", "155": "",
	"039": "", "154": "", "030": "", "034": "", "035": "", "202": "", "029": "", "013": "",
}

// regionVariants are extra names of CLDR macro-regions.
var regionVariants = map[string]map[string][]string{
	"002": {"ar": {"إفريقيا", "القارة الأفريقية", "القارة السمراء"}},
	"150": {"ar": {"أوربا", "القارة الأوروبية", "القارة العجوز"}},
	"142": {"ar": {"القارة الآسيوية"}},
	"019": {"ar": {"الأميركتين"}},
	"021": {"ar": {"أمريكا الشمالية", "أميركا الشمالية"}},
	"005": {"ar": {"أمريكا الجنوبية", "أميركا الجنوبية"}},
	"419": {"ar": {"أميركا اللاتينية"}},
}

// handRegion is a place with no ISO code: a geopolitical region, a sea or a
// disputed territory.
type handRegion struct {
	id, en, country, wikidata string
	names                     map[string][]string
}

var handRegions = []handRegion{
	{"west", "the West", "", "", map[string][]string{"ar": {"الغرب", "الدول الغربية"}}},
	{"middle-east", "Middle East", "", "Q7204", map[string][]string{"ar": {"الشرق الأوسط"}, "fa": {"خاورمیانه"}, "en": {"Middle East"}, "ru": {"Ближний Восток"}}},
	{"far-east", "Far East", "", "", map[string][]string{"ar": {"الشرق الأقصى"}, "en": {"Far East"}}},
	{"persian-gulf", "Persian Gulf", "", "", map[string][]string{"ar": {"الخليج", "الخليج العربي", "الخليج الفارسي"}, "fa": {"خلیج فارس"}, "en": {"Persian Gulf", "Gulf"}}},
	{"crimea", "Crimea", "UA", "", map[string][]string{"ar": {"القرم", "شبه جزيرة القرم"}, "fa": {"کریمه"}, "en": {"Crimea"}, "ru": {"Крым"}}},
	{"donbas", "Donbas", "UA", "", map[string][]string{"ar": {"دونباس", "دونيتسك ولوغانسك"}, "fa": {"دونباس"}, "en": {"Donbas", "Donbass"}, "ru": {"Донбасс"}}},
	{"gaza-strip", "Gaza Strip", "PS", "", map[string][]string{"fa": {"نوار غزه"}, "en": {"Gaza Strip"}}},
	{"west-bank", "West Bank", "PS", "", map[string][]string{"ar": {"الضفة الغربية"}, "fa": {"کرانه باختری"}, "en": {"West Bank"}}},
	{"golan", "Golan Heights", "", "", map[string][]string{"ar": {"الجولان", "هضبة الجولان", "مرتفعات الجولان"}, "fa": {"بلندی‌های جولان"}, "en": {"Golan Heights", "Golan"}}},
	{"sinai", "Sinai", "EG", "", map[string][]string{"ar": {"سيناء", "شبه جزيرة سيناء"}, "fa": {"صحرای سینا"}, "en": {"Sinai"}}},
	{"kurdistan", "Kurdistan", "", "", map[string][]string{"ar": {"كردستان", "إقليم كردستان", "كوردستان"}, "fa": {"کردستان"}, "en": {"Kurdistan"}}},
	{"caucasus", "Caucasus", "", "", map[string][]string{"ar": {"القوقاز"}, "fa": {"قفقاز"}, "en": {"Caucasus"}, "ru": {"Кавказ"}}},
	{"balkans", "Balkans", "", "", map[string][]string{"ar": {"البلقان"}, "fa": {"بالکان"}, "en": {"Balkans"}}},
	{"levant", "Levant", "", "", map[string][]string{"ar": {"بلاد الشام", "المشرق العربي"}, "en": {"Levant"}}},
	{"maghreb", "Maghreb", "", "", map[string][]string{"ar": {"المغرب العربي"}, "en": {"Maghreb"}}},
	{"red-sea", "Red Sea", "", "", map[string][]string{"ar": {"البحر الأحمر"}, "fa": {"دریای سرخ"}, "en": {"Red Sea"}}},
	{"black-sea", "Black Sea", "", "", map[string][]string{"ar": {"البحر الأسود"}, "fa": {"دریای سیاه"}, "en": {"Black Sea"}, "ru": {"Чёрное море"}}},
	{"mediterranean", "Mediterranean Sea", "", "", map[string][]string{"ar": {"البحر المتوسط", "البحر الأبيض المتوسط"}, "fa": {"دریای مدیترانه"}, "en": {"Mediterranean"}}},
	{"caspian", "Caspian Sea", "", "", map[string][]string{"ar": {"بحر قزوين"}, "fa": {"دریای خزر", "خزر"}, "en": {"Caspian Sea"}}},
	{"hormuz", "Strait of Hormuz", "", "", map[string][]string{"ar": {"مضيق هرمز"}, "fa": {"تنگه هرمز"}, "en": {"Strait of Hormuz"}}},
	{"bab-el-mandeb", "Bab-el-Mandeb", "", "", map[string][]string{"ar": {"باب المندب", "مضيق باب المندب"}, "fa": {"باب‌المندب"}, "en": {"Bab-el-Mandeb"}}},
	{"suez-canal", "Suez Canal", "EG", "", map[string][]string{"ar": {"قناة السويس"}, "fa": {"کانال سوئز"}, "en": {"Suez Canal"}}},
	{"arab-world", "Arab world", "", "", map[string][]string{"ar": {"الوطن العربي", "العالم العربي"}, "en": {"Arab world"}}},
	{"kaaba", "Kaaba", "SA", "", map[string][]string{"ar": {"الكعبة", "الكعبة المشرفة"}, "fa": {"کعبه"}, "en": {"Kaaba"}}},
	{"masjid-al-haram", "Masjid al-Haram", "SA", "", map[string][]string{"ar": {"المسجد الحرام"}, "fa": {"مسجدالحرام", "مسجد الحرام"}, "en": {"Masjid al-Haram", "Great Mosque of Mecca"}}},
	{"masjid-an-nabawi", "Al-Masjid an-Nabawi", "SA", "", map[string][]string{"ar": {"المسجد النبوي", "المسجد النبوي الشريف"}, "fa": {"مسجدالنبی", "مسجد النبی"}, "en": {"Prophet's Mosque"}}},
	{"al-aqsa", "Al-Aqsa Mosque", "PS", "", map[string][]string{"ar": {"المسجد الأقصى"}, "fa": {"مسجدالاقصی", "مسجد الاقصی"}, "en": {"Al-Aqsa Mosque", "Al-Aqsa"}}},
	{"mount-arafat", "Mount Arafat", "SA", "", map[string][]string{"ar": {"جبل عرفات", "صعيد عرفات", "جبل الرحمة"}, "en": {"Mount Arafat"}}},
	{"muzdalifah", "Muzdalifah", "SA", "", map[string][]string{"ar": {"مزدلفة"}, "fa": {"مزدلفه"}, "en": {"Muzdalifah"}}},
}

// cityWikidata are Wikidata items of cities we are sure of, by country code
// and GeoNames name; generation fails if one is not found exactly once.
var cityWikidata = map[[2]string]string{
	{"RU", "Moscow"}: "Q649", {"IR", "Tehran"}: "Q3616", {"BY", "Minsk"}: "Q2280",
	{"UA", "Kyiv"}: "Q1899", {"CN", "Beijing"}: "Q956", {"FR", "Paris"}: "Q90",
	{"GB", "London"}: "Q84", {"DE", "Berlin"}: "Q64", {"EG", "Cairo"}: "Q85",
	{"IQ", "Baghdad"}: "Q1530", {"SY", "Damascus"}: "Q3766", {"LB", "Beirut"}: "Q3820",
	{"SA", "Riyadh"}: "Q3692", {"US", "Washington"}: "Q61", {"US", "New York City"}: "Q60",
	{"TR", "Istanbul"}: "Q406", {"TR", "Ankara"}: "Q3640",
	{"JP", "Tokyo"}: "Q1490", {"IT", "Rome"}: "Q220", {"ES", "Madrid"}: "Q2807",
	{"RU", "Saint Petersburg"}: "Q656", {"AE", "Dubai"}: "Q612", {"JO", "Amman"}: "Q3805",
	{"QA", "Doha"}: "Q3861",
}

// cityVariants are extra names of cities, by country code and GeoNames name.
var cityVariants = map[[2]string]map[string][]string{
	{"UA", "Kyiv"}:             {"ar": {"كييف", "كيف"}, "fa": {"کی‌یف", "کییف"}, "en": {"Kiev"}},
	{"US", "Washington"}:       {"ar": {"واشنطن"}, "fa": {"واشنگتن"}},
	{"US", "New York City"}:    {"ar": {"نيويورك"}, "fa": {"نیویورک"}, "en": {"New York"}},
	{"BY", "Minsk"}:            {"ar": {"مينسك"}, "fa": {"مینسک"}},
	{"RU", "Moscow"}:           {"ar": {"موسكو"}, "fa": {"مسکو"}},
	{"IR", "Tehran"}:           {"ar": {"طهران"}, "fa": {"تهران"}},
	{"PS", "Gaza"}:             {"ar": {"غزة"}, "fa": {"غزه"}},
	{"IR", "Qom"}:              {"ar": {"قم"}, "fa": {"قم"}},
	{"SA", "Mecca"}:            {"ar": {"مكة المكرمة", "مكة"}, "fa": {"مکه", "مکه مکرمه"}},
	{"SA", "Medina"}:           {"ar": {"المدينة المنورة"}, "fa": {"مدینه"}},
	{"RU", "Saint Petersburg"}: {"ar": {"سان بطرسبرغ", "سانت بطرسبرغ"}, "fa": {"سن‌پترزبورگ"}},
}

// adjectiveOverrides are Arabic, Persian and English nationality
// adjectives (masculine singular) the rules cannot derive or derive wrongly.
var adjectiveOverrides = map[string]map[string][]string{
	"US": {"ar": {"أمريكي", "أميركي"}, "fa": {"آمریکایی", "امریکایی"}},
	"GB": {"ar": {"بريطاني"}, "fa": {"انگلیسی", "بریتانیایی"}},
	"AE": {"ar": {"إماراتي"}, "fa": {"اماراتی"}},
	"SA": {"ar": {"سعودي"}, "fa": {"سعودی"}},
	"AT": {"ar": {"نمساوي"}},
	"AF": {"ar": {"أفغاني"}, "fa": {"افغان", "افغانستانی"}},
	"PS": {"ar": {"فلسطيني"}, "fa": {"فلسطینی"}},
	"NL": {"ar": {"هولندي"}, "fa": {"هلندی"}},
	"CZ": {"ar": {"تشيكي"}, "fa": {"چکی"}},
	"DK": {"ar": {"دنماركي"}},
	"RU": {"ar": {"روسي"}, "fa": {"روس", "روسی"}},
	"FR": {"fa": {"فرانسوی"}},
	"TR": {"ar": {"تركي"}, "fa": {"ترک", "ترکیه‌ای"}},
	"KR": {"ar": {"كوري جنوبي"}},
	"KP": {"ar": {"كوري شمالي"}},
	"BY": {"ar": {"بيلاروسي", "بلاروسي"}, "fa": {"بلاروسی"}},
	"CN": {"ar": {"صيني"}, "fa": {"چینی"}},
	"IN": {"ar": {"هندي"}, "fa": {"هندی"}},
	"SY": {"ar": {"سوري"}, "fa": {"سوری"}},
	"CH": {"ar": {"سويسري"}},
	"GR": {"ar": {"يوناني"}},
	"KW": {"ar": {"كويتي"}},
	"IL": {"ar": {"إسرائيلي"}, "fa": {"اسرائیلی"}},
	"IQ": {"ar": {"عراقي"}, "fa": {"عراقی"}},
	"JO": {"ar": {"أردني"}},
	"YE": {"ar": {"يمني"}, "fa": {"یمنی"}},
}

// irregularPlurals are Arabic broken plurals of nationality nouns.
var irregularPlurals = map[string][]string{
	"RU": {"روس"}, "US": {"أمريكان", "أميركان"}, "TR": {"أتراك"}, "GB": {"إنجليز", "إنكليز"},
	"DE": {"ألمان"}, "AF": {"أفغان"},
}

// englishDemonyms are English nationality adjectives.
var englishDemonyms = map[string][]string{
	"US": {"American"}, "RU": {"Russian"}, "IR": {"Iranian"}, "BY": {"Belarusian", "Belarusan"},
	"UA": {"Ukrainian"}, "CN": {"Chinese"}, "FR": {"French"}, "DE": {"German"}, "GB": {"British"},
	"IQ": {"Iraqi"}, "SY": {"Syrian"}, "LB": {"Lebanese"}, "EG": {"Egyptian"}, "SA": {"Saudi"},
	"TR": {"Turkish"}, "IL": {"Israeli"}, "JO": {"Jordanian"}, "AE": {"Emirati"}, "QA": {"Qatari"},
	"KW": {"Kuwaiti"}, "BH": {"Bahraini"}, "OM": {"Omani"}, "YE": {"Yemeni"}, "JP": {"Japanese"},
	"IN": {"Indian"}, "PK": {"Pakistani"}, "AF": {"Afghan"}, "IT": {"Italian"}, "ES": {"Spanish"},
	"CA": {"Canadian"}, "MX": {"Mexican"}, "BR": {"Brazilian"}, "LY": {"Libyan"}, "TN": {"Tunisian"},
	"DZ": {"Algerian"}, "MA": {"Moroccan"}, "SD": {"Sudanese"}, "KZ": {"Kazakh"}, "AZ": {"Azerbaijani"},
	"AM": {"Armenian"}, "GE": {"Georgian"}, "PL": {"Polish"}, "KP": {"North Korean"}, "KR": {"South Korean"},
	"AU": {"Australian"}, "NL": {"Dutch"}, "BE": {"Belgian"}, "SE": {"Swedish"}, "NO": {"Norwegian"},
	"FI": {"Finnish"}, "DK": {"Danish"}, "CH": {"Swiss"}, "AT": {"Austrian"}, "GR": {"Greek"},
	"PT": {"Portuguese"}, "VE": {"Venezuelan"}, "AR": {"Argentine", "Argentinian"}, "CU": {"Cuban"},
	"IE": {"Irish"}, "ZA": {"South African"}, "NG": {"Nigerian"}, "ET": {"Ethiopian"}, "PS": {"Palestinian"},
	"HU": {"Hungarian"}, "RS": {"Serbian"}, "MD": {"Moldovan"}, "LT": {"Lithuanian"}, "LV": {"Latvian"},
	"EE": {"Estonian"}, "RO": {"Romanian"}, "BG": {"Bulgarian"}, "CZ": {"Czech"}, "SK": {"Slovak"},
	"UZ": {"Uzbek"}, "TJ": {"Tajik"}, "TM": {"Turkmen"}, "KG": {"Kyrgyz"}, "ID": {"Indonesian"},
	"VN": {"Vietnamese"}, "TH": {"Thai"}, "PH": {"Filipino"}, "SO": {"Somali"}, "KE": {"Kenyan"},
}

// placeStopwords are common words that some place name collides with; a
// place name equal to one of them is dropped. Compared after fold.
var placeStopwords = []string{
	// Arabic
	"المدينة", "مدينة", "العالم", "الحرب", "العمل", "اليوم", "الدولة", "الرئيس", "السلام",
	"الأمن", "النور", "الأمل", "الحياة", "الشعب", "الوطن", "القدس الشريف", "مكان", "بلد",
	"المركز", "الجديدة", "الجديد", "الكبير", "الكبرى", "الصغرى", "الشمال", "الجنوب", "الشرق",
	"الوسط", "العاصمة", "الساحل", "الميناء", "البحر", "الجبل", "النهر", "الوادي", "القرية",
	"الحرة", "السوق", "المطار", "الجامعة", "الحي", "المنطقة", "الخير", "الفتح", "النصر",
	"الرحمة", "العين", "الحد", "بعد", "قبل", "عند", "بين", "حتى", "منذ", "خلال", "كان",
	"يوم", "عام", "سنة", "شهر", "وقت", "عمل", "قال", "مالي", "كلم", "دعم", "حماية",
	"ليون", "باري", "نيس", "ساري", "سمر", "سعيد", "عزيز", "كريم", "جميل", "حسن", "أمل",
	"نور", "ريم", "رشيد", "منير", "هدى", "سلام", "عيد", "فيصل", "صالح", "عادل", "طيبة",
	"بلدة", "قرية", "دولة", "ولاية", "محافظة", "مقاطعة", "إقليم", "جزيرة", "ميناء", "عاصمة",
	"بنت", "ابن", "تل", "رأس", "باب", "بيت", "دار", "سوق", "قلعة", "عين",
	// Arabic words that are also names of GeoNames cities
	"خبر", "صور", "هام", "كيف", "ليل", "قوم", "مدان", "بسيط", "وادي", "لوم", "حصار", "عشاق",
	"سكر", "كسل", "خفي", "قصور", "نكوص", "امان", "أمان", "لاول", "لأول", "بشار", "سارة", "سالم",
	"سار", "قنا", "حولي", "روم", "تما", "نوك", "ماو", "واو", "كيل", "سومي", "مركة", "بون", "ملوي",
	"تاني", "كاري", "نيم", "ياي", "ماري", "جنت", "ألم", "الم", "ربات", "دولة", "جلفة", "سينة",
	"الش", "بلم", "ثين", "تور", "بيرم", "دراج", "قرشي", "وان", "كوبة", "بنها", "خوي", "روان",
	"كين", "لوما", "سوري", "دوري", "كرم", "مول", "حماية", "سلام", "عيون", "كرة", "مرة",
	"الخبر", "البسيط", "الجميل", "الخمس", "الصور", "العبور", "العمارة", "الزاوية", "العيون",
	"النهود", "القصور", "الباب", "الوار", "الورن", "الدورت", "اليشير", "البلا", "الكاهون",
	"الأبي", "طراز", "تويوتا", "الجزيرة", "وجدة", "محيط", "امسك", "العباد", "ديربي",
	"بورصة", "بينية",
	// Persian
	"شهر", "سمی", "کین", "پرم", "گولف", "گرا", "ینا", "پیره", "ساره", "نیم", "لیل", "خوی",
	"روان", "دوله", "سکر", "تازه", "مردان", "سرت", "آرا", "بالای", "پرت", "کندی", "گیرا",
	"یاش", "بردا", "درگ", "هزه", "سلا", "کشور", "استان", "روز", "سال", "کار", "دولت", "مردم", "جهان", "امروز",
	// English
	"Of", "The", "And", "Nice", "Mobile", "Reading", "Split", "Victoria", "Independence",
	"Concord", "Hope", "Union", "Mission", "Orange", "Temple", "Sandy", "Normal", "Bath",
	"Cork", "Batman", "Same", "Most", "Police", "Kill", "Say", "Bar", "Male", "Bend",
	"Buy", "Mary", "Ali", "Arab", "Jackson", "Lincoln", "Hamilton", "Austin", "Madison",
	"Lafayette", "Irving", "Lawrence", "Charlotte", "Eugene", "Allen", "Warren", "Kent",
	"Douglas", "Florence", "Van", "Surprise", "Hollywood", "Sale", "Deal", "March",
	"Central", "Gold", "Paradise", "Valley", "Springs", "Capital", "Port", "City",
}

// curatedStopwords are curated one-word names that are common words in
// Arabic or Persian text (مجلس "council" for Iran's parliament, الشباب
// "the youth" for al-Shabaab); they are left out of the index. Compared
// after fold.
var curatedStopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range []string{"مجلس", "الشباب", "شباب", "الدولة", "دولة", "الحزب", "حزب", "الجيش", "ارتش", "صالح"} {
		m[article.Key(w)] = true
	}
	return m
}()

// arabWorld are the members of the Arab League, whose place names are
// Arabic: no g variants for them.
var arabWorld = map[string]bool{
	"DZ": true, "BH": true, "KM": true, "DJ": true, "EG": true, "IQ": true, "JO": true, "KW": true,
	"LB": true, "LY": true, "MR": true, "MA": true, "OM": true, "PS": true, "QA": true, "SA": true,
	"SO": true, "SD": true, "SY": true, "TN": true, "AE": true, "YE": true,
}

// Descriptors that stand before (Arabic, Russian) or after (English,
// Russian) a division's name and are not part of it.
var (
	arDescriptors = []string{"منطقة", "محافظة", "ولاية", "إقليم", "مقاطعة", "إمارة", "مديرية", "محافظه"}
	enDescriptors = []string{"Region", "Province", "Governorate", "State", "Oblast", "Prefecture", "District",
		"Department", "County", "Municipality", "Emirate", "Territory", "Division"}
	ruDescriptors = []string{"область", "край", "провинция", "штат", "регион", "губернаторство", "мухафаза", "округ"}
)

// divisionVariants are extra names of first-level divisions, by id.
var divisionVariants = map[string]map[string][]string{
	"d:SA-04": {"ar": {"المنطقة الشرقية"}},
	"d:SA-08": {"ar": {"الحدود الشمالية"}},
	"d:IR-19": {"ar": {"جيلان"}, "fa": {"گیلان"}},
	"d:IR-27": {"ar": {"جلستان"}, "fa": {"گلستان"}},
	"d:IR-44": {"ar": {"البرز"}, "fa": {"البرز"}},
	"d:US-MD": {"ar": {"ميريلاند", "ماريلاند"}},
}

// groupAdjectives are Arabic adjectives of peoples, faiths and regions
// with no country of their own (masculine singular), written to the
// Demonyms list without a country: «الكردي» is no name.
var groupAdjectives = []string{
	"عربي", "كردي", "يهودي", "مسيحي", "سني", "شيعي", "درزي", "علوي", "بشتوني", "خليجي",
	"أوروبي", "آسيوي", "أفريقي", "إفريقي", "لاتيني",
}
