import { readFileSync } from 'node:fs';

/** One queued call of ../shared/contact-data/israel-bank-1999-02-calls (PHANTOM calls left out). */
export interface BankCall {
  type: string;
  /** Customer tier: 0, 1 or 2 (served first). */
  priority: number;
  /** Day of February (0 = 1999-02-01). */
  day: number;
  /** Entry into the agent queue (vru_exit), seconds after the month's first midnight, local time. */
  queueEntrySeconds: number;
  /** Wait in the agent queue, seconds. */
  waitSeconds: number;
  served: boolean;
  /** Service start and duration (served calls), seconds. */
  serviceStartSeconds: number;
  serviceSeconds: number;
  /** The agent's name; NO_SERVER when none. */
  server: string;
}

/** h:mm:ss (hours may pass 24) to seconds. */
function clockSeconds(text: string): number {
  const [h, m, s] = text.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}

/** Reads calls.tsv (header row, tab-separated; README.md of the data set gives the columns). */
export function readBankCalls(file: string): BankCall[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  const col = (name: string) => header.indexOf(name);
  const [cType, cPriority, cDate, cVruExit, cQTime, cOutcome, cSerStart, cSerTime, cServer] = [
    'type',
    'priority',
    'date',
    'vru_exit',
    'q_time',
    'outcome',
    'ser_start',
    'ser_time',
    'server',
  ].map(col) as number[];
  const calls: BankCall[] = [];
  for (let k = 1; k < lines.length; k++) {
    const f = (lines[k] as string).split('\t');
    if (f.length < header.length) continue;
    const outcome = f[cOutcome as number] as string;
    if (outcome !== 'AGENT' && outcome !== 'HANG') continue;
    const day = Number((f[cDate as number] as string).slice(4, 6)) - 1;
    const base = day * 86_400;
    calls.push({
      type: f[cType as number] as string,
      priority: Number(f[cPriority as number]),
      day,
      queueEntrySeconds: base + clockSeconds(f[cVruExit as number] as string),
      waitSeconds: Number(f[cQTime as number]),
      served: outcome === 'AGENT',
      serviceStartSeconds: base + clockSeconds(f[cSerStart as number] as string),
      serviceSeconds: Number(f[cSerTime as number]),
      server: (f[cServer as number] as string).trim(),
    });
  }
  return calls;
}
