# 活动页面的界面文字：日程、会议、人员、组织、日历。
# 每条消息都有六种语文版本（themes/agora/locales/<lang>/event.ftl）。

## 会议时间：时间、时间范围和时区名称由CLDR生成，以下消息只确定其周围的措辞
time-range = { $start }至{ $end }
time-range-later = { $range }（{ $days ->
    [1] 次日
   *[other] { $days }天后
}）
session-zone = { $name }（{ $offset }）
session-zone-offset = { $offset }

## 访问者的当地时间，由local-time.js添加
local-time = 您的当地时间：{ $time }
local-time-day-later = +1天
local-time-day-earlier = −1天

## 日程
schedule-title = 会议日程
schedule-views-label = 日程视图
schedule-by-day = 按日期
schedule-by-track = 按会议系列
schedule-no-track = 其他会议
# The heading of the timetable's one column, when sessions have no room and no track.
schedule-sessions = 会议
# The schedule grouped by room and by format, beside by day and by track.
schedule-by-room = 按会议室
schedule-by-format = 按形式
# The schedule's filter: its legend, the name of each choice, the choice of every
# value, and what it says when nothing matches.
schedule-filter-label = 筛选日程
schedule-filter-day = 日期
schedule-filter-track = 会议系列
schedule-filter-room = 会议室
schedule-filter-format = 形式
schedule-filter-all = 全部
schedule-filter-empty = 没有符合所选条件的会议。
calendar-programme = 将论坛日程添加到日历
schedule-exchange-note = 在您的应用中使用：Giggity、EventFahrplan、ConfClerk等日程应用可以通过以下任一文件跟踪日程。
schedule-exchange-xml = 日程（XML）
schedule-exchange-json = 日程（JSON）
exchange-no-room = 未指定会议室
programme-schedule-by-day = 按日期查看会议日程
programme-schedule-by-track = 按会议系列查看会议日程

## 会议页面
session-when = 日期和时间
session-room = 会议室
session-stream = 在线观看会议
session-interpretation = 口译
session-accessibility = 无障碍
session-captioning = 实时字幕
session-people = 发言人
session-organizations = 组织
session-add-to-calendar = 添加到日历
session-calendar-file = 日历文件（.ics）
session-calendar-google = Google日历
session-register = 注册
session-venue = 会场
# $floor: the floor number, 0 for the ground floor.
session-floor = { $floor ->
    [0] 底层
   *[other] { $floor }层
}
session-capacity = { $capacity }个座位
session-map = 地图
session-attend = 参会方式
session-mode-online = 仅限线上
session-mode-offline = 仅限现场
session-mode-mixed = 现场和线上
session-recording = 观看录像

## 人员和组织
person-sessions = 会议
organization-website = 网站
organization-people = 人员
organization-sessions = 会议
tier-co-organizer = 共同组织方
tier-partner = 参与组织
tier-commission = 参与的委员会

# 会议说明以另一种语言显示时（该会议没有本页面语言的说明），显示在说明上方。
session-description-fallback = 本说明尚无{ $requested }版本，以下以{ $original }显示。
