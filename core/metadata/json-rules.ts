import * as v from 'valibot';

// The building blocks of core's JSON schemas (valibot): each rule's message is the end of a
// sentence, "must be <what> (got <value>)", and problemSentence puts the JSON path in front of it.
// A full sentence (a check across fields) is kept as it is.

/** A short, readable rendering of a bad value for an error message. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value) && value.length > 10) return `an array of ${value.length} items`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** "must be <what> (got <the value>)" for an issue. */
const mustBe = (what: string) => (issue: v.BaseIssue<unknown>) => `must be ${what} (got ${describe(issue.input)})`;

/** A value `test` accepts, of type T; otherwise "must be <what>". */
export const rule = <T>(test: (value: unknown) => boolean, what: string) => v.custom<T>(test, mustBe(what));

const isFiniteNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** A finite number within [min, max]. */
export function numberIn(min = -Infinity, max = Infinity) {
  const what = max === Infinity ? (min === -Infinity ? 'a finite number' : `a finite number >= ${min}`) : `a number between ${min} and ${max}`;
  return rule<number>((x) => isFiniteNumber(x) && x >= min && x <= max, what);
}

/** An integer >= min (0 or 1). */
export const integerFrom = (min: 0 | 1) => rule<number>((x) => isFiniteNumber(x) && Number.isInteger(x) && x >= min, min === 0 ? 'a non-negative integer' : 'a positive integer');

/** Any integer. */
export const integer = () => rule<number>((x) => isFiniteNumber(x) && Number.isInteger(x), 'an integer');

/** A non-empty string, matching `pattern` if given (`what` says what the pattern means). */
export const text = (pattern?: RegExp, what = 'a non-empty string') => rule<string>((x) => typeof x === 'string' && x.length > 0 && (!pattern || pattern.test(x)), what);

/** Any string (empty too). */
export const anyText = () => rule<string>((x) => typeof x === 'string', 'a string');

/** One of `allowed`. */
export const oneOf = <const T extends readonly string[]>(allowed: T) => rule<T[number]>((x) => allowed.includes(x as string), `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);

/** Exactly `expected` (deep-equal as JSON), typed as T. */
export const equalTo = <const T>(expected: T) =>
  v.custom<T>((x) => JSON.stringify(x) === JSON.stringify(expected), (issue) => `must equal ${JSON.stringify(expected)} (got ${describe(issue.input)})`);

/** An array of `item`s, of exactly `length` items if given. */
export function arrayOf<T extends v.GenericSchema>(item: T, length?: number) {
  const what = `an array${length === undefined ? '' : ` of ${length} items`}`;
  const got = (issue: v.BaseIssue<unknown>) => `must be ${what} (got ${Array.isArray(issue.input) ? `${issue.input.length} items` : describe(issue.input)})`;
  const array = v.array(item, got);
  return length === undefined ? array : v.pipe(array, v.check((a) => a.length === length, (issue) => got({ ...issue, input: issue.input })));
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** A JSON object with exactly these fields (optional ones wrapped in v.optional): a missing or unknown field is named. */
export function objectOf<const E extends v.ObjectEntries>(entries: E) {
  const known = Object.keys(entries).join(', ');
  return v.pipe(
    v.custom<Record<string, unknown>>((x) => x === undefined || isRecord(x), mustBe('a JSON object')),
    v.strictObject(entries, (issue) => {
      if (issue.expected === 'never') return `is not a known field (expected ${known})`;
      if (issue.input === undefined && issue.path?.length) return 'is missing';
      return `must be a JSON object (got ${describe(issue.input)})`;
    }),
  );
}

/** A JSON object of any keys whose values `value` accepts. */
export const recordOf = <T extends v.GenericSchema>(value: T, what: string) => v.record(v.string(), value, mustBe(what));

/** The JSON path of an issue: `a.b`, `a[3]`, or `a["odd key"]` ('' at the top level). */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    if (typeof key === 'number') path += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) path += path ? `.${key}` : key;
    else path += `[${JSON.stringify(key)}]`;
  }
  return path;
}

/** One problem as a sentence: "<path> must ...", "<path> is ...", or a whole sentence as it is. */
export function problemSentence(issue: v.BaseIssue<unknown>): string {
  if (!/^(must|is) /.test(issue.message)) return issue.message;
  return `${pathOf(issue) || 'the top level'} ${issue.message}`;
}
