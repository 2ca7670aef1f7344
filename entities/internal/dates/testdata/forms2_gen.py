#!/usr/bin/env python3
"""Writes forms2.jsonl: a second set of new sentences for the forms of
forms.jsonl, written after the engine was changed for them and kept out of
its tuning, plus sentences whose numbers and words only look like dates
(want nothing). Values computed here with Python's datetime; the Hijri
day with ICU's islamic-umalqura calendar (node Intl). Same conventions as
forms_gen.py.
"""
import datetime as dt
import json

items = []
D = dt.date.fromisoformat


def add(ref, text, *want):
    items.append({"ref": ref, "text": text, "want": [list(w) for w in want]})


def iso_week_day(ref, weeks, wd):
    monday = ref - dt.timedelta(days=ref.weekday())
    return (monday + dt.timedelta(days=7 * weeks + wd)).isoformat()


def wd_day(ref, wd, d):
    best = None
    for n in range(-3, 4):
        m = ref.month - 1 + n
        y, m = ref.year + m // 12, m % 12 + 1
        try:
            x = dt.date(y, m, d)
        except ValueError:
            continue
        if x.weekday() == wd and (best is None or abs(x - ref) < abs(best - ref)):
            best = x
    return best.isoformat()


MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
r = "2021-06-23"  # a Wednesday
R = D(r)
add(r, "تُستأنف الدراسة في 6- سبتمبر وفق التقويم.", ("6- سبتمبر", "2021-09-06"))
add(r, "سلّم الفريق التقرير في 17-مايو الماضي.", ("17-مايو الماضي", "2021-05-17"))
add(r, "يبدأ الموسم يوليو 3 بمباراة الافتتاح.", ("يوليو 3", "2021-07-03"))
add(r, "أُعلنت النتائج في يونيو الخامس عشر للمرة الأولى.", ("يونيو الخامس عشر", "2021-06-15"))
add(r, "يحتفل الأهالي في سبعة وعشرين رمضان.", ("سبعة وعشرين رمضان", "2021-05-09"))
add(r, "تنطلق الرحلة في الخامسة من أغسطس.", ("الخامسة من أغسطس", "2021-08-05"))
add(r, "عاد الجنود قبل يوم أمس إلى ثكناتهم.", ("قبل يوم أمس", "2021-06-21"))
add(r, "يصدر الحكم بعد غد الساعة 11 صباحاً.", ("بعد غد الساعة 11 صباحاً", "2021-06-25"))
add(r, "أعلن البيان أمس الساعة الثامنة مساء.", ("أمس الساعة الثامنة مساء", "2021-06-22"))
add(r, "يجتمع المجلس هذا يوم الجمعة في مقره.", ("هذا يوم الجمعة", "2021-06-25"))
add(r, "تُجرى القرعة الأسبوع القادم يوم الاثنين.", ("الأسبوع القادم يوم الاثنين", iso_week_day(R, 1, MON)))
add(r, "أُغلق الطريق الثلاثاء من الأسبوع الماضي.", ("الثلاثاء من الأسبوع الماضي", iso_week_day(R, -1, TUE)))
add(r, "يلتقي الوزيران يوم الخميس 24 في الرباط.", ("يوم الخميس 24", wd_day(R, THU, 24)))
add(r, "انطلق السباق الأحد في العشرين من دون جمهور.", ("الأحد في العشرين", wd_day(R, SUN, 20)))
add(r, "تلقت الشركة الطلب منذ شهرين و 5 أيام.", ("منذ شهرين و 5 أيام", "2021-04-18"))
add(r, "يكتمل المشروع بعد سنة و 3 أشهر.", ("بعد سنة و 3 أشهر", "2022-09"))
add(r, "تراجع الطلب قبل بضعة أسابيع.", ("قبل بضعة أسابيع", "2021-06-02"))
add(r, "يصل الوفد في 5/7 لبدء المحادثات.", ("5/7", "2021-07-05"))
add(r, "صدرت الرواية بتاريخ 9-2-88 في القاهرة.", ("9-2-88", "1988-02-09"))
add(r, "دخل القرار حيز التنفيذ في أول يوليو.", ("أول يوليو", "2021-07-01"))
add(r, "يعود السفير إلى بلاده غداً الساعة 7.", ("غداً الساعة 7", "2021-06-24"))
add(r, "عقدت الجمعية العمومية في 14 أيار/مايو الماضي.", ("14 أيار/مايو الماضي", "2021-05-14"))
add(r, "تحل الذكرى في 10 ذي الحجة المقبل.", ("10 ذي الحجة المقبل", "2021-07-20"))
add(r, "شُيّد المسجد عام 850 م.", ("عام 850 م", "0850"))
# look-alikes: no date
add(r, "قُتل يوم الخميس 10 أشخاص في الهجوم.", ("يوم الخميس", "2021-06-17"))
add(r, "ستتسلم الأسر المساعدات خلال 3-4 أيام.")
add(r, "فاز الفريق بنتيجة 3-1 في المباراة.")
add(r, "ارتفع المؤشر في 12.35 نقطة عند الإغلاق.")
add(r, "يبلغ عدد سكان المدينة ثلاثة ملايين نسمة.")
add(r, "وصلت نسبة المشاركة إلى 27 في المئة.")
add(r, "استمرت الرحلة خمسة أيام متتالية.")
add(r, "حصل الطالب على المرتبة الثالثة من أصل عشرين.")
add(r, "احتل العداء المركز الخامس في السباق.")
add(r, "صدر الكتاب في طبعته الثانية من دار النشر.")

with open("forms2.jsonl", "w", encoding="utf-8") as f:
    for it in items:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")
print(len(items), "sentences")
