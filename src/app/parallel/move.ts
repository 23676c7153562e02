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
