import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { WfmError } from '../errors.js';

/**
 * One process at a time per PGlite data folder. PGlite does not lock its folder (a second open,
 * even in the same process, succeeds and the two would corrupt each other), so the store keeps
 * `wfm-store.lock` in it: created exclusively, holding pid and host, removed on close. A lock left
 * by a process that is gone (same host, pid not alive) is taken over.
 */
export const LOCK_FILE = 'wfm-store.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

export function lockDataFolder(dataDir: string, now: Date): () => void {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const info: LockInfo = { pid: process.pid, host: hostname(), since: now.toISOString() };
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new WfmError('WFM_ERR_STORE_OPEN', `Cannot lock ${dataDir}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      const holder = readLock(path);
      if (holder && isHeld(holder)) {
        throw new WfmError(
          'WFM_ERR_STORE_OPEN',
          `${dataDir} is open in another process (pid ${holder.pid} on ${holder.host} since ${holder.since}); ` +
            'PGlite serves one process: close it, or use a PostgreSQL server (DATABASE_URL) to share the store.',
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new WfmError('WFM_ERR_STORE_OPEN', `Cannot lock ${dataDir}: another process keeps taking the lock.`);
}

function readLock(path: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

function isHeld(lock: LockInfo): boolean {
  if (lock.host !== hostname()) return true; // cannot tell: assume held
  if (lock.pid === process.pid) return true; // this process already has it open
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
