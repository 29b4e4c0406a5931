// The filter of the schedule by day, in place: shows the sessions of the chosen day,
// track, room and format (the cards' data-track, data-room and data-format), hides the
// days left empty, and keeps the choice in the URL's query (?room=hall) so that a link
// opens the same view. Without this script, the page shows the filter's links instead.
(() => {
  const form = document.querySelector('form.schedule-filter');
  if (!form) return;
  const links = document.querySelector('.schedule-filter-links');
  const empty = form.querySelector('.schedule-filter-empty');
  const fields = [...form.querySelectorAll('select')];
  const query = new URLSearchParams(location.search);
  for (const field of fields) {
    const value = query.get(field.name);
    if (value && [...field.options].some((o) => o.value === value)) field.value = value;
  }

  const apply = () => {
    const chosen = fields.filter((f) => f.value !== '');
    let shown = 0;
    for (const day of document.querySelectorAll('.schedule-day')) {
      let inDay = 0;
      for (const card of day.querySelectorAll('[data-session]')) {
        const match = chosen.every((f) => (f.name === 'day' ? day.dataset.day : card.dataset[f.name]) === f.value);
        card.hidden = !match;
        card.closest('.timetable-session')?.classList.toggle('is-filtered', !match);
        if (match) inDay += 1;
      }
      day.hidden = inDay === 0;
      shown += inDay;
    }
    empty.hidden = shown > 0;
    const next = new URLSearchParams(chosen.map((f) => [f.name, f.value]));
    const search = next.toString();
    history.replaceState(history.state, '', (search ? '?' + search : location.pathname) + location.hash);
  };

  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.hidden = false;
  if (links) links.hidden = true;
  if (fields.some((f) => f.value !== '')) apply();
})();
