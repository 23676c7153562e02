import { readFileSync } from 'node:fs';
import { WfmError } from '../errors.js';
import { writeOutputAtomic } from './atomic-write.js';

export {
  checkOutputPaths,
  writeFolderAtomic,
  writeOutputAtomic,
  writeOutputsAtomic,
  type OutputFile,
} from './atomic-write.js';

/** Reads a UTF-8 input file, or throws `WFM_ERR_IO_READ` naming it. */
export function readInputFile(path: string, flag = '--input'): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new WfmError(
      'WFM_ERR_IO_READ',
      `${flag}: cannot read "${path}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        issues: [{ path: [flag], message: `cannot read ${path}` }],
        cause: error,
      },
    );
  }
}

/** Parses JSON text, or throws `WFM_ERR_INPUT_JSON` naming the file and position. */
export function parseJsonText(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new WfmError('WFM_ERR_INPUT_JSON', `${what}: not valid JSON (${(error as Error).message}).`, {
      cause: error,
    });
  }
}

/** True when the file name or content looks like JSON rather than CSV. */
export function looksLikeJson(path: string, text: string): boolean {
  if (path.toLowerCase().endsWith('.json')) return true;
  if (path.toLowerCase().endsWith('.csv')) return false;
  const first = text.trimStart()[0];
  return first === '{' || first === '[';
}

/** Writes to `--out` when given, else to standard output. */
export function emit(content: string, out: string | undefined): void {
  if (out) writeOutputAtomic(out, content);
  else process.stdout.write(content.endsWith('\n') ? content : `${content}\n`);
}

/** Parses a numeric flag, or throws naming it. */
export function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new WfmError('WFM_ERR_INPUT_INVALID', `${flag}: "${value}" is not a number.`, {
      issues: [{ path: [flag], message: `not a number: "${value}"` }],
    });
  }
  return n;
}
