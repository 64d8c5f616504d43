/**
 * A property computed on first read and kept from then on, which may also be set. It is
 * enumerable, so spreads and clones copy its value; defined over an existing key, it keeps that
 * key's place in the object's key order.
 */
export function lazyProperty<T extends object>(target: T, key: string, compute: () => unknown): void {
  const settle = (value: unknown): void => {
    Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: true });
  };
  Object.defineProperty(target, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}

/** Whether `key` is a lazy property not computed yet: copying it elsewhere would compute it now. */
export function isPending(target: object, key: string): boolean {
  return Object.getOwnPropertyDescriptor(target, key)?.get !== undefined;
}
