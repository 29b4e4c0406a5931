/*
 * The root 404 page shows "page not found" in every language. Keep only the language of
 * the missing URL: the section whose home path (data-home, with the base path) is the
 * longest prefix of the URL's path (a default language published at the root matches
 * every path, so a longer one wins); failing that, the browser's preferred language.
 */
(function () {
  "use strict";
  var sections = Array.prototype.slice.call(document.querySelectorAll(".not-found-lang[data-home]"));
  if (sections.length < 2) return;
  var path;
  try {
    path = decodeURI(location.pathname);
  } catch (e) {
    path = location.pathname;
  }
  var chosen = null;
  sections.forEach(function (s) {
    var home = s.getAttribute("data-home");
    if (path.indexOf(home) === 0 && (!chosen || home.length > chosen.getAttribute("data-home").length)) chosen = s;
  });
  if (!chosen) {
    var wanted = navigator.languages || [navigator.language || ""];
    for (var i = 0; i < wanted.length && !chosen; i++) {
      var code = String(wanted[i]).toLowerCase().split("-")[0];
      chosen = sections.filter(function (s) { return s.lang.toLowerCase().split("-")[0] === code; })[0] || null;
    }
  }
  if (!chosen) return;
  sections.forEach(function (s) { s.hidden = s !== chosen; });
  document.documentElement.lang = chosen.lang;
  document.documentElement.dir = chosen.dir;
  document.title = chosen.getAttribute("data-title");
})();
