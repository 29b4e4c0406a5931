// Independent CLDR oracle for tests/dates_cldr.rs: ICU through Node's Intl (full ICU).
//
// Reads a JSON list of cases from stdin, each {"locale", "kind", "start", "end"} with
// ISO date-times in UTC, and writes a JSON object: the ICU and CLDR versions Node
// carries and one string per case. Kinds are the skeletons hexaglot formats:
// "yMMMMd" (a date range with long months), "yMMMM" (a month range), "Hm" (a time
// range on a 24-hour clock), "Hm-sameday" (the same, with the end moved to the start's
// day, as local-time.js does across midnight), "O" (the zone's localized GMT format
// at `start` in `zone`), "yMMMMd-single" (one date).
"use strict";

const OPTIONS = {
  yMMMMd: { year: "numeric", month: "long", day: "numeric" },
  "yMMMMd-single": { year: "numeric", month: "long", day: "numeric" },
  yMMMM: { year: "numeric", month: "long" },
  Hm: { hour: "numeric", minute: "2-digit", hourCycle: "h23" },
  "Hm-sameday": { hour: "numeric", minute: "2-digit", hourCycle: "h23" },
};

function withGregorian(locale) {
  return locale.includes("-u-") ? locale + "-ca-gregory" : locale + "-u-ca-gregory";
}

function run(c) {
  const start = new Date(c.start + "Z");
  let end = new Date(c.end + "Z");
  if (c.kind === "O") {
    const f = new Intl.DateTimeFormat(withGregorian(c.locale), { timeZone: c.zone, timeZoneName: "shortOffset" });
    const part = f.formatToParts(start).find((p) => p.type === "timeZoneName");
    return part ? part.value : null;
  }
  const f = new Intl.DateTimeFormat(withGregorian(c.locale), { ...OPTIONS[c.kind], timeZone: "UTC" });
  if (c.kind === "yMMMMd-single") { return f.format(start); }
  if (c.kind === "Hm-sameday") {
    end = new Date(start.getTime());
    const e = new Date(c.end + "Z");
    end.setUTCHours(e.getUTCHours(), e.getUTCMinutes(), 0, 0);
  }
  return f.formatRange(start, end);
}

let input = "";
process.stdin.on("data", (d) => { input += d; });
process.stdin.on("end", () => {
  const cases = JSON.parse(input);
  process.stdout.write(JSON.stringify({
    icu: process.versions.icu,
    cldr: process.versions.cldr,
    node: process.version,
    results: cases.map(run),
  }));
});
