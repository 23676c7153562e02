/**
 * The one palette of the planner page and the HTML report: the same colour for the same thing
 * (under, over, on the phones, a shift, its breaks, lunch, retraining, coaching) in both. The report
 * embeds it in its inline stylesheet; the page loads it as `/web/palette.css` (src/web/routes.ts),
 * both from `paletteCss()`.
 *
 * Contrast (WCAG 2.1, checked by tests/web/contrast.test.ts on the computed styles): text >= 4.5:1
 * on white; every mark >= 3:1 against what it is drawn on: lines, shading, bars and the forecast
 * band against white, breaks, lunch and sessions against the dark shift bar they sit inside.
 */
export const PALETTE = Object.freeze({
  text: '#1a1a1a',
  muted: '#4a4a4a',
  line: '#c8ced6',
  accent: '#1d4f91',
  /** A shift bar: dark, so that breaks, lunch and sessions (mid tones) read on it and on white. */
  shift: '#1c2f55',
  /** An extra shift (given to reach an agent's minimum hours). */
  extra: '#2b2b2b',
  break: '#c77a12',
  lunch: '#9467d8',
  retraining: '#2e9157',
  coaching: '#db3f8c',
  under: '#e0532f',
  over: '#3f9a8f',
  required: '#1a1a1a',
  onphone: '#0f2f6b',
  history: '#6b7280',
  forecast: '#12306a',
  band: '#6f92c8',
  planned: '#6f7b88',
});

export type PaletteName = keyof typeof PALETTE;

/** One colour per queue (stacked requirement layers, per-queue service level lines). */
export const QUEUE_COLOURS = Object.freeze([
  '#2f6fdf',
  '#e6772e',
  '#1b9e77',
  '#7570b3',
  '#d95f02',
  '#66a61e',
  '#e7298a',
  '#a6761d',
]);

/** The palette as CSS custom properties: `:root{--under:#e0532f;...;--queue-0:#2f6fdf;...}`. */
export function paletteCss(): string {
  const names = Object.entries(PALETTE).map(([k, v]) => `--${k}:${v}`);
  const queues = QUEUE_COLOURS.map((v, k) => `--queue-${k}:${v}`);
  return `:root{${[...names, ...queues].join(';')}}`;
}
