import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { WfmError } from '../errors.js';

/** One CSV data row: its 1-based line number in the file (header is line 1) and its cells by column. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
  /** True when the file separates fields with `;` or tab, so that `12,5` is a decimal comma. */
  decimalComma?: boolean;
}

/**
 * The field separator of a CSV file: `,`, `;` or tab, whichever occurs most often in the header
 * line outside quotes (`,` on a tie). European spreadsheet exports use `;` with decimal commas.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, '')) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/** How a reader treats columns it does not use. */
export interface CsvReadOptions {
  /** Refuse a column that is not used (default: ignore it, with one note listing them). */
  strict?: boolean | undefined;
  /** Receives notes for the user, e.g. the columns ignored. */
  onNote?: ((note: string) => void) | undefined;
}

export interface CsvSpec extends CsvReadOptions {
  /** Columns that must be present. */
  required: readonly string[];
  /** Columns that may be present. Others are ignored with one note (`strict`: an error naming them). */
  optional?: readonly string[];
  /** A name for messages, e.g. "history". */
  what: string;
  /** Other names for columns (`offered` for `volume`), compared as `csvColumnName` writes them. */
  aliases?: Readonly<Record<string, string>>;
}

/**
 * A header cell as a column name: trimmed, lower case, spaces and hyphens as underscores
 * (`Interval Start` -> `interval_start`), then its alias when it has one.
 */
export function csvColumnName(cell: string, aliases: Readonly<Record<string, string>> = {}): string {
  const name = cell
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return aliases[name] ?? name;
}

/**
 * Parses CSV text with a header row. Column names are trimmed and lower-cased; columns the spec does
 * not name are ignored with one note (`spec.onNote`), or refused when `spec.strict`; missing
 * columns and ragged rows are rejected with a `WFM_ERR_INPUT_CSV` naming the column or line.
 */
export function parseCsv(text: string, spec: CsvSpec): { columns: string[]; rows: CsvRow[] } {
  let records: string[][];
  const delimiter = detectDelimiter(text);
  try {
    records = parse(text, { delimiter, skip_empty_lines: true, trim: true, bom: true, relax_column_count: false });
  } catch (error) {
    throw csvSyntaxError(error as CsvParseError, spec.what, delimiter);
  }
  const header = records[0];
  if (!header) throw new WfmError('WFM_ERR_INPUT_CSV', `The ${spec.what} CSV is empty (no header row).`);
  const columns = header.map((c) => csvColumnName(c, spec.aliases));
  const allowed = new Set([...spec.required, ...(spec.optional ?? [])]);
  const unknown = header.filter((_, i) => !allowed.has(columns[i] as string)).map((c) => c.trim());
  if (unknown.length > 0 && spec.strict) {
    const column = columns.find((c) => !allowed.has(c)) as string;
    throw new WfmError(
      'WFM_ERR_INPUT_CSV',
      `Unknown column "${column}" in the ${spec.what} CSV header (--strict refuses columns wfm does not use).`,
      {
        issues: columns.flatMap((c, i) =>
          allowed.has(c)
            ? []
            : [{ path: ['header', i], message: `unknown column "${c}"; expected ${[...allowed].join(', ')}` }],
        ),
      },
    );
  }
  if (unknown.length > 0) {
    spec.onNote?.(
      `${spec.what} CSV: ${unknown.length === 1 ? 'column' : `${unknown.length} columns`} not used and ignored: ` +
        `${listed(unknown)} (the columns read are ${[...allowed].join(', ')}; --strict refuses others).`,
    );
  }
  for (const [i, column] of columns.entries()) {
    if (allowed.has(column) && columns.indexOf(column) !== i) {
      throw new WfmError('WFM_ERR_INPUT_CSV', `Column "${column}" appears twice in the ${spec.what} CSV header.`, {
        issues: [{ path: ['header', i], message: 'duplicate column' }],
      });
    }
  }
  for (const column of spec.required) {
    if (!columns.includes(column)) {
      const others = Object.entries(spec.aliases ?? {}).flatMap(([alias, name]) => (name === column ? [alias] : []));
      throw new WfmError(
        'WFM_ERR_INPUT_CSV',
        `The ${spec.what} CSV has no "${column}" column (line 1, the header, names ${listed(header)}): ` +
          `add a column "${column}"${others.length > 0 ? ` (or name it ${listed(others)})` : ''}, or rename ` +
          `the column that holds it; separator seen: ${SEPARATOR_NAMES[delimiter]}.`,
        { issues: [{ path: ['header'], message: `missing column "${column}"` }] },
      );
    }
  }
  const rows: CsvRow[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r] as string[];
    const cells: Record<string, string> = {};
    columns.forEach((column, c) => {
      if (allowed.has(column)) cells[column] = record[c] ?? '';
    });
    rows.push(delimiter === ',' ? { line: r + 1, cells } : { line: r + 1, cells, decimalComma: true });
  }
  return { columns: columns.filter((c) => allowed.has(c)), rows };
}

const SEPARATOR_NAMES = { ',': 'comma', ';': 'semicolon', '\t': 'tab' } as const;

/** The fields of a csv-parse error read here. */
interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  record?: string[];
}

/** A csv-parse failure as a message naming the line, what was seen there and how to fix it. */
function csvSyntaxError(error: CsvParseError, what: string, delimiter: ',' | ';' | '\t'): WfmError {
  const line = error.lines ?? 1;
  const sep = SEPARATOR_NAMES[delimiter];
  const fixes: Record<string, string> = {
    CSV_RECORD_INCONSISTENT_FIELDS_LENGTH:
      `it has ${error.record?.length ?? 'a different number of'} cells where the header has ` +
      `${/expect (\d+)/.exec(error.message)?.[1] ?? 'another number'} (${sep}-separated): put a cell holding ` +
      `a ${sep} in double quotes, or add or remove cells so every row matches the header`,
    CSV_QUOTE_NOT_CLOSED: 'a double quote opened here is never closed: close it, or remove it',
    INVALID_OPENING_QUOTE: 'a double quote inside a cell: quote the whole cell and double the quote ("")',
    CSV_INVALID_CLOSING_QUOTE: 'text after a closing double quote: quote the whole cell and double inner quotes ("")',
  };
  const fix = fixes[error.code ?? ''] ?? `${error.message}: check the quotes and separators there`;
  return new WfmError('WFM_ERR_INPUT_CSV', `${what} CSV line ${line}: ${fix}.`, {
    issues: [{ path: ['line', line], message: error.code ?? 'unreadable' }],
    cause: error,
  });
}

/** Up to 12 names, quoted, then how many more. */
function listed(names: readonly string[]): string {
  const shown = names.slice(0, 12).map((n) => `"${n}"`);
  return names.length > 12 ? `${shown.join(', ')} and ${names.length - 12} more` : shown.join(', ');
}

/**
 * Reads a finite number from a CSV cell, or throws naming the line and column.
 * An empty cell is an error unless `optional`, in which case it returns undefined.
 */
export function csvNumber(row: CsvRow, column: string, what: string, optional = false): number | undefined {
  const raw = row.cells[column];
  if (raw === undefined || raw === '') {
    if (optional) return undefined;
    throw new WfmError(
      'WFM_ERR_INPUT_CSV',
      `${what} CSV line ${row.line}, column "${column}": the cell is empty: write a number there, or delete the row.`,
      { issues: [{ path: ['line', row.line, column], message: 'empty' }] },
    );
  }
  const value = Number(row.decimalComma ? withDecimalPoint(raw) : raw);
  if (!Number.isFinite(value)) {
    const example = row.decimalComma ? '12 or 12,5' : '12 or 12.5';
    throw new WfmError(
      'WFM_ERR_INPUT_CSV',
      `${what} CSV line ${row.line}, column "${column}": "${raw}" is not a number: write a number such as ` +
        `${example}, without units.`,
      { issues: [{ path: ['line', row.line, column], message: `not a number: "${raw}"` }] },
    );
  }
  return value;
}

/** `1.234,5` or `12,5` (decimal comma, `.` thousands only beside a decimal comma) as `1234.5`; else as it is. */
function withDecimalPoint(raw: string): string {
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(raw)) return raw.replace(/\./g, '').replace(',', '.');
  if (/^[+-]?\d+,\d+$/.test(raw)) return raw.replace(',', '.');
  return raw;
}

/**
 * Serialises rows to CSV with a header, in the given column order. `decimals` rounds numbers for
 * people and spreadsheets (`7.2301`, not `7.2300594759265815`); JSON keeps full precision.
 */
export function toCsv(
  rows: readonly Record<string, unknown>[],
  columns: readonly string[],
  options: { decimals?: number } = {},
): string {
  return stringify(
    rows.map((row) => columns.map((c) => formatCell(row[c], options.decimals))),
    { header: true, columns: [...columns] },
  );
}

function formatCell(value: unknown, decimals: number | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    return String(decimals === undefined ? value : Number(value.toFixed(decimals)) + 0);
  }
  return String(value);
}
