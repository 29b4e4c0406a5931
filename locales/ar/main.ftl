# نصوص واجهة موقع المنتدى. لكل رسالة نص باللغات الست.

## الصفحة
skip-link = الانتقال إلى المحتوى الرئيسي
site-nav-label = القائمة الرئيسية
language-nav-label = اللغات
page-contents = في هذه الصفحة
section-pages = في هذا القسم

## القائمة
nav-home = الصفحة الرئيسية
nav-about = نبذة عن المنتدى
nav-programme = برنامج المنتدى
nav-organizers = الجهات المنظمة والشريكة
nav-participate = المشاركة
nav-letter = رسالة الدعوة
nav-contact = الاتصال

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
footer-organizers = يشترك في تنظيم المنتدى الاتحاد الدولي للاتصالات واليونسكو والأونكتاد وبرنامج الأمم المتحدة الإنمائي، ويستضيفه الاتحاد الدولي للاتصالات.
footer-languages = يُنشر هذا الموقع باللغات الرسمية الست للأمم المتحدة.
# اسم البرنامج بالحروف اللاتينية معزول بالمحرفين U+2066 وU+2069 كي يحافظ على ترتيبه داخل النص العربي.
footer-built-with = أُنشئ باستخدام {"\u2066"}hexaglot{"\u2069"}

## الصفحة الرئيسية والبرنامج والمنظمون
home-final-week = الأسبوع الأخير
home-pre-events = الفعاليات السابقة للمنتدى
home-co-organizers = المنظمات المشتركة في التنظيم
home-take-part = المشاركة في المنتدى
home-see-programme = الاطلاع على برنامج المنتدى
programme-tracks = المساران وأشكال الجلسات
programme-key-dates = المواعيد الرئيسية
organizers-co = المنظمات المشتركة في التنظيم
organizers-host = الجهة المضيفة
organizers-partners = بمشاركة كيانات الأمم المتحدة التالية
person-with-role = { $name }، { $role }

## فترات التواريخ: تكتبها أنماط CLDR للفترات، وهذه الرسالة تصوغ ما حولها فقط
## (بأسلوب رسالة الدعوة: 17-21 مايو 2021)
date-range = { $difference ->
    [day] { $start }-{ $end }
   *[other] { $start } - { $end }
}
