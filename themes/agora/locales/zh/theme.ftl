### agora 主题的界面文字：页面框架、提示、列表、首页和方案页。
### 每条消息都有联合国六种语文版本。网站若在自己的 locales/<lang>/*.ftl 中定义同名消息，
### 即以网站的为准。

## 页面
skip-link = 跳至主要内容
site-nav-label = 主导航
language-nav-label = 语言
section-pages = 本栏目页面

## 语文名称
language-ar = 阿拉伯文
    .in = 阿拉伯文
language-zh = 中文
    .in = 中文
language-en = 英文
    .in = 英文
language-fr = 法文
    .in = 法文
language-ru = 俄文
    .in = 俄文
language-es = 西班牙文
    .in = 西班牙文
language-ils = 国际手语
    .in = 国际手语
language-de = 德文
    .in = 德文
language-pt = 葡萄牙文
    .in = 葡萄牙文
language-it = 意大利文
    .in = 意大利文
language-nl = 荷兰文
    .in = 荷兰文
language-pl = 波兰文
    .in = 波兰文
language-uk = 乌克兰文
    .in = 乌克兰文
language-tr = 土耳其文
    .in = 土耳其文
language-fa = 波斯文
    .in = 波斯文
language-he = 希伯来文
    .in = 希伯来文
language-ur = 乌尔都文
    .in = 乌尔都文
language-hi = 印地文
    .in = 印地文
language-bn = 孟加拉文
    .in = 孟加拉文
language-sw = 斯瓦希里文
    .in = 斯瓦希里文
language-ja = 日文
    .in = 日文
language-ko = 韩文
    .in = 韩文
language-id = 印度尼西亚文
    .in = 印度尼西亚文

## 页面语文提示
fallback-notice = 本页面尚无{ $requested }版本，以下以{ $original }显示。
translation-official = 本文为正式文本。
translation-official-original = 本文为{ $original }原文的正式译文。
translation-unofficial = 本文为非正式译文，仅以原文为准。
translation-unofficial-original = 本文为非正式译文，仅以{ $original }原文为准。
translation-machine = 本页面为机器翻译，仅以原文为准。
translation-machine-original = 本页面为机器翻译，仅以{ $original }原文为准。
translation-read-original = 阅读原文

## 标签
tags-title = 标签
tag-title = 标签为“{ $tag }”的页面
pages-count = { $count ->
   *[other] { $count }个页面
}

## 错误页面和语文选择
not-found-title = 未找到页面
not-found-text = 您要查找的页面不存在或已移至别处。
not-found-home = 返回首页
chooser-title = 选择语文

## 页脚
footer-built-with = 由hexaglot生成

## 首页、论坛日程和组织方
home-co-organizers = 共同组织方
programme-tracks = 会议系列和会议形式
programme-key-dates = 重要日期
organizers-co = 共同组织方
organizers-host = 承办方
organizers-partners = 参与组织
person-with-role = { $role }{ $name }

## 日期范围：由CLDR的区间格式生成，此消息只确定连接方式
date-range = { $start }至{ $end }

## <title> 中页面标题与网站标题的连接方式；$page、$site：两个标题。中文不用间隔号（·），它用于外国人名。
page-title = { $page }｜{ $site }
# 组织名称及其简称；$name、$acronym：均已带标记。
name-with-acronym = { $name }（{ $acronym }）
