/**
 * Sets `target[key] = value` as an own, enumerable property, also for the key
 * `__proto__` (which plain assignment would turn into a prototype change,
 * losing the field).
 */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__")
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  else target[key] = value;
}
