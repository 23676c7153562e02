/**
 * Figures and names as people read them, shared by the text summary and the HTML report: whole
 * contacts and agents, hours to one decimal, percentages to one decimal, thousands separators;
 * forecast methods in words (roster rules: RULE_LABELS). Machine files (JSON) keep full precision.
 */

/** A whole number with thousands separators: contacts, agents, intervals (`31,432`). */
export function whole(x: number): string {
  return Math.round(x).toLocaleString('en-US');
}

/** Hours (or any figure read to a tenth) with one decimal and thousands separators (`4,408.5`). */
export function tenths(x: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** A rate in [0, 1] as a percentage with one decimal (`19.5 %`), `n/a` for null. */
export function percent(x: number | null): string {
  return x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`;
}

/** What each forecast method is, in words. */
const METHOD_WORDS: Readonly<Record<string, string>> = {
  snaive: 'same week last year (seasonal naive)',
  avg4: 'mean of the last 4 weeks',
  avg8: 'mean of the last 8 weeks',
  wavg8: 'weighted mean of the last 8 weeks',
  median8: 'median of the last 8 weeks',
  shape: 'daily totals times the intraday shape',
  calendar: 'day-of-month calendar effects',
  combo: 'combination of methods',
};

/** The forecast method in words: `pool` of shape + calendar is "mean of shape and calendar". */
export function methodWords(method: string, members: readonly string[] = []): string {
  if (method === 'pool' && members.length > 0) {
    const list =
      members.length <= 2 ? members.join(' and ') : `${members.slice(0, -1).join(', ')} and ${members.at(-1)}`;
    return `mean of ${list}`;
  }
  return METHOD_WORDS[method] ?? method;
}

/** The summary's forecast method in words (a pool by its members). */
export function forecastMethodWords(f: { method: string; methods: readonly string[] }): string {
  return f.method.startsWith('pool') ? methodWords('pool', f.methods) : methodWords(f.method);
}
