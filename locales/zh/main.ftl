# 论坛主题的界面文字。每条消息均有六种语文版本。

## 页面
skip-link = 跳至主要内容
site-nav-label = 主导航
language-nav-label = 语言
page-contents = 本页内容
section-pages = 本栏目页面

## 导航
nav-home = 首页
nav-about = 关于论坛
nav-programme = 论坛日程
nav-organizers = 组织方和合作伙伴
nav-participate = 参与方式
nav-letter = 邀请函
nav-contact = 联系方式

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
footer-organizers = 本论坛由国际电联、教科文组织、贸发会议和开发署共同组织，由国际电联承办。
footer-languages = 本网站以联合国六种正式语文发布。
footer-built-with = 由hexaglot生成

## 首页、论坛日程和组织方
home-final-week = 最后一周
home-pre-events = 会前活动
home-co-organizers = 共同组织方
home-take-part = 参与论坛
home-see-programme = 查看论坛日程
programme-tracks = 会议系列和会议形式
programme-key-dates = 重要日期
organizers-co = 共同组织方
organizers-host = 承办方
organizers-partners = 参与组织工作的联合国实体
person-with-role = { $role }{ $name }

## 日期范围：由CLDR的区间格式生成，此消息只确定连接方式
date-range = { $start }至{ $end }
