### نصوص واجهة السمة agora: إطار الصفحات والتنبيهات والقوائم والصفحة الرئيسية والبرنامج.
### لكل رسالة نص باللغات الست للأمم المتحدة. ولتغيير رسالة يعرّفها الموقع من جديد في ملفاته
### locales/<lang>/*.ftl، فتُقدَّم على رسالة السمة.

## الصفحة
skip-link = الانتقال إلى المحتوى الرئيسي
site-nav-label = القائمة الرئيسية
language-nav-label = اللغات
section-pages = في هذا القسم

## أسماء اللغات
language-ar = العربية
    .in = باللغة العربية
language-zh = الصينية
    .in = باللغة الصينية
language-en = الإنكليزية
    .in = باللغة الإنكليزية
language-fr = الفرنسية
    .in = باللغة الفرنسية
language-ru = الروسية
    .in = باللغة الروسية
language-es = الإسبانية
    .in = باللغة الإسبانية
language-ils = لغة الإشارة الدولية
    .in = بلغة الإشارة الدولية
language-de = الألمانية
    .in = باللغة الألمانية
language-pt = البرتغالية
    .in = باللغة البرتغالية
language-it = الإيطالية
    .in = باللغة الإيطالية
language-nl = الهولندية
    .in = باللغة الهولندية
language-pl = البولندية
    .in = باللغة البولندية
language-uk = الأوكرانية
    .in = باللغة الأوكرانية
language-tr = التركية
    .in = باللغة التركية
language-fa = الفارسية
    .in = باللغة الفارسية
language-he = العبرية
    .in = باللغة العبرية
language-ur = الأردية
    .in = باللغة الأردية
language-hi = الهندية
    .in = باللغة الهندية
language-bn = البنغالية
    .in = باللغة البنغالية
language-sw = السواحيلية
    .in = باللغة السواحيلية
language-ja = اليابانية
    .in = باللغة اليابانية
language-ko = الكورية
    .in = باللغة الكورية
language-id = الإندونيسية
    .in = باللغة الإندونيسية

## تنبيهات بشأن لغة الصفحة
fallback-notice = هذه الصفحة غير متاحة بعد { $requested }، ويُعرض نصها أدناه { $original }.
translation-official = هذا هو النص الرسمي.
translation-official-original = هذه ترجمة رسمية للنص الأصلي { $original }.
translation-unofficial = هذه ترجمة غير رسمية، والنص الأصلي هو وحده النص المعتمد.
translation-unofficial-original = هذه ترجمة غير رسمية، والنص الأصلي { $original } هو وحده النص المعتمد.
translation-machine = هذه الصفحة مترجمة آلياً، والنص الأصلي هو وحده النص المعتمد.
translation-machine-original = هذه الصفحة مترجمة آلياً، والنص الأصلي { $original } هو وحده النص المعتمد.
translation-read-original = قراءة النص الأصلي

## الوسوم
tags-title = الوسوم
tag-title = الصفحات الموسومة بـ"{ $tag }"
pages-count = { $count ->
    [zero] لا توجد صفحات
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $count } صفحات
    [many] { $count } صفحة
   *[other] { $count } صفحة
}

## صفحة الخطأ واختيار اللغة
not-found-title = الصفحة غير موجودة
not-found-text = الصفحة التي تبحثون عنها غير موجودة أو نُقلت إلى مكان آخر.
not-found-home = الانتقال إلى الصفحة الرئيسية
chooser-title = اختيار اللغة

## تذييل الصفحة
# اسم البرنامج بالحروف اللاتينية معزول بالمحرفين U+2066 وU+2069 كي يحافظ على ترتيبه داخل النص العربي.
footer-built-with = أُنشئ باستخدام {"\u2066"}hexaglot{"\u2069"}

## الصفحة الرئيسية والبرنامج والمنظمون
home-co-organizers = المنظمات المشتركة في التنظيم
programme-tracks = المساران وأشكال الجلسات
programme-key-dates = المواعيد الرئيسية
organizers-co = المنظمات المشتركة في التنظيم
organizers-host = الجهة المضيفة
organizers-partners = المنظمات المشاركة
person-with-role = { $name }، { $role }

## فترات التواريخ: تكتبها أنماط CLDR للفترات، وهذه الرسالة تصوغ ما حولها فقط
## (بأسلوب رسالة الدعوة: 17-21 مايو 2021)
date-range = { $difference ->
    [day] { $start }-{ $end }
   *[other] { $start } - { $end }
}

## طريقة الجمع بين عنوان الصفحة وعنوان الموقع في <title>؛ $page و$site: العنوانان.
page-title = { $page } · { $site }
# اسم المنظمة مع اسمها المختصر؛ $name و$acronym: كلاهما بترميزه.
name-with-acronym = { $name } ({ $acronym })
