# 搜索、新闻订阅源和新闻导航。

## Atom 订阅源：订阅源及其链接的标题。$site 为网站标题。
feed-title = { $site }：新闻
feed-subscribe = 新闻订阅源（Atom）

## 搜索。搜索页面在浏览器中运行；$count 和 $query 在浏览器中填入。
search-title = 搜索
search-label = 搜索本网站
search-placeholder = 例如：日程、发言人
search-submit = 搜索
search-results = 找到{ $count }个页面
search-no-results = 没有与“{ $query }”匹配的页面。
search-noscript = 搜索功能在您的浏览器中运行，需要启用JavaScript。所有页面也列在上方的导航栏中。
search-unavailable = 无法加载搜索索引，请稍后再试。

## 搜索结果中的会议日程：结果的类型，以及日期和时间、会议室、职务或机构
search-session = 会议｜{ $when }
search-session-room = 会议｜{ $when }｜{ $room }
search-person = 人员
search-person-role = 人员｜{ $role }
search-person-organization = 人员｜{ $organization }
search-person-role-organization = 人员｜{ $role }，{ $organization }
search-organization = 机构
