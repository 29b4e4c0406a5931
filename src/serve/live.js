// Live reload for `hexaglot serve`, added to every page it serves (never to `build`
// output). It listens to the server's events: `reload` when files changed, `build-error`
// with the diagnostic when a rebuild failed (shown over the page, which stays the last
// good version), `build-ok` when the error is fixed.
(() => {
  const script = document.currentScript;
  const file = script ? script.dataset.file : "";
  const lang = document.documentElement.lang || "";
  const events = new EventSource("/__hexaglot/events?lang=" + encodeURIComponent(lang));
  let connected = false;
  // After a lost connection (the server restarted), the page may be stale.
  events.addEventListener("open", () => {
    if (connected) location.reload();
    connected = true;
    document.documentElement.dataset.hexaglotLive = "connected";
  });
  events.addEventListener("reload", (e) => {
    const d = JSON.parse(e.data);
    // A stylesheet or an image may be used by any page.
    if (d.all || d.files.includes(file) || d.files.some((f) => !f.endsWith(".html"))) location.reload();
  });
  events.addEventListener("build-error", (e) => show(JSON.parse(e.data)));
  events.addEventListener("build-ok", hide);

  function hide() {
    const box = document.getElementById("hexaglot-error");
    if (box) box.remove();
  }

  function show(d) {
    hide();
    const box = element("div", "position:fixed;inset-block-start:0;inset-inline:0;z-index:2147483647;max-block-size:85vh;overflow:auto;padding-block:1rem;padding-inline:1.5rem;background:#fff8f6;color:#1d1b1a;border-block-end:4px solid #b3261e;box-shadow:0 4px 16px rgb(0 0 0 / 25%);font:16px/1.5 system-ui,sans-serif;text-align:start");
    box.id = "hexaglot-error";
    box.lang = d.lang;
    box.dir = d.dir;
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-labelledby", "hexaglot-error-title");
    const title = element("h2", "margin-block:0 0.5rem;margin-inline:0;font-size:1.25rem;color:#b3261e");
    title.id = "hexaglot-error-title";
    title.textContent = d.title;
    const kept = element("p", "margin-block:0 0.75rem;margin-inline:0");
    kept.textContent = d.kept;
    const text = element("pre", "margin:0;white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.45 ui-monospace,monospace;text-align:left");
    text.className = "hexaglot-diagnostic";
    text.dir = "ltr";
    text.textContent = d.text;
    const close = element("button", "position:absolute;inset-block-start:0.75rem;inset-inline-end:1rem;font:inherit;padding-block:0.25rem;padding-inline:0.75rem");
    close.type = "button";
    close.textContent = d.hide;
    close.addEventListener("click", hide);
    box.append(close, title, kept, text);
    document.body.append(box);
  }

  function element(name, style) {
    const e = document.createElement(name);
    e.style.cssText = style;
    return e;
  }
})();
