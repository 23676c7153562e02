import { Piscina } from 'piscina';

/**
 * Marks a handler's result so that the buffers of `views` move back to the caller instead of
 * being copied (`Piscina.move` on a transferable wrapper). The caller receives `value` itself.
 */
export function moveResult<T extends object>(value: T, views: readonly ArrayBufferView[]): T {
  const buffers = [...new Set(views.map((view) => view.buffer))];
  const transferable = {
    get [Piscina.transferableSymbol]() {
      return buffers;
    },
    get [Piscina.valueSymbol]() {
      return value;
    },
  };
  return Piscina.move(transferable as never) as unknown as T;
}

/**
 * `value` written as JSON (non-finite numbers as `null`, as `JSON.stringify` does) into bytes
 * that move to the caller: a big result (a plan, a roster) reaches the event loop as one buffer
 * outside its heap, to be sent as it is, instead of an object graph cloned onto it.
 */
export function moveJson(value: unknown): Uint8Array {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return moveResult(bytes, [bytes]);
}
