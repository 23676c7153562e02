/**
 * JSON text read at a boundary: nesting bounded before parsing (deep values overflow the stack
 * later, in zod or in a structured clone), `__proto__` keys dropped, and every failure a
 * `WFM_ERR_INPUT_JSON` naming what is wrong.
 */
import { WfmError } from '../errors.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** Code units of a string or bytes of a buffer, read the same way (the structural characters are ASCII). */
type Text = Pick<string, 'length' | 'charCodeAt'> | Uint8Array;

function codeAt(text: Text, i: number): number {
  return typeof text === 'string' ? text.charCodeAt(i) : ((text as Uint8Array)[i] as number);
}

/**
 * The first offset where the nesting of arrays and objects passes `maxDepth`, or -1. Characters
 * inside strings do not count. O(length), no allocation.
 */
export function depthOverAt(text: string | Uint8Array, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = codeAt(text, i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > maxDepth) return i;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) depth--;
  }
  return -1;
}

/** 400 `WFM_ERR_INPUT_JSON` when `text` nests deeper than `maxDepth`, else undefined. */
export function depthError(text: string | Uint8Array, maxDepth: number): WfmError | undefined {
  const at = depthOverAt(text, maxDepth);
  if (at < 0) return undefined;
  return new WfmError(
    'WFM_ERR_INPUT_JSON',
    `The request body nests arrays and objects deeper than ${maxDepth} levels (at offset ${at}).`,
    { issues: [{ path: [], message: `nested deeper than ${maxDepth} levels` }] },
  );
}

const dropProto = (key: string, value: unknown): unknown => (key === '__proto__' ? undefined : value);

/** Parses JSON text nested at most `maxDepth` deep; throws `WFM_ERR_INPUT_JSON` naming the problem. */
export function parseJsonText(text: string, maxDepth: number, what: string): unknown {
  const deep = depthError(text, maxDepth);
  if (deep) throw deep;
  try {
    return JSON.parse(text, dropProto);
  } catch (error) {
    throw new WfmError('WFM_ERR_INPUT_JSON', `The ${what} is not valid JSON (${(error as Error).message}).`, {
      issues: [{ path: [], message: 'not JSON' }],
      cause: error,
    });
  }
}
