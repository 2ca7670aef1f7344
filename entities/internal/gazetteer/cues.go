package gazetteer

import "github.com/khabar-go/khabar/article"

// titleCues are titles and roles by the role they name. The singular forms
// come first; plural and dual forms are in pluralTitles.
var titleCues = map[string][]string{
	"president": {
		"الرئيس", "رئيس", "الرئيسة", "رئيسة", "رئيس الجمهورية", "رئيس الدولة", "رئيس دولة",
		"رئیس‌جمهور", "رئیس جمهور", "رئیس‌جمهوری", "President", "president",
	},
	"prime_minister": {
		"رئيس الوزراء", "رئيسة الوزراء", "رئيس الحكومة", "رئيسة الحكومة", "رئيس وزراء", "رئيس حكومة",
		"نخست‌وزیر", "نخست وزیر", "Prime Minister", "prime minister", "Premier",
	},
	"foreign_minister": {
		"وزير الخارجية", "وزيرة الخارجية", "وزير خارجية", "وزيرة خارجية",
		"وزیر امور خارجه", "وزیر خارجه", "Foreign Minister", "foreign minister", "Foreign Secretary",
		"Secretary of State",
	},
	"defence_minister": {
		"وزير الدفاع", "وزيرة الدفاع", "وزير دفاع", "وزیر دفاع",
		"Defence Minister", "Defense Minister", "defence minister", "defense minister",
		"Defense Secretary", "Secretary of Defense",
	},
	"minister": {
		"الوزير", "الوزيرة", "وزير", "وزيرة", "وزیر", "Minister", "minister",
	},
	"supreme_leader": {
		"المرشد", "المرشد الأعلى", "مرشد الثورة", "المرشد الأعلى للثورة", "مرشد الجمهورية",
		"رهبر انقلاب", "رهبر معظم انقلاب", "رهبر جمهوری اسلامی", "Supreme Leader", "supreme leader",
	},
	"leader": {"زعيم", "الزعيم", "رهبر", "Leader", "leader"},
	"king":   {"الملك", "العاهل", "پادشاه", "King", "Queen", "الملكة"},
	"emir":   {"الأمير", "أمير", "امیر", "Emir"},
	"crown_prince": {
		"ولي العهد", "وليّ العهد", "ولیعهد", "ولی‌عهد", "Crown Prince", "crown prince",
	},
	"sultan":            {"السلطان", "سلطان", "Sultan"},
	"sheikh":            {"الشيخ", "شيخ", "Sheikh"},
	"cleric":            {"آية الله", "آيه الله", "آیت‌الله", "آیت الله", "Ayatollah"},
	"chancellor":        {"المستشار", "المستشارة", "صدراعظم", "Chancellor"},
	"vice_president":    {"نائب الرئيس", "نائبة الرئيس", "معاون اول رئیس‌جمهور", "معاون رئیس‌جمهور", "Vice President", "vice president"},
	"speaker":           {"رئيس البرلمان", "رئيس مجلس النواب", "رئيس مجلس الشورى", "رئیس مجلس", "Speaker"},
	"secretary_general": {"الأمين العام", "أمين عام", "دبیرکل", "Secretary-General", "Secretary General"},
	"spokesperson": {
		"المتحدث باسم", "المتحدثة باسم", "الناطق باسم", "الناطقة باسم", "المتحدث الرسمي باسم",
		"سخنگوی", "spokesman", "spokeswoman", "spokesperson",
	},
	"commander": {"القائد", "قائد", "فرمانده", "Commander", "General", "الجنرال", "اللواء", "العميد", "العماد", "المشير", "العقيد", "سردار"},
}

// pluralTitles are dual and plural forms of titles.
var pluralTitles = map[string][]string{
	"president":        {"الرئيسين", "الرئيسان", "رئيسا", "رئيسي", "رؤساء", "الرؤساء", "Presidents"},
	"prime_minister":   {"رئيسي الوزراء", "رئيسا الوزراء", "رئيسا وزراء", "رئيسي وزراء"},
	"foreign_minister": {"وزيري الخارجية", "وزيرا الخارجية", "وزيرا خارجية", "وزيري خارجية", "وزراء خارجية", "وزراء الخارجية", "Foreign Ministers"},
	"defence_minister": {"وزيري الدفاع", "وزيرا الدفاع", "وزراء الدفاع", "وزيرا دفاع", "وزيري دفاع"},
	"minister":         {"الوزيرين", "الوزيران", "وزيرا", "وزيري"},
	"king":             {"العاهلين", "العاهلان"},
	"leader":           {"زعيما", "زعيمي", "قادة"},
}

func (g *Gazetteer) loadTitles() {
	add := func(role string, plural bool, phrases []string) {
		g.titles = append(g.titles, Title{Role: role, Plural: plural})
		ti := int16(len(g.titles))
		var buf []string
		for _, p := range phrases {
			buf = nameKeys(buf[:0], p)
			if len(buf) == 0 {
				continue
			}
			nd := g.root.insert(buf)
			if nd.title == 0 {
				nd.title = ti
			}
		}
	}
	// Fixed order keeps title indexes deterministic.
	for _, role := range titleRoles {
		add(role, false, titleCues[role])
		if p, ok := pluralTitles[role]; ok {
			add(role, true, p)
		}
	}
}

var titleRoles = []string{
	"prime_minister", "foreign_minister", "defence_minister", "supreme_leader", "crown_prince",
	"vice_president", "speaker", "secretary_general", "spokesperson", "president", "minister",
	"leader", "king", "emir", "sultan", "sheikh", "cleric", "chancellor", "commander",
}

// RoleFits reports whether a record with the curated roles can be the
// holder of title role, as in «الرئيس الإيراني» for a record with role
// "president". Former holders do not fit.
func RoleFits(role string, roles []string) bool {
	former := false
	fits := false
	for _, r := range roles {
		switch {
		case r == "former":
			former = true
		case r == role,
			role == "minister" && (r == "foreign_minister" || r == "defence_minister" || r == "finance_minister" || r == "energy_minister"),
			role == "leader" && (r == "supreme_leader" || r == "secretary_general"),
			role == "president" && r == "head_of_state",
			role == "king" && r == "head_of_state",
			role == "supreme_leader" && r == "religious_leader":
			fits = true
		}
	}
	return fits && !former
}

// stopKeys are words that end a name captured after a title: function
// words, frequent verbs of reporting and a few common nouns, in Arabic,
// Persian and English.
var stopKeys = func() map[string]bool {
	words := []string{
		// Arabic function words
		"في", "من", "على", "إلى", "الى", "عن", "مع", "أن", "إن", "ان", "أنه", "إنه", "بأن", "لأن", "قد",
		"لقد", "ما", "لا", "لم", "لن", "هو", "هي", "هم", "كان", "كانت", "يكون", "الذي", "التي", "الذين",
		"هذا", "هذه", "ذلك", "تلك", "خلال", "بعد", "قبل", "عند", "منذ", "حول", "ضد", "بين", "حتى", "أو",
		"أيضا", "أيضاً", "كما", "وقال", "قال", "قالت", "أعلن", "أعلنت", "أكد", "أكدت", "أشار", "أشارت",
		"أضاف", "أضافت", "أوضح", "أوضحت", "صرح", "صرحت", "دعا", "دعت", "يقول", "تقول", "اليوم", "أمس",
		"غدا", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "يوم", "عام",
		"السابق", "السابقة", "الحالي", "الحالية", "الجديد", "الجديدة", "المنتخب", "المنتهية", "ولايته",
		"نفسه", "الذى", "وهو", "وهي", "بينما", "حيث", "عندما", "إذ", "كل", "جميع", "بعض", "أي", "غير",
		"زيارة", "اجتماع", "لقاء", "اتصال", "كلمة", "خطاب", "بيان", "تصريحات", "مؤتمر", "إن", "شخصيا",
		"الأسبق", "المؤقت", "بالإنابة", "الأول", "الثاني", "السابع",
		// Persian
		"در", "از", "به", "با", "که", "را", "این", "آن", "و", "یا", "گفت", "کرد", "است", "بود", "شد",
		"روز", "امروز", "دیروز", "سابق", "برای", "تا", "هم", "نیز",
		// English
		"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "said", "says", "told",
		"on", "was", "is", "has", "had", "who", "which", "that", "with", "by", "from",
	}
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[article.Key(w)] = true
	}
	return m
}()

// IsStopKey reports whether key is a function word, a frequent reporting
// verb or another word that cannot be part of a name after a title.
func IsStopKey(key string) bool { return stopKeys[key] }
