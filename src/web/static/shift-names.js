// The name people read for a shift, as src/formats/shift-names.ts `shiftName` gives it (the page
// cannot import TypeScript; tests/web/shift-names.test.ts checks that both agree): the template's
// display name from the roster's `templateNames`, else one derived from the local start hour.

/** "Early shift", "Day shift", "Late shift" or "Night shift" from the local start hour (0-23). */
export function shiftName(template, localHour, names) {
  const own = names?.[template];
  if (own !== undefined) return own;
  const part =
    localHour < 5 ? 'Night' : localHour < 10 ? 'Early' : localHour < 12 ? 'Day' : localHour < 18 ? 'Late' : 'Night';
  return `${part} shift`;
}

/** The local hour of an ISO string with an offset (its own wall clock, as the roster writes it). */
export const wallHour = (iso) => Number(iso.slice(11, 13));
