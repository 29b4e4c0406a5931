# 页面内容：目录、分页、短代码、图片（docs/page-features.md）。
pagination-label = 分页
pagination-newer = 较新
pagination-older = 较早
pagination-number = { $number }
pagination-current = 第{ $number }页，共{ $total }页
video-play = 播放视频
video-notice = 视频由{ $provider }播放：播放时将加载其页面。
video-watch = 在{ $provider }上观看
callout-note = 说明
callout-warning = 警告
callout-tip = 提示
# The title of a page's table of contents.
page-contents = 本页内容
