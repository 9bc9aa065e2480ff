// Progressive enhancement only: every page works without this file. With it, the NHS.UK
// components come alive and parts marked data-live-region refresh themselves when the
// person's inbox or a referral's timeline says something changed, without a reload.
import { initAll } from '/assets/nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

const regions = () => document.querySelectorAll('[data-live-region]');

let refreshing = null;
async function refreshRegions() {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    try {
      const response = await fetch(window.location.href, { headers: { 'X-Console-Live': '1' }, credentials: 'same-origin' });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const region of regions()) {
        const replacement = fresh.querySelector(`[data-live-region="${region.dataset.liveRegion}"]`);
        if (replacement && replacement.innerHTML !== region.innerHTML && !region.contains(document.activeElement)) {
          region.innerHTML = replacement.innerHTML;
        }
      }
      const count = fresh.querySelector('[data-live-inbox]');
      const current = document.querySelector('[data-live-inbox]');
      if (count && current) current.innerHTML = count.innerHTML;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

function listen(url, events) {
  const source = new EventSource(url);
  for (const name of events) source.addEventListener(name, () => refreshRegions());
  source.onerror = () => {
    // the browser reconnects on its own; catch up on what was missed meanwhile
    if (source.readyState === EventSource.CONNECTING) refreshRegions();
  };
  return source;
}

if (document.querySelector('[data-live-inbox]')) {
  listen('/live/inbox', ['notification']);
}
const timeline = document.querySelector('[data-live-timeline]');
if (timeline) {
  listen(`/live/referrals/${timeline.dataset.liveTimeline}/timeline`, ['change']);
}
