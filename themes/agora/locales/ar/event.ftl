# نصوص صفحات الحدث: الجدول والجلسات والأشخاص والمنظمات والتقاويم. لكل رسالة نص باللغات الست.

## أوقات الجلسات: تكتب CLDR الأوقات وفتراتها وأسماء المناطق الزمنية، وهذه الرسائل تصوغ ما حولها
## بساعة من 24 ساعة وأرقام غربية كما في رسالة الدعوة
time-range = { $start }-{ $end }
time-range-later = { $range } { $days ->
    [one] (اليوم التالي)
    [two] (بعد يومين)
    [few] (بعد { $days } أيام)
   *[other] (بعد { $days } يومًا)
}
session-zone = { $name } ({ $offset })
session-zone-offset = { $offset }

## الوقت المحلي للزائر، يضيفه local-time.js
local-time = بتوقيتكم المحلي: { $time }
local-time-day-later = اليوم التالي
local-time-day-earlier = اليوم السابق

## الجدول
schedule-title = جدول الجلسات
schedule-views-label = طرق عرض الجدول
schedule-by-day = حسب اليوم
schedule-by-track = حسب المسار
schedule-no-track = جلسات أخرى
# The heading of the timetable's one column, when sessions have no room and no track.
schedule-sessions = الجلسات
# The schedule grouped by room and by format, beside by day and by track.
schedule-by-room = حسب القاعة
schedule-by-format = حسب الشكل
# The schedule's filter: its legend, the name of each choice, the choice of every
# value, and what it says when nothing matches.
schedule-filter-label = تصفية جدول الجلسات
schedule-filter-day = اليوم
schedule-filter-track = المسار
schedule-filter-room = القاعة
schedule-filter-format = الشكل
schedule-filter-all = الكل
schedule-filter-empty = لا توجد جلسة تطابق هذا الاختيار.
calendar-programme = إضافة البرنامج إلى التقويم
schedule-exchange-note = للاستخدام في تطبيقك: يمكن لتطبيقات الجداول الزمنية مثل Giggity وEventFahrplan وConfClerk متابعة البرنامج من أي من هذين الملفين.
schedule-exchange-xml = البرنامج (XML)
schedule-exchange-json = البرنامج (JSON)
exchange-no-room = بلا قاعة محددة
programme-schedule-by-day = جدول الجلسات حسب اليوم
programme-schedule-by-track = جدول الجلسات حسب المسار

## صفحة الجلسة
session-when = التاريخ والوقت
session-room = القاعة
session-stream = متابعة الجلسة عبر الإنترنت
session-interpretation = الترجمة الشفوية
session-accessibility = إمكانية النفاذ
session-captioning = ترجمة نصية مباشرة
session-people = المتحدثون
session-organizations = المنظمات
session-add-to-calendar = إضافة إلى التقويم
session-calendar-file = ملف تقويم (ics)
session-calendar-google = تقويم Google
session-register = التسجيل
session-venue = المكان
# $floor: the floor number, 0 for the ground floor.
session-floor = { $floor ->
    [0] الطابق الأرضي
   *[other] الطابق { $floor }
}
session-capacity = { $capacity ->
    [one] مقعد واحد
    [two] مقعدان
    [few] { $capacity } مقاعد
    [many] { $capacity } مقعدًا
   *[other] { $capacity } مقعد
}
session-map = الخريطة
session-attend = طريقة المشاركة
session-mode-online = عبر الإنترنت فقط
session-mode-offline = حضوريًا فقط
session-mode-mixed = حضوريًا وعبر الإنترنت
session-recording = مشاهدة التسجيل

## الأشخاص والمنظمات
person-sessions = الجلسات
organization-website = الموقع الإلكتروني
organization-people = الأشخاص
organization-sessions = الجلسات
tier-co-organizer = منظمة مشتركة في التنظيم
tier-partner = جهة مشاركة
tier-commission = لجان مشاركة

# فوق وصف الجلسة المعروض بلغة أخرى (ليس للجلسة وصف بلغة الصفحة).
session-description-fallback = هذا الوصف غير متاح بعد { $requested }، ويُعرض نصه أدناه { $original }.
