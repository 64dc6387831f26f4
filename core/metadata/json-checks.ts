/**
 * Tiny hand-written JSON checks for parseModelMetadata (core may import only tf.js, so no schema
 * library). Each check records a "<path> must ..." sentence in a shared list instead of throwing,
 * so one error names every problem at once. Checks skip `undefined`: a missing required field is
 * reported once, by checkObject.
 */
export class Problems {
  readonly list: string[] = [];

  /** Records "<path> must <mustBe> (got <value>)". */
  mustBe(path: string, mustBe: string, got: unknown): void {
    this.list.push(`${path} must be ${mustBe} (got ${describe(got)})`);
  }

  /** Records a sentence as is. */
  add(sentence: string): void {
    this.list.push(sentence);
  }
}

/** A short, readable rendering of a bad value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value) && value.length > 10) return `an array of ${value.length} items`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Path of a child: `a.b`, `a[3]`, or `a["odd key"]`. */
export function child(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** An object with every `required` key, and no keys besides `required` and `optional`; returns it or undefined. */
export function checkObject(value: unknown, path: string, problems: Problems, required: readonly string[], optional: readonly string[] = []): Record<string, unknown> | undefined {
  if (!isRecord(value)) {
    if (value !== undefined) problems.mustBe(path || 'the top level', 'a JSON object', value);
    return undefined;
  }
  for (const key of required) if (value[key] === undefined) problems.add(`${child(path, key)} is missing`);
  const known = [...required, ...optional];
  for (const key of Object.keys(value)) if (!known.includes(key)) problems.add(`${child(path, key)} is not a known field (expected ${known.join(', ')})`);
  return value;
}

/** A finite number within [min, max]. */
export function checkNumber(value: unknown, path: string, problems: Problems, min = -Infinity, max = Infinity): value is number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  if (!ok && value !== undefined) problems.mustBe(path, rangeText(min, max), value);
  return ok;
}

/** An integer >= min. */
export function checkInteger(value: unknown, path: string, problems: Problems, min: 0 | 1): value is number {
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= min;
  if (!ok && value !== undefined) problems.mustBe(path, min === 0 ? 'a non-negative integer' : 'a positive integer', value);
  return ok;
}

/** A non-empty string, matching `pattern` if given (`what` says what the pattern means). */
export function checkString(value: unknown, path: string, problems: Problems, pattern?: RegExp, what = 'a non-empty string'): value is string {
  const ok = typeof value === 'string' && value.length > 0 && (!pattern || pattern.test(value));
  if (!ok && value !== undefined) problems.mustBe(path, what, value);
  return ok;
}

/** Deep-equal (JSON) to `expected`. */
export function checkEquals(value: unknown, path: string, problems: Problems, expected: unknown): boolean {
  const ok = JSON.stringify(value) === JSON.stringify(expected);
  if (!ok && value !== undefined) problems.add(`${path} must equal ${JSON.stringify(expected)} (got ${describe(value)})`);
  return ok;
}

/** One of the `allowed` strings. */
export function checkOneOf(value: unknown, path: string, problems: Problems, allowed: readonly string[]): boolean {
  const ok = typeof value === 'string' && allowed.includes(value);
  if (!ok && value !== undefined) problems.mustBe(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`, value);
  return ok;
}

/** An array, of exactly `length` items if given; returns it or undefined. */
export function checkArray(value: unknown, path: string, problems: Problems, length?: number): unknown[] | undefined {
  if (Array.isArray(value) && (length === undefined || value.length === length)) return value;
  if (value !== undefined) {
    const got = Array.isArray(value) ? `${value.length} items` : describe(value);
    problems.add(`${path} must be an array${length === undefined ? '' : ` of ${length} items`} (got ${got})`);
  }
  return undefined;
}

function rangeText(min: number, max: number): string {
  if (min === -Infinity && max === Infinity) return 'a finite number';
  if (max === Infinity) return `a finite number >= ${min}`;
  return `a number between ${min} and ${max}`;
}
