/* The visitor's own time beside each session time: progressive enhancement.

   Each session time is a <time class="event-time"> whose datetime is the start in UTC,
   with data-end (the end in UTC), data-day (the date the session is listed under, in
   its own zone) and data-offset (that zone's offset in minutes). Where the visitor's
   clock differs, the script adds "Your time: 01:00–01:30 GMT+9", and a "+1 day" or
   "−1 day" mark when the visitor's date is not the listed one. The schedule itself stays
   grouped by the event's days.

   The browser's Intl writes the times, the range (CLDR's interval format, with the
   hour's pattern across midnight, as the server writes it) and the zone (CLDR's
   localized GMT format), in the page's CLDR locale with its numbering system
   (data-locale: "ar-JO-u-nu-arab"), on a 24-hour clock unless the locale asks for
   another. The words around them come from the <script> element's data attributes,
   written from Fluent by the theme. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.Intl || !Intl.DateTimeFormat) { return; }
  function data(name, fallback) { return script.getAttribute("data-" + name) || fallback; }
  var template = data("template", "{time}");
  var rangePattern = data("range", "{range}");
  var zonePattern = data("zone", "{offset}");
  var later = data("later", "+1");
  var earlier = data("earlier", "−1");
  var locale = data("locale", document.documentElement.lang || undefined);
  var options = { hour: "2-digit", minute: "2-digit" };
  if (!/-u-(?:.*-)?hc-/.test(locale)) { options.hourCycle = "h23"; }
  var format, zoneFormat;
  try {
    format = new Intl.DateTimeFormat(locale, options);
    zoneFormat = new Intl.DateTimeFormat(locale, { timeZoneName: "shortOffset" });
  } catch (e) {
    format = new Intl.DateTimeFormat(undefined, options);
    zoneFormat = new Intl.DateTimeFormat(undefined, { timeZoneName: "shortOffset" });
  }

  function fill(pattern, values) {
    return pattern.replace(/\{(\w+)\}/g, function (all, key) { return key in values ? values[key] : all; });
  }

  function join(parts, sources) {
    return parts.filter(function (p) { return sources.indexOf(p.source) >= 0; })
      .map(function (p) { return p.value; }).join("");
  }

  /* The range of two times of day: `end` is moved to the day of `start`, so that Intl
     picks the hour's interval pattern ("23:30–00:30") as the server does, not two
     whole dates. */
  function timeRange(start, end) {
    var sameDay = new Date(start.getTime());
    sameDay.setHours(end.getHours(), end.getMinutes(), 0, 0);
    if (!format.formatRangeToParts) {
      return fill(rangePattern, { range: format.format(start) + " – " + format.format(end), start: format.format(start), end: format.format(end) });
    }
    if (sameDay.getTime() === start.getTime()) { return format.format(start); }
    var parts = format.formatRangeToParts(start, sameDay);
    return fill(rangePattern, {
      start: join(parts, ["startRange"]).trim(),
      end: join(parts, ["endRange"]).trim(),
      range: join(parts, ["startRange", "shared", "endRange"])
    });
  }

  /* The visitor's zone in the locale's localized GMT format ("GMT+9", "UTC+9", "غرينتش+٩"). */
  function zoneName(date) {
    var parts = zoneFormat.formatToParts(date);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === "timeZoneName") { return fill(zonePattern, { offset: parts[i].value }); }
    }
    return "";
  }

  /* Writes the zone text into `el`. After right-to-left letters ("غرينتش+9"), CLDR puts a
     left-to-right mark before the sign of Western digits, so that the offset reads "+9",
     as the server writes it beside; some browsers' data lack the mark, and the sign
     would then stand on the other side of its digits. The sign and its digits are
     isolated left to right instead. Arabic-Indic digits read right to left with the
     page, and are left as they are. */
  function writeZone(el, text) {
    var m = /^(.*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe])([+\-\u2212][0-9][0-9:]*)(.*)$/.exec(text);
    if (!m) { el.textContent = text; return; }
    el.appendChild(document.createTextNode(m[1]));
    var offset = document.createElement("bdi");
    offset.setAttribute("dir", "ltr");
    offset.textContent = m[2];
    el.appendChild(offset);
    el.appendChild(document.createTextNode(m[3]));
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
    var time = document.createElement("time");
    time.setAttribute("datetime", el.getAttribute("datetime"));
    time.textContent = timeRange(start, end);
    // After Arabic words, "01:00-02:30" in Western digits would read as Arabic numbers
    // and the range would flip; isolated left to right, it reads as the event's time
    // beside it does. Arabic-Indic digits read right to left, as the page does.
    if (/[0-9]/.test(time.textContent)) { time.setAttribute("dir", "ltr"); }
    box.appendChild(time);
    box.appendChild(document.createTextNode(" "));
    var zone = document.createElement("bdi");
    zone.className = "zone";
    writeZone(zone, zoneName(start));
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
