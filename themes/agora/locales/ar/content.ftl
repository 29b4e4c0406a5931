# محتوى الصفحات: جداول المحتويات وترقيم الصفحات والرموز المختصرة والصور (docs/page-features.md).
pagination-label = الصفحات
pagination-newer = الأحدث
pagination-older = الأقدم
pagination-number = { $number }
pagination-current = الصفحة { $number } من { $total }
video-play = تشغيل الفيديو
video-notice = يُعرض الفيديو من موقع { $provider }: يؤدي تشغيله إلى تحميل صفحته.
video-watch = المشاهدة على { $provider }
callout-note = ملاحظة
callout-warning = تنبيه
callout-tip = نصيحة
# The title of a page's table of contents.
page-contents = في هذه الصفحة
