"""Date arithmetic shared by the *_gen.py scripts that write the date test
sets. Expected values are computed here with Python's datetime,
independently of the Go engine. Weekdays are numbered Monday=0."""
import datetime as dt
import json

D = dt.date
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def d(x):
    return x.isoformat()


def days(ref, n):
    """The day n days after ref (before it when n < 0)."""
    return d(ref + dt.timedelta(n))


def addm(ref, n):
    """The month n months after ref's, as YYYY-MM."""
    t = ref.year * 12 + ref.month - 1 + n
    return "%04d-%02d" % (t // 12, t % 12 + 1)


def _step(x, wd, step):
    while x.weekday() != wd:
        x += dt.timedelta(step)
    return d(x)


def wd_on_before(ref, wd):
    """Weekday wd on or before ref."""
    return _step(ref, wd, -1)


def wd_before(ref, wd):
    """Weekday wd strictly before ref."""
    return _step(ref - dt.timedelta(1), wd, -1)


def wd_after(ref, wd):
    """Weekday wd strictly after ref."""
    return _step(ref + dt.timedelta(1), wd, 1)


def week_day(ref, weeks, wd):
    """Weekday wd of the Monday-to-Sunday week `weeks` weeks after ref's
    (before it when weeks < 0)."""
    return d(ref + dt.timedelta(7 * weeks + wd - ref.weekday()))


def wd_day(ref, wd, day):
    """The date with day of month `day` on weekday wd nearest ref."""
    best = None
    for n in range(-3, 4):
        m = ref.month - 1 + n
        y, m = ref.year + m // 12, m % 12 + 1
        try:
            x = dt.date(y, m, day)
        except ValueError:
            continue
        if x.weekday() == wd and (best is None or abs(x - ref) < abs(best - ref)):
            best = x
    return best.isoformat()


class Rows:
    """The sentences of a set: add them, then write them as JSON lines."""

    def __init__(self):
        self.rows = []

    def add(self, ref, text, *want):
        if isinstance(ref, dt.date):
            ref = ref.isoformat()
        self.rows.append({"ref": ref or "", "text": text, "want": [list(w) for w in want]})

    def write(self, path):
        with open(path, "w", encoding="utf-8") as f:
            for r in self.rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")


def week(ref, n):
    """The ISO 8601 week n weeks after ref's, as YYYY-Www (a week named as
    a calendar period: الأسبوع الماضي، هذا الأسبوع, last week)."""
    y, w, _ = (ref + dt.timedelta(7 * n)).isocalendar()
    return "%04d-W%02d" % (y, w)
