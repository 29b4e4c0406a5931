# UI strings of the synthetic benchmark theme.
languages = 语言
tags = 标签
not-found = 找不到页面
