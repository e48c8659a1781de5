"""Seven invented sites used to tune the cleaning rules."""

from __future__ import annotations

from eval.sites import parts
from eval.sites.page import Context, Template

SECTIONS = ["الرئيسية", "أخبار", "سياسة", "اقتصاد", "رياضة", "ثقافة", "فن", "منوعات", "محليات",
            "عربي ودولي", "تكنولوجيا", "صحة", "رأي", "فيديو", "صور", "مقالات", "تقارير", "حوارات"]
NETWORKS = ["فيسبوك", "تويتر", "واتساب", "تيليجرام", "إنستغرام", "يوتيوب", "لينكدإن", "Facebook",
            "Twitter", "WhatsApp"]
SITES = ["شبكة الأفق الإخبارية", "صحيفة المدار", "بوابة النخيل", "وكالة الشروق للأنباء",
         "المنارة نيوز", "جريدة الصباح الجديد", "موقع الحدث اليوم"]


def _sections(ctx: Context, k: int) -> list[str]:
    return ["الرئيسية"] + ctx.pick(SECTIONS[1:], k)


def portal(ctx: Context) -> None:
    """Site name, menu with bars, breadcrumb with », stamp, share row, tags, related, footer."""
    site = ctx.pick(SITES)
    ctx.boiler(site, "header")
    ctx.menu(_sections(ctx, 6), " | ")
    section = ctx.pick(SECTIONS[1:])
    ctx.boiler(f"الرئيسية » {section} » {ctx.article.title}")
    ctx.title()
    ctx.boiler(f"نشر في: {parts.date(ctx.rng)} - {parts.time(ctx.rng)}")
    ctx.boiler("شارك: " + " ".join(ctx.pick(NETWORKS, 4)))
    ctx.body()
    ctx.boiler("الوسوم: " + "، ".join(ctx.pick(SECTIONS[3:], 3)))
    ctx.boiler_list(ctx.pick(ctx.others, 4), "أخبار ذات صلة", bullet="- ")
    ctx.boiler("اشترك في النشرة البريدية ليصلك أهم الأخبار يومياً")
    ctx.boiler(f"جميع الحقوق محفوظة © {ctx.rng.randint(2015, 2018)} {site}", "footer")


def wire(ctx: Context) -> None:
    """Breadcrumb with >, update stamp, byline, share row after the body, bare related lines."""
    ctx.boiler(f"الرئيسية > {ctx.pick(SECTIONS[1:])} > {ctx.pick(SECTIONS[1:])}")
    ctx.title()
    ctx.boiler(f"آخر تحديث: {parts.date(ctx.rng)} {parts.time(ctx.rng)}")
    ctx.body(blank=True)
    ctx.boiler("مشاركة عبر: " + " | ".join(ctx.pick(NETWORKS, 3)))
    ctx.boiler_list(ctx.pick(ctx.others, 3))
    ctx.menu(["من نحن", "اتصل بنا", "سياسة الخصوصية", "أعلن معنا"], " | ")


def magazine(ctx: Context) -> None:
    """Cookie prompt, site name and tagline, one menu item a line, category line, a 'read also'
    line inside the body, comment counter, follow row."""
    ctx.boiler("يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك. موافق")
    ctx.boiler(ctx.pick(SITES), "header")
    ctx.boiler("مجلة أسبوعية شاملة")
    ctx.menu(_sections(ctx, 4), None)
    ctx.boiler(ctx.pick(SECTIONS[1:]))
    ctx.title()
    ctx.boiler(f"{parts.date(ctx.rng, 2)} | {parts.time(ctx.rng, 1)}")
    middle = max(0, len(ctx.article.paragraphs) // 2 - 1)
    ctx.body(inserts={middle: lambda: ctx.boiler("اقرأ أيضاً: " + ctx.pick(ctx.others))})
    ctx.boiler(f"التعليقات ({ctx.rng.randint(0, 40)})")
    ctx.boiler("تابعونا على: " + " - ".join(ctx.pick(NETWORKS, 4)))


def blog(ctx: Context) -> None:
    """'Title - Site' header line, a date alone, comment prompts, bulleted related titles."""
    site = ctx.pick(SITES)
    ctx.boiler(f"{ctx.article.title} - {site}")
    ctx.boiler(parts.date(ctx.rng))
    ctx.title("h2")
    ctx.body()
    ctx.boiler(f"{ctx.rng.randint(0, 30)} تعليقات")
    ctx.boiler("أضف تعليقاً")
    ctx.boiler_list(ctx.pick(ctx.others, 4), "قد يعجبك أيضاً", bullet="• ")
    ctx.boiler(f"© {site}")


def channel(ctx: Context) -> None:
    """Menu with spaces, a breaking-news ticker with another headline, stamp pair, video label,
    a numbered 'most viewed' list, footer links."""
    ctx.menu(_sections(ctx, 5), "  ")
    ctx.boiler("عاجل: " + ctx.pick(ctx.others))
    ctx.title()
    ctx.boiler(f"نشر في {parts.date(ctx.rng)} | آخر تحديث {parts.time(ctx.rng)}")
    ctx.boiler("فيديو")
    ctx.body()
    ctx.boiler_list([f"{i + 1}. {t}" for i, t in enumerate(ctx.pick(ctx.others, 5))], "الأكثر مشاهدة")
    ctx.menu(["الشروط والأحكام", "سياسة الخصوصية", "اتصل بنا"], " - ")


def newspaper(ctx: Context) -> None:
    """Edition line, page label, tools row, a footer with the paper's address."""
    ctx.boiler(f"العدد {ctx.rng.randint(1000, 19999)} - {parts.date(ctx.rng, 2)}")
    ctx.boiler(f"الصفحة: {ctx.pick(SECTIONS[1:])}")
    ctx.title()
    ctx.body(blank=True)
    ctx.boiler("طباعة | إرسال | حفظ | تكبير الخط | تصغير الخط")
    box, phone = ctx.rng.randint(100, 9999), ctx.rng.randint(2000000, 9999999)
    ctx.boiler(f"{ctx.pick(SITES)} - ص.ب {box} - هاتف {phone}")


def aggregator(ctx: Context) -> None:
    """Category lines that carry other headlines, above and below; source label; a related list."""
    for other in ctx.pick(ctx.others, 2):
        ctx.boiler(f"{ctx.pick(SECTIONS[1:])} | {other}")
    ctx.title()
    ctx.boiler(f"المصدر: {ctx.pick(SITES)}")
    ctx.body()
    ctx.boiler_list(ctx.pick(ctx.others, 3), "مواضيع قد تهمك")
    ctx.boiler(f"{ctx.pick(SECTIONS[1:])}: {ctx.pick(ctx.others)}")
    ctx.boiler("Facebook Twitter WhatsApp Telegram")


DEV = (
    Template("portal", portal),
    Template("wire", wire),
    Template("magazine", magazine, head_title=lambda ctx: f"{ctx.article.title} | مجلة"),
    Template("blog", blog),
    Template("channel", channel),
    Template("newspaper", newspaper),
    Template("aggregator", aggregator),
)
