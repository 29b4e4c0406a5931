# البحث وموجز الأخبار والانتقال إلى الأخبار.

nav-news = الأخبار

## موجز Atom: عنوان الموجز وعنوان الرابط إليه. $site هو عنوان الموقع.
feed-title = { $site }: الأخبار
feed-subscribe = موجز الأخبار (Atom)

## البحث. تعمل صفحة البحث في المتصفح، وفيه يُملأ $count و$query.
search-title = البحث
search-label = البحث في هذا الموقع
search-placeholder = مثلاً: المنتدى، أهداف التنمية المستدامة
search-submit = بحث
search-results = { $count ->
    [zero] لم يُعثر على أي صفحة
    [one] عُثر على صفحة واحدة
    [two] عُثر على صفحتين
    [few] عُثر على { $count } صفحات
    [many] عُثر على { $count } صفحة
   *[other] عُثر على { $count } صفحة
}
search-no-results = لا توجد صفحة تطابق «{ $query }».
search-noscript = يعمل البحث في متصفحك ويتطلب تفعيل JavaScript. وجميع الصفحات مدرجة أيضاً في قائمة التنقل أعلاه.
search-unavailable = تعذّر تحميل فهرس البحث. يُرجى المحاولة مرة أخرى لاحقاً.
