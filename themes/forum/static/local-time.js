/* The visitor's own time beside each session time: progressive enhancement.

   Each session time is a <time class="event-time"> whose datetime is the start in UTC,
   with data-end (the end in UTC), data-day (the date the session is listed under, in
   its own zone) and data-offset (that zone's offset in minutes). Where the visitor's
   clock differs, the script adds "Your time: 01:00–01:30 UTC+9", and a "+1 day" or
   "−1 day" mark when the visitor's date is not the listed one. The schedule itself stays
   grouped by the event's days. The words and patterns come from the <script> element's
   data attributes, written from Fluent by the theme; times are formatted by the
   browser's Intl with a 24-hour clock and Western digits, as the server formats them. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.Intl || !Intl.DateTimeFormat) { return; }
  function data(name, fallback) { return script.getAttribute("data-" + name) || fallback; }
  var template = data("template", "{time}");
  var rangePattern = data("range", "{start}–{end}");
  var zonePattern = data("zone", "UTC{offset}");
  var utc = data("utc", "UTC");
  var later = data("later", "+1");
  var earlier = data("earlier", "−1");
  var lang = document.documentElement.lang || undefined;
  var options = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", numberingSystem: "latn" };
  var format;
  try { format = new Intl.DateTimeFormat(lang, options); } catch (e) { format = new Intl.DateTimeFormat(undefined, options); }

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  /* ["20:00–20:30", "UTC+9"], with the page's own patterns, as the event's times read. */
  function range(start, end) {
    var minutes = -start.getTimezoneOffset();
    var abs = Math.abs(minutes);
    var offset = (minutes < 0 ? "-" : "+") + Math.floor(abs / 60) + (abs % 60 ? ":" + String(abs % 60).replace(/^(\d)$/, "0$1") : "");
    var zone = minutes === 0 ? utc : fill(zonePattern, { offset: offset });
    return [fill(rangePattern, { start: format.format(start), end: format.format(end) }), zone];
  }

  /* Whole days between the visitor's date of `start` and the listed day (YYYY-MM-DD). */
  function dayShift(start, listed) {
    var p = listed.split("-");
    var visitor = Date.UTC(start.getFullYear(), start.getMonth(), start.getDate());
    return Math.round((visitor - Date.UTC(+p[0], +p[1] - 1, +p[2])) / 86400000);
  }

  function addLocalTime(el) {
    var start = new Date(el.getAttribute("datetime"));
    var end = new Date(el.getAttribute("data-end"));
    if (isNaN(start) || isNaN(end)) { return; }
    if (-start.getTimezoneOffset() === Number(el.getAttribute("data-offset"))) { return; }
    var box = document.createElement("span");
    box.className = "local-time";
    var parts = template.split("{time}");
    box.appendChild(document.createTextNode(parts[0]));
    var text = range(start, end);
    var time = document.createElement("time");
    time.setAttribute("datetime", el.getAttribute("datetime"));
    // After Arabic words, "01:00-02:30" would read as Arabic numbers and the range would
    // flip; isolated left to right, it reads as the event's time beside it does.
    time.setAttribute("dir", "ltr");
    time.textContent = text[0];
    box.appendChild(time);
    box.appendChild(document.createTextNode(" "));
    var zone = document.createElement("bdi");
    zone.className = "zone";
    zone.textContent = text[1];
    box.appendChild(zone);
    box.appendChild(document.createTextNode(parts.slice(1).join("")));
    var shift = dayShift(start, el.getAttribute("data-day"));
    if (shift !== 0) {
      var mark = document.createElement("span");
      mark.className = "day-shift";
      mark.textContent = shift > 0 ? later : earlier;
      box.appendChild(document.createTextNode(" "));
      box.appendChild(mark);
    }
    el.parentNode.appendChild(box);
  }

  var times = document.querySelectorAll("time.event-time[data-end]");
  for (var i = 0; i < times.length; i++) { addLocalTime(times[i]); }
})();
