/** 0.9184 -> "91.84%". */
export const percent = (fraction: number, digits = 2) => `${(fraction * 100).toFixed(digits)}%`;

/** 1413834 -> "1,413,834". */
export const integer = (n: number) => Math.round(n).toLocaleString('en-US');

/** Bytes as KiB or MiB, e.g. "1.35 MiB", "238 KiB". */
export function bytes(n: number): string {
  if (n >= 2 ** 20) return `${(n / 2 ** 20).toFixed(2)} MiB`;
  return `${(n / 1024).toFixed(n >= 10 * 1024 ? 0 : 1)} KiB`;
}

/** A signed difference in percentage points, e.g. "-0.04 pts". */
export const points = (fraction: number) => `${fraction >= 0 ? '+' : '−'}${Math.abs(fraction * 100).toFixed(2)} pts`;
