import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { nativeStatusPath } from './native-config.js';

/** How `npm install` provided the TensorFlow C library for tfjs-node. */
export interface NativeStatus {
  /** True when tfjs-node loaded and reported the 'tensorflow' backend after install. */
  ok: boolean;
  /** Where the library came from. */
  source: 'tfjs-node-download' | 'env-dir' | 'python-tensorflow' | 'pypi-wheel' | 'none';
  /** The directory the library was staged from (absent for tfjs-node's own download). */
  from?: string;
  /** TensorFlow version the library reports (TF_Version()). */
  tensorflowVersion?: string;
  /** Seconds the install step took. */
  seconds: number;
  /** What failed along the way, one line per attempt. */
  attempts: string[];
  /** ISO time of the install. */
  at: string;
}

export function writeNativeStatus(status: NativeStatus): void {
  const path = nativeStatusPath();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(status, null, 2) + '\n');
}

/** The recorded status, or undefined when install never recorded one (e.g. scripts were skipped). */
export function readNativeStatus(): NativeStatus | undefined {
  try {
    return JSON.parse(readFileSync(nativeStatusPath(), 'utf8')) as NativeStatus;
  } catch {
    return undefined;
  }
}
