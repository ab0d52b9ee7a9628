// Dates in the reader's own zone, with the UTC instant on hover; durations as days, hours and minutes.
const LOCAL = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function instant(iso) {
  if (!iso) return document.createTextNode('—');
  const time = document.createElement('time');
  const date = new Date(iso);
  time.dateTime = date.toISOString();
  time.title = date.toISOString().replace('.000Z', 'Z') + ' (UTC)';
  time.textContent = LOCAL.format(date);
  return time;
}

/** Milliseconds of a Java Duration's ISO form (PT12H30M, PT-3H, P2DT4H). */
export function durationMillis(iso) {
  const match = /^(-)?P(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?)?$/.exec(iso || '');
  if (!match) return null;
  const [, negative, days, hours, minutes, seconds] = match;
  const millis = ((+days || 0) * 86400 + (+hours || 0) * 3600 + (+minutes || 0) * 60 + (+seconds || 0)) * 1000;
  return negative ? -millis : millis;
}

export function duration(millis) {
  if (millis === null || millis === undefined) return '—';
  let rest = Math.round(Math.abs(millis) / 60000);
  const days = Math.floor(rest / 1440); rest -= days * 1440;
  const hours = Math.floor(rest / 60); const minutes = rest - hours * 60;
  const parts = [];
  if (days) parts.push(days + ' d');
  if (hours || days) parts.push(hours + ' h');
  parts.push(minutes + ' min');
  return parts.join(' ');
}

export function percent(rate) {
  return rate === null || rate === undefined ? '—' : (Number(rate) * 100).toFixed(1) + '%';
}

export function words(code) {
  return code ? String(code).replaceAll('_', ' ').toLowerCase() : '—';
}
