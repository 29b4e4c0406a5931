### 网站自己的界面文字：菜单、页脚和首页按钮（由 content/site.yaml 指定）。
### 主题的文字位于 themes/agora/locales/：如需修改，在此定义同名消息即可。

## 菜单
nav-home = 首页
nav-about = 关于会议
nav-programme = 活动方案
nav-schedule = 日程
nav-news = 新闻
nav-contact = 联系方式

## 首页按钮
home-see-schedule = 查看日程

## 页脚
footer-note = 由示例组织主办。（此为示例：请在 locales/zh/site.ftl 中修改此行。）
