/**
 * Atomic output: every file or folder a command writes goes to a temporary sibling first and is
 * renamed into place once complete, so a failure (or a kill) never leaves a half-written output.
 *
 * Temporary names carry the writer's process id: `.<name>.<pid>.tmp` (and `.<name>.<pid>.old`, the
 * folder being replaced). A run killed with SIGKILL cannot remove them, so every write first removes
 * the ones left by processes that are no longer running (a `.old` whose output is missing is put
 * back, since it is the last complete output).
 */
import { accessSync, constants, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { WfmError } from '../errors.js';

/** One output file: where, what, and the flag that named it (for messages). */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
  readonly flag?: string;
}

/** Error codes that say the path itself cannot take the output (exit 2), not that the write broke. */
const PATH_CODES = new Set(['ENOTDIR', 'EROFS', 'EACCES', 'EPERM', 'EISDIR', 'ENAMETOOLONG', 'ELOOP', 'EEXIST']);

function reasonOf(code: string | undefined, at: string): string {
  switch (code) {
    case 'ENOTDIR':
      return `"${at}" is a file, not a folder`;
    case 'EROFS':
      return `"${at}" is on a read-only file system`;
    case 'EACCES':
    case 'EPERM':
      return `no permission to write in "${at}"`;
    case 'EISDIR':
      return `"${at}" is a folder`;
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    default:
      return `"${at}" cannot be written`;
  }
}

/** The error for an output that cannot be written: the flag, the path, the cause and its system code. */
export function outputError(flag: string, path: string, error: unknown): WfmError {
  if (error instanceof WfmError) return error;
  const errno = error as NodeJS.ErrnoException & { at?: string };
  const at = errno.at ?? errno.path ?? path;
  const reason = errno.code ? reasonOf(errno.code, at) : errno.message;
  const code = errno.code && PATH_CODES.has(errno.code) ? 'WFM_ERR_IO_OUTPUT_PATH' : 'WFM_ERR_IO_WRITE';
  return new WfmError(code, `${flag}: cannot write "${path}": ${reason} (${errno.code ?? 'error'}).`, {
    issues: [{ path: [flag], message: `${reason} (${errno.code ?? 'error'})` }],
    cause: error,
  });
}

function systemError(code: string, at: string): NodeJS.ErrnoException & { at: string } {
  return Object.assign(new Error(`${code}: ${at}`), { code, at });
}

/**
 * The folders missing on the way to `dir`, outermost first, after checking that the nearest
 * existing ancestor is a folder this process can write into. Walks up itself: Node's recursive
 * mkdir reports ENOENT on a read-only file system, which hides the cause; here the ancestor is named
 * with it.
 */
function missingFolders(dir: string): string[] {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    let stat;
    try {
      stat = statSync(at, { throwIfNoEntry: false });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOTDIR') throw error;
    }
    if (stat) {
      if (!stat.isDirectory()) throw systemError('ENOTDIR', at);
      break;
    }
    missing.push(at);
    if (dirname(at) === at) break;
    at = dirname(at);
  }
  try {
    accessSync(at, constants.W_OK);
  } catch (error) {
    throw systemError((error as NodeJS.ErrnoException).code ?? 'EACCES', at);
  }
  return missing.reverse();
}

/** Makes sure `dir` is a folder this process can write into, creating the missing ones. */
export function prepareFolder(dir: string): void {
  for (const folder of missingFolders(dir)) mkdirSync(folder);
}

function checkFileTarget(path: string): void {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw systemError('EISDIR', resolve(path));
}

/**
 * Checks, before any long work starts, that each output path can be written (its nearest existing
 * folder is a writable folder; the path itself is not a folder where a file goes), creating
 * nothing. Throws as `writeOutputsAtomic`.
 */
export function checkOutputPaths(outputs: readonly { path: string; flag: string; folder?: boolean }[]): void {
  for (const { path, flag, folder } of outputs) {
    try {
      missingFolders(dirname(resolve(path)));
      if (!folder) checkFileTarget(path);
    } catch (error) {
      throw outputError(flag, path, error);
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Removes the temporary siblings of `target` left by processes that are no longer running
 * (`.<name>.<pid>.tmp` and `.<name>.<pid>.old`; also `.<pid>.<ms>.tmp`, the file name earlier
 * versions used). A `.old` folder is put back when `target` is missing: the run was killed between
 * moving the last output aside and putting the new one in place. Returns the names removed.
 */
export function removeStaleSiblings(target: string): string[] {
  const full = resolve(target);
  const own = new RegExp(`^\\.${escapeRegExp(basename(full))}\\.(\\d+)\\.(tmp|old)$`);
  const legacy = /^\.(\d+)\.\d+\.tmp$/;
  let names: string[];
  try {
    names = readdirSync(dirname(full));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const match = own.exec(name) ?? legacy.exec(name);
    if (!match || isRunning(Number(match[1]))) continue;
    const path = join(dirname(full), name);
    try {
      if (match[2] === 'old' && statSync(full, { throwIfNoEntry: false }) === undefined) renameSync(path, full);
      else rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Not ours to fix (another user's, a read-only folder): the write itself reports its own error.
    }
  }
  return removed;
}

const tmpFileOf = (path: string): string => join(dirname(resolve(path)), `.${basename(path)}.${process.pid}.tmp`);

/**
 * Writes several files all together or none: every file goes to its temporary sibling first; only
 * when all are written are they renamed into place. A failure while writing removes the temporary
 * files and leaves every target as it was. Throws WFM_ERR_IO_OUTPUT_PATH (the path cannot take the
 * file: not a folder, read-only, no permission) or WFM_ERR_IO_WRITE, naming the flag and the path.
 */
export function writeOutputsAtomic(files: readonly OutputFile[]): void {
  const written: string[] = [];
  let current: OutputFile | undefined;
  try {
    for (const file of files) {
      current = file;
      removeStaleSiblings(file.path);
      prepareFolder(dirname(resolve(file.path)));
      checkFileTarget(file.path);
    }
    for (const file of files) {
      current = file;
      written.push(tmpFileOf(file.path));
      writeFileSync(tmpFileOf(file.path), file.content);
    }
    for (const file of files) {
      current = file;
      renameSync(tmpFileOf(file.path), file.path);
    }
  } catch (error) {
    for (const tmp of written) rmSync(tmp, { force: true });
    throw outputError(current?.flag ?? '--out', current?.path ?? '', error);
  }
}

/** Writes one file atomically (temporary sibling, then rename); see `writeOutputsAtomic`. */
export function writeOutputAtomic(path: string, content: string, flag = '--out'): void {
  writeOutputsAtomic([{ path, content, flag }]);
}

/**
 * Writes a folder all at once: every file (relative path -> text) into a temporary sibling
 * folder, then renamed into place; an existing folder is replaced only after the new one is
 * complete, and a failure leaves no half-written folder. Stale siblings of dead processes are
 * removed first. Throws as `writeOutputsAtomic`, naming the folder. `beforeRename` is a test hook
 * called with the temporary folder once every file is written.
 */
export function writeFolderAtomic(
  dir: string,
  files: ReadonlyMap<string, string>,
  hooks: { beforeRename?: (tmp: string) => void; flag?: string } = {},
): void {
  const target = resolve(dir);
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  const old = join(dirname(target), `.${basename(target)}.${process.pid}.old`);
  try {
    removeStaleSiblings(target);
    prepareFolder(dirname(target));
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
    for (const [path, text] of files) {
      mkdirSync(dirname(join(tmp, path)), { recursive: true });
      writeFileSync(join(tmp, path), text);
    }
    hooks.beforeRename?.(tmp);
    const existing = statSync(target, { throwIfNoEntry: false });
    if (existing && !existing.isDirectory()) throw systemError('ENOTDIR', target);
    if (existing) renameSync(target, old);
    renameSync(tmp, target);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    try {
      rmSync(tmp, { recursive: true, force: true });
      if (statSync(old, { throwIfNoEntry: false }) && !statSync(target, { throwIfNoEntry: false })) {
        renameSync(old, target);
      }
    } catch {
      // The cleanup failed too (the folder is not writable): the first error is the one to report.
    }
    throw outputError(hooks.flag ?? '--out', dir, error);
  }
}
