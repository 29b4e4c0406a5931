# البحث وموجز الأخبار والانتقال إلى الأخبار.

## موجز الأخبار: عنوان الموجز وعنوان الرابط إليه. $site هو عنوان الموقع.
feed-title = { $site }: الأخبار
# اسم النسق بالحروف اللاتينية معزول بالمحرفين U+2066 وU+2069 كي يحافظ على ترتيبه داخل النص العربي.
feed-subscribe = موجز الأخبار ({"\u2066"}Atom{"\u2069"})

## البحث. تعمل صفحة البحث في المتصفح، وفيه يُملأ $count و$query.
search-title = البحث
search-label = البحث في هذا الموقع
search-placeholder = مثلاً: البرنامج، المتحدثون
search-submit = بحث
search-results = { $count ->
    [zero] لم يُعثر على أي صفحة
    [one] عُثر على صفحة واحدة
    [two] عُثر على صفحتين
    [few] عُثر على { $count } صفحات
    [many] عُثر على { $count } صفحة
   *[other] عُثر على { $count } صفحة
}
search-no-results = لا توجد صفحة تطابق "{ $query }".
search-noscript = يعمل البحث في متصفحكم ويتطلب تفعيل جافا سكريبت. وجميع الصفحات مدرجة أيضاً في قائمة التنقل أعلاه.
search-unavailable = تعذّر تحميل فهرس البحث. يُرجى المحاولة مرة أخرى لاحقاً.

## البرنامج في نتائج البحث: نوع النتيجة، مع تاريخها ووقتها أو قاعتها أو صفتها أو جهتها
search-session = جلسة · { $when }
search-session-room = جلسة · { $when } · { $room }
search-person = شخص
search-person-role = شخص · { $role }
search-person-organization = شخص · { $organization }
search-person-role-organization = شخص · { $role }، { $organization }
search-organization = منظمة
