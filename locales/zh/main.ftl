### 论坛自己的界面文字：菜单、页脚、首页上的标签，以及论坛取代主题措辞的消息
### （organizers-partners、search-placeholder）。主题的其他消息来自 themes/agora/locales/。

## 导航
nav-home = 首页
nav-about = 关于论坛
nav-programme = 论坛日程
nav-organizers = 组织方和合作伙伴
nav-participate = 参与方式
nav-letter = 邀请函
nav-contact = 联系方式

## 页脚
footer-organizers = 本论坛由国际电联、教科文组织、贸发会议和开发署共同组织，由国际电联承办。
footer-languages = 本网站以联合国六种正式语文发布。

## 首页、论坛日程和组织方
home-final-week = 最后一周
home-pre-events = 会前活动
home-take-part = 参与论坛
home-see-programme = 查看论坛日程
organizers-partners = 参与组织工作的联合国实体
nav-news = 新闻

## 搜索。搜索页面在浏览器中运行；$count 和 $query 在浏览器中填入。
search-placeholder = 例如：论坛、可持续发展目标
