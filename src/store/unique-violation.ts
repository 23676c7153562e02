import { WfmError } from '../errors.js';

/** SQLSTATE 23505 from either engine (pg's DatabaseError and PGlite's both carry `code`). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

/**
 * Runs `work`, turning a unique-key clash (two writers racing for the same name or version number)
 * into `WFM_ERR_STORE_CONFLICT` with `message`; other errors pass through.
 */
export async function conflictOnDuplicate<T>(message: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw new WfmError('WFM_ERR_STORE_CONFLICT', message, { cause: error });
    throw error;
  }
}
