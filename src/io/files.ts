import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { WfmError } from '../errors.js';

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

/**
 * Writes a file all at once: to a temporary sibling first, then renamed into place, so that a
 * failure never leaves a half-written output.
 */
export function writeOutputAtomic(path: string, content: string): void {
  const tmp = join(dirname(path), `.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw new WfmError(
      'WFM_ERR_IO_WRITE',
      `--out: cannot write "${path}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Writes a folder all at once: every file (relative path -> text) into a temporary sibling
 * folder, then renamed into place; an existing folder is replaced only after the new one is
 * complete, and a failure leaves no half-written folder. Throws WFM_ERR_IO_WRITE naming the
 * folder. `beforeRename` is a test hook called with the temporary folder once every file is written.
 */
export function writeFolderAtomic(
  dir: string,
  files: ReadonlyMap<string, string>,
  hooks: { beforeRename?: (tmp: string) => void } = {},
): void {
  const target = resolve(dir);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const old = join(dirname(target), `.${basename(target)}.${process.pid}.old`);
  try {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    for (const [path, text] of files) {
      mkdirSync(dirname(join(tmp, path)), { recursive: true });
      writeFileSync(join(tmp, path), text);
    }
    hooks.beforeRename?.(tmp);
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(target)) renameSync(old, target);
    if (error instanceof WfmError) throw error;
    throw new WfmError(
      'WFM_ERR_IO_WRITE',
      `--out: cannot write "${dir}" (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      { cause: error },
    );
  }
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
