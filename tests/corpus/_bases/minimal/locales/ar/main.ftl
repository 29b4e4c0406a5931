nav-home = الرئيسية
nav-about = عن الموقع
fallback = هذه الصفحة غير مترجمة؛ تُعرض { $original }.
language-en = باللغة الإنكليزية
pages-count = { $count ->
    [zero] لا صفحات
    [one] صفحة واحدة
    [two] صفحتان
    [few] { $count } صفحات
    [many] { $count } صفحةً
   *[other] { $count } صفحة
}
