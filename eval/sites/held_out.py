"""Three invented sites kept out of all tuning of the cleaning rules: their vocabulary, separators
and orders are their own. Report them apart from the seven dev templates."""

from __future__ import annotations

from eval.sites import parts
from eval.sites.page import Context, Template

_EN_SECTIONS = ["Home", "World", "Middle East", "Business", "Sport", "Opinion", "Science", "Video"]
_AR_SECTIONS = ["الأولى", "الخليج", "العالم", "المال والأعمال", "الملاعب", "أسرة", "علوم",
                "كتاب وآراء", "المشهد", "شباب", "سيارات", "سفر"]
_BRANDS = ["الخليج اليومية", "نبض المدينة", "الرصيف 24", "صدى الوطن"]


def english_ui(ctx: Context) -> None:
    """LTR marks, English interface words, a breadcrumb with /, a GMT stamp, 'Related Stories'."""
    lrm = parts.LRM
    ctx.boiler(f"{lrm}Menu")
    ctx.boiler(f"{lrm}Search")
    ctx.boiler(f"{lrm}Sign in")
    ctx.menu(ctx.pick(_EN_SECTIONS, 5), "   ")
    ctx.boiler(f"{lrm}Home / {ctx.pick(_EN_SECTIONS[1:])} / {ctx.pick(_EN_SECTIONS[1:])}")
    ctx.title()
    clock = f"{ctx.rng.randint(0, 23):02d}:{ctx.rng.randint(0, 59):02d}"
    ctx.boiler(f"{lrm}Published {parts.en_date(ctx.rng)} {clock} GMT")
    ctx.boiler(f"{lrm}Share on Facebook  Tweet  Email")
    ctx.body()
    ctx.boiler_list(ctx.pick(ctx.others, 3), f"{lrm}Related Stories")
    ctx.boiler(f"{lrm}© {ctx.rng.randint(2016, 2018)} All rights reserved.")


def gulf_daily(ctx: Context) -> None:
    """Menu with middle dots, date line above the title, byline, newsletter prompt, a numbered
    'read more' list, comment counter in a sentence."""
    brand = ctx.pick(_BRANDS)
    ctx.boiler(f"{parts.RLM}{brand}")
    ctx.menu(ctx.pick(_AR_SECTIONS, 6), " · ")
    ctx.boiler(f"{parts.date(ctx.rng, 4)} - {parts.time(ctx.rng, 2)}")
    ctx.title()
    ctx.boiler(f"بقلم: فريق التحرير في {brand}")
    ctx.body()
    ctx.boiler("سجّل بريدك الإلكتروني لتصلك نشرتنا الصباحية كل يوم.")
    ctx.boiler(" ◄ ".join(["أرسل", "اطبع", "انسخ الرابط"]))
    ctx.boiler_list([f"{i + 1}- {t}" for i, t in enumerate(ctx.pick(ctx.others, 4))], "طالع المزيد")
    ctx.boiler(f"عدد التعليقات: {ctx.rng.randint(0, 99)}")


def mobile(ctx: Context) -> None:
    """A compact mobile page: icons, 'hours ago' stamp, teasers with a section and a headline,
    'back to top', links row."""
    ctx.boiler("☰ القائمة")
    ctx.boiler(ctx.pick(_BRANDS))
    ctx.boiler("🔔 تنبيهات")
    ctx.boiler(f"{ctx.pick(_AR_SECTIONS)} › {ctx.pick(_AR_SECTIONS)}")
    ctx.title()
    ctx.boiler(f"منذ {ctx.rng.randint(2, 11)} ساعات")
    paragraphs = ctx.article.paragraphs
    ctx.body(inserts={min(1, len(paragraphs) - 1): lambda: ctx.boiler("إعلان")})
    for other in ctx.pick(ctx.others, 3):
        ctx.boiler(f"{ctx.pick(_AR_SECTIONS)} — {other}")
    ctx.boiler("العودة إلى الأعلى ▲")
    ctx.menu(["عن الموقع", "راسلنا", "الخصوصية"], " • ")


HELD_OUT = (
    Template("english_ui", english_ui, held_out=True,
             head_title=lambda ctx: f"{ctx.article.title} - News"),
    Template("gulf_daily", gulf_daily, held_out=True),
    Template("mobile", mobile, held_out=True),
)
