import { paletteCss } from './palette.js';

/** The report's inline stylesheet (no external fonts or files); its colours are the page's (palette.ts). */
export const REPORT_CSS = `
${paletteCss()}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--text);background:#f6f7fa}
header{padding:18px 28px;background:#fff;border-bottom:1px solid var(--line)}h1{margin:0 0 4px;font-size:22px}
header p{margin:0;color:var(--muted)}
main{padding:10px 28px 40px;max-width:1180px}h2{font-size:17px;margin:26px 0 6px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(250px,1fr));gap:12px;margin-top:14px}
.card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.card h3{margin:0 0 6px;font-size:15px}
dl{margin:0;display:grid;grid-template-columns:auto auto;gap:2px 10px}dt{color:var(--muted)}
dd{margin:0;text-align:right;font-variant-numeric:tabular-nums}
svg.chart{width:100%;height:auto;background:#fff;border:1px solid var(--line);border-radius:8px}
.grid{stroke:#eceff5}.day{stroke:#c5ccd9;stroke-dasharray:3 3}.tick,.unit,.name{font-size:10px;fill:var(--muted)}
.band{fill:var(--band)}.forecast{fill:none;stroke:var(--forecast);stroke-width:1.3}
.required{fill:none;stroke:var(--required);stroke-width:1.4;stroke-dasharray:5 3}.onphone{fill:none;stroke:var(--onphone);stroke-width:1.2}
rect.under{fill:var(--under)}rect.over{fill:var(--over)}
.pool-placed{fill:var(--planned)}.pool-retraining{fill:var(--retraining)}.pool-coaching{fill:var(--coaching)}
.shift{fill:var(--shift)}.shift.extra{fill:var(--extra)}.break{fill:var(--break)}.lunch{fill:var(--lunch)}
.retraining{fill:var(--retraining)}.coaching{fill:var(--coaching)}.off{fill:#e3e6ee}
.scroll{max-height:720px;overflow:auto;border-radius:8px}
table{border-collapse:collapse;background:#fff;border:1px solid var(--line);font-variant-numeric:tabular-nums}
th,td{padding:4px 10px;border-bottom:1px solid #eef0f5;text-align:right}
th:first-child,td:first-child{text-align:left}th{font-weight:600;color:var(--muted)}
.legend{margin:2px 0 6px;color:var(--muted);font-size:12px}
.key{display:inline-block;width:12px;height:10px;margin:0 4px 0 12px;vertical-align:middle;border-radius:2px}
.key.forecast{background:var(--forecast)}.key.band{background:var(--band)}.key.required{background:var(--required)}
.key.onphone{background:var(--onphone)}
.key.under{background:var(--under)}.key.over{background:var(--over)}.key.pool-placed{background:var(--planned)}
.key.pool-retraining,.key.retraining{background:var(--retraining)}
.key.pool-coaching,.key.coaching{background:var(--coaching)}.key.shift{background:var(--shift)}
.key.break{background:var(--break)}.key.lunch{background:var(--lunch)}.key.extra{background:var(--extra)}
.notes{color:var(--muted)}
.queues{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:12px}
.queue-panel{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px}
.queue-panel h3{margin:0 0 6px;font-size:15px}.queue-panel svg.chart{margin-top:8px;border:none}
rect.sl-band,.key.sl-band{fill:var(--band);background:var(--band)}
.sl-simulated{fill:none;stroke-width:1.4}.sl-formula{fill:none;stroke:var(--required);stroke-width:1;stroke-dasharray:4 3}
.sl-target{stroke:var(--under);stroke-width:1}.key.sl-formula{background:var(--required)}.key.sl-target{background:var(--under)}
.verdict{margin:14px 0 0;padding:10px 14px;border-radius:8px;border:2px solid;background:#fff}
.verdict.met{border-color:#1b7a4c}.verdict.short{border-color:#b3261e;background:#fff5f4}
.verdict strong{margin-right:6px}.verdict.met strong{color:#1b7a4c}.verdict.short strong{color:#b3261e}
.verdict ul{margin:6px 0 0;padding-left:20px}
@media print{body{background:#fff}main{max-width:none;padding:0 12px}.scroll{max-height:none;overflow:visible}
svg.chart{break-inside:avoid}.card,table{break-inside:avoid}}
`;
