#!/usr/bin/env python3
"""Writes forms.jsonl: one new sentence per date form found in public Arabic
date test suites (Microsoft Recognizers-Text Specs/DateTime/Arabic, Facebook
Duckling Time/AR corpus) and in the issue text. The sentences are written
for khabar (none is copied from those suites); the expected values are
computed here with Python's datetime, independently of the Go engine.
Hijri days were converted with ICU's islamic-umalqura calendar (node Intl).

Conventions (the house rules of the dev sets): a span includes يوم before a
weekday or day, and a time of day after a date («غدا الساعة 8 مساء»), whose
value is the date only; relative months and years are cut to month or year
precision; a day and month without a year take the reference's year; a
bare day number without a month (في 15، إلى 27) is not a date.
"""
import datetime as dt
import json

items = []


def D(s):
    return dt.date.fromisoformat(s)


def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return y, m


def ym(d, n):
    y, m = add_months(d, n)
    return "%04d-%02d" % (y, m)


def day(d):
    return d.isoformat()


def iso_week_day(ref, weeks, wd):  # wd: 0=Monday
    monday = ref - dt.timedelta(days=ref.weekday())
    return monday + dt.timedelta(days=7 * weeks + wd)


def next_wd(ref, wd, strictly=True):
    k = (wd - ref.weekday()) % 7
    if k == 0 and strictly:
        k = 7
    return ref + dt.timedelta(days=k)


def prev_wd(ref, wd):
    k = (ref.weekday() - wd) % 7
    if k == 0:
        k = 7
    return ref - dt.timedelta(days=k)


def wd_day(ref, wd, d):
    """The date with day-of-month d falling on weekday wd nearest ref."""
    best = None
    for n in range(-3, 4):
        y, m = add_months(ref, n)
        try:
            x = dt.date(y, m, d)
        except ValueError:
            continue
        if x.weekday() == wd and (best is None or abs(x - ref) < abs(best - ref)):
            best = x
    return best.isoformat()


def add(ref, text, *want):
    items.append({"ref": ref, "text": text, "want": [list(w) for w in want]})


MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

r = "2016-11-07"  # a Monday
R = D(r)
# day and month joined by punctuation (Recognizers-Text)
add(r, "أغلق المعبر في 9- نوفمبر بسبب الأمطار.", ("9- نوفمبر", "2016-11-09"))
add(r, "افتتحت الوزارة المعرض يوم 3. أكتوبر بحضور السفراء.", ("يوم 3. أكتوبر", "2016-10-03"))
add(r, "رست السفينة في الميناء في 28-أكتوبر بعد رحلة طويلة.", ("28-أكتوبر", "2016-10-28"))
add(r, "صدرت المجلة يوم 4/ أكتوبر بعدد خاص.", ("يوم 4/ أكتوبر", "2016-10-04"))
add(r, "بدأ الإضراب في أكتوبر-12 واستمر أسبوعاً.", ("أكتوبر-12", "2016-10-12"))
# month before the day: number or ordinal
add(r, "انطلقت الدورة في سبتمبر 14 بمشاركة واسعة.", ("سبتمبر 14", "2016-09-14"))
add(r, "عقدت الندوة أكتوبر الحادي والثلاثين في الجامعة.", ("أكتوبر الحادي والثلاثين", "2016-10-31"))
add(r, "نظم المعرض في مارس العاشر وسط إقبال كبير.", ("مارس العاشر", "2016-03-10"))
add(r, "وقع الطرفان الاتفاق الأربعاء، أغسطس الثالث والعشرين، 2017 في الرياض.",
    ("الأربعاء، أغسطس الثالث والعشرين، 2017", "2017-08-23"))
# day as a cardinal word
add(r, "تبدأ العطلة في خمسة وعشرين ديسمبر.", ("خمسة وعشرين ديسمبر", "2016-12-25"))
add(r, "أعلنت النتائج في ثلاثة عشر مايو الماضي.", ("ثلاثة عشر مايو الماضي", "2016-05-13"))
# feminine and nominative ordinals
add(r, "تنتهي المهلة الرابعة والعشرون من يونيو.", ("الرابعة والعشرون من يونيو", "2016-06-24"))
add(r, "أقيم الحفل في الحادية عشرة من فبراير.", ("الحادية عشرة من فبراير", "2016-02-11"))
add(r, "يحل الموعد في الثاني من آذار.", ("الثاني من آذار", "2016-03-02"))
add(r, "تسلم منصبه في أول يناير بعد الانتخابات.", ("أول يناير", "2016-01-01"))
# relative days
add(r, "حطت الطائرة قبل يوم أمس في مطار القاهرة.", ("قبل يوم أمس", day(R - dt.timedelta(2))))
add(r, "وقع الحادث قبل أمس على الطريق السريع.", ("قبل أمس", day(R - dt.timedelta(2))))
add(r, "يعود الوزير في اليوم التالي إلى العاصمة.", ("اليوم التالي", day(R + dt.timedelta(1))))
add(r, "سيقام العرض غدا الساعة 8 مساء في المسرح.", ("غدا الساعة 8 مساء", day(R + dt.timedelta(1))))
add(r, "اجتمع المجلس أمس الساعة 10 صباحاً في القصر.", ("أمس الساعة 10 صباحاً", day(R - dt.timedelta(1))))
add(r, "تبث المقابلة اليوم الساعة 9:30 مساء.", ("اليوم الساعة 9:30 مساء", r))
add(r, "ويصل الوفد بعد غد إلى الدوحة.", ("بعد غد", day(R + dt.timedelta(2))))
add(r, "عاد اللاعبون أول أمس من المعسكر.", ("أول أمس", day(R - dt.timedelta(2))))
# weekdays with this/next/last week
add(r, "يصل المبعوث هذا يوم الخميس إلى بغداد.", ("هذا يوم الخميس", day(next_wd(R, THU))))
add(r, "تعقد القمة هذا الأسبوع الخميس في عمّان.", ("هذا الأسبوع الخميس", day(iso_week_day(R, 0, THU))))
add(r, "تعقد القمة الأسبوع المقبل يوم الأربعاء في عمّان.", ("الأسبوع المقبل يوم الأربعاء", day(iso_week_day(R, 1, WED))))
add(r, "يبدأ التصويت يوم الثلاثاء من الأسبوع القادم.", ("يوم الثلاثاء من الأسبوع القادم", day(iso_week_day(R, 1, TUE))))
add(r, "عقد البرلمان جلسة الأسبوع الماضي الخميس.", ("الأسبوع الماضي الخميس", day(iso_week_day(R, -1, THU))))
add(r, "تنطلق المفاوضات الجمعة الأسبوع المقبل في جنيف.", ("الجمعة الأسبوع المقبل", day(iso_week_day(R, 1, FRI))))
add(r, "يلتقي الزعيمان الاثنين القادم في القاهرة.", ("الاثنين القادم", day(next_wd(R, MON))))
add(r, "وصل الرئيس يوم الأحد إلى باريس.", ("يوم الأحد", day(prev_wd(R, SUN))))
add(r, "أغلقت الأسواق السبت الماضي بسبب العاصفة.", ("السبت الماضي", day(prev_wd(R, SAT))))
# weekday with a day number and no month
add(r, "يلتقي الزعيمان الخميس 10 في القاهرة.", ("الخميس 10", wd_day(R, THU, 10)))
add(r, "أجريت الجراحة يوم السبت 29 بنجاح.", ("يوم السبت 29", wd_day(R, SAT, 29)))
add(r, "انعقد المجلس الأربعاء في الثاني من دون تأخير.", ("الأربعاء في الثاني", wd_day(R, WED, 2)))
add(r, "استقبل الملك الضيوف الجمعة الرابع في القصر.", ("الجمعة الرابع", wd_day(R, FRI, 4)))
# durations back and forward
add(r, "غادر الصحفيون المدينة قبل بضعة أيام.", ("قبل بضعة أيام", day(R - dt.timedelta(3))))
add(r, "تغيرت الأسعار قبل بضعة أشهر.", ("قبل بضعة أشهر", ym(R, -3)))
add(r, "سافر الوزير منذ شهر و 10 أيام إلى الخارج.", ("منذ شهر و 10 أيام", "2016-09-27"))
add(r, "تنتهي ولايته بعد عام و 6 أشهر.", ("بعد عام و 6 أشهر", ym(R, 18)))
add(r, "تستأنف الرحلات بعد 3 أيام من الآن.", ("بعد 3 أيام من الآن", day(R + dt.timedelta(3))))
add(r, "انتهت الحرب الأهلية قبل عامين.", ("قبل عامين", "2014"))
add(r, "ارتفعت الأسعار منذ يومين.", ("منذ يومين", day(R - dt.timedelta(2))))
add(r, "تصل الشحنة خلال أسبوعين.", ("خلال أسبوعين", day(R + dt.timedelta(14))))
add(r, "سافر المدرب قبل شهرين إلى إسبانيا.", ("قبل شهرين", ym(R, -2)))
add(r, "وقعت الحادثة منذ ثلاثة أيام.", ("منذ ثلاثة أيام", day(R - dt.timedelta(3))))
add(r, "يفتتح المشروع بعد خمسة أسابيع.", ("بعد خمسة أسابيع", day(R + dt.timedelta(35))))
add(r, "أغلق المصنع قبل عشر سنوات.", ("قبل عشر سنوات", "2006"))
add(r, "توقفت المحادثات قبل ٤ أشهر.", ("قبل ٤ أشهر", ym(R, -4)))
# weeks, months and their parts
add(r, "تستمر الحملة هذا الأسبوع في المدارس.", ("هذا الأسبوع", r))
add(r, "يصدر التقرير خلال الأسبوع المقبل.", ("الأسبوع المقبل", day(R + dt.timedelta(7))))
add(r, "تصرف المنح منتصف الشهر المقبل.", ("منتصف الشهر المقبل", ym(R, 1)))
add(r, "تنتهي الأعمال أواخر الشهر الجاري.", ("أواخر الشهر الجاري", ym(R, 0)))
add(r, "تجرى الانتخابات مطلع العام المقبل.", ("مطلع العام المقبل", "2017"))
add(r, "تصل الشحنة في 25 من الشهر القادم.", ("25 من الشهر القادم", "2016-12-25"))
add(r, "تدفع الأقساط في العشرين من هذا الشهر.", ("العشرين من هذا الشهر", "2016-11-20"))
# numeric dates
add(r, "وصل الوفد في 22/10 إلى المطار.", ("22/10", "2016-10-22"))
add(r, "تنتهي المهلة يوم 30-11 حسب الجدول.", ("يوم 30-11", "2016-11-30"))
add(r, "انطلقت الحملة في 25.10 في جميع المحافظات.", ("25.10", "2016-10-25"))
add(r, "ولد المؤلف في 7-3-95 في بيروت.", ("7-3-95", "1995-03-07"))
add(r, "صدر الحكم بتاريخ 12/5/16 بعد المداولة.", ("12/5/16", "2016-05-12"))
add(r, "نشر البيان في ٢٠١٦/١٠/٠٣ على الموقع.", ("٢٠١٦/١٠/٠٣", "2016-10-03"))
add(r, "جرت الانتخابات في 2/2015 وسط إقبال ضعيف.", ("2/2015", "2015-02"))
# years with era marks, years as month-day-year
add(r, "ولد العالم في 14 مارس 1879م في ألمانيا.", ("14 مارس 1879م", "1879-03-14"))
add(r, "توفي عام 632 م في المدينة.", ("عام 632 م", "0632"))
add(r, "سيصل الفريق في 12 ديسمبر من عام 2017.", ("12 ديسمبر من عام 2017", "2017-12-12"))
add(r, "بنيت القلعة في 5 ديسمبر 1391 حسب النقش.", ("5 ديسمبر 1391", "1391-12-05"))
add(r, "تأسست الجمعية منذ عام 1994 في تونس.", ("عام 1994", "1994"))
# Hijri
add(r, "ولد في 12 ربيع الأول 1440 هـ في مكة.", ("12 ربيع الأول 1440 هـ", "2018-11-20"))
add(r, "تبدأ الإجازة في 1 شوال المقبل.", ("1 شوال المقبل", "2017-06-25"))
add(r, "بدأ الصيام في 1 رمضان 1437 هـ.", ("1 رمضان 1437 هـ", "2016-06-06"))
# Levantine, Maghrebi and paired month names
add(r, "انتخب رئيساً في 5 تشرين الثاني 2015.", ("5 تشرين الثاني 2015", "2015-11-05"))
add(r, "عاد المغتربون في كانون الأول الماضي.", ("كانون الأول الماضي", "2015-12"))
add(r, "يبدأ المهرجان في أيار المقبل.", ("أيار المقبل", "2017-05"))
add(r, "يبدأ الحفل يوم 14 جويلية في الساحة.", ("يوم 14 جويلية", "2016-07-14"))
add(r, "تراجعت الصادرات في أوت 2015.", ("أوت 2015", "2015-08"))
add(r, "وقعت الاتفاقية في 2 نيسان/أبريل 2016.", ("2 نيسان/أبريل 2016", "2016-04-02"))

r = "2019-03-14"  # a Thursday
R = D(r)
add(r, "ستعقد الجلسة يوم الأحد القادم.", ("يوم الأحد القادم", day(next_wd(R, SUN))))
add(r, "أعلنت النتائج الأربعاء الماضي.", ("الأربعاء الماضي", day(prev_wd(R, WED))))
add(r, "يصل الضيوف الثلاثاء 19 إلى الفندق.", ("الثلاثاء 19", wd_day(R, TUE, 19)))
add(r, "سيعلن القرار بعد ثلاثة أيام.", ("بعد ثلاثة أيام", day(R + dt.timedelta(3))))
add(r, "سيعود الفريق غداً الساعة 6 صباحاً.", ("غداً الساعة 6 صباحاً", day(R + dt.timedelta(1))))
add(r, "يفتتح المعرض في 3/4 المقبل.", ("3/4 المقبل", "2019-04-03"))
add(r, "ستتم الصيانة الاثنين من الأسبوع المقبل.", ("الاثنين من الأسبوع المقبل", day(iso_week_day(R, 1, MON))))
add(r, "انتهت الاستشارة قبل بضع سنوات.", ("قبل بضع سنوات", "2016"))
add(r, "عقدت الجولة الأولى في العاشر من رجب 1440.", ("العاشر من رجب 1440", "2019-03-17"))

with open("forms.jsonl", "w", encoding="utf-8") as f:
    for it in items:
        f.write(json.dumps(it, ensure_ascii=False) + "\n")
print(len(items), "sentences")
