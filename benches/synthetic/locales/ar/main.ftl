# UI strings of the synthetic benchmark theme.
languages = اللغات
tags = الوسوم
not-found = الصفحة غير موجودة
