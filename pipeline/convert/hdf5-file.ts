import h5wasm, { Dataset, Group } from 'h5wasm/node';
import { KerasFileError } from './keras-file-error.js';

// The converter's one way into HDF5: h5wasm, the HDF5 C library compiled to WebAssembly, reading
// a copy of the bytes in its in-memory file system. Its errors (HDF5's own error stack) become a
// sentence naming the file.

/** A float array read from an HDF5 dataset. */
export interface WeightArray {
  /** The dataset's path in its file, for messages. */
  path: string;
  shape: number[];
  values: Float32Array;
}

/** An open HDF5 file: its root group, until `close()`. */
export interface Hdf5File {
  root: Group;
  close(): void;
}

/** The sentence for a file HDF5 cannot read; HDF5's own words say whether it is truncated. */
export function damaged(where: string, cause: unknown): KerasFileError {
  const message = cause instanceof Error ? cause.message : String(cause);
  const truncated = /truncated file: eof = (\d+).*stored_eof = (\d+)/.exec(message);
  const why = truncated
    ? `it is truncated: it has ${Number(truncated[1]).toLocaleString('en-US')} of its ${Number(truncated[2]).toLocaleString('en-US')} bytes`
    : `it is damaged or not a complete HDF5 file (HDF5 said: ${[...message.matchAll(/\(\): (.+)/g)].map((m) => m[1]).pop() ?? message.split('\n')[0]})`;
  return new KerasFileError(`${where} cannot be read: ${why}. Copy the whole file again, or save the model again from Keras.`, { cause });
}

/** Runs `read`; anything but a KerasFileError thrown on the way means the file is damaged. */
export function readingHdf5<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof KerasFileError) throw error;
    throw damaged(where, error);
  }
}

let opened = 0;

/** Opens HDF5 `bytes` (the whole file) read-only; `where` names it in errors. Close it when done. */
export async function openHdf5(bytes: Uint8Array, where: string): Promise<Hdf5File> {
  const module = await h5wasm.ready;
  // HDF5's errors are thrown with their whole stack as the message, instead of printed to stderr.
  module.activate_throwing_error_handler();
  const path = `/keras-${process.pid}-${++opened}.h5`;
  module.FS!.writeFile(path, bytes);
  const remove = () => module.FS!.unlink(path);
  try {
    const file = readingHdf5(where, () => new h5wasm.File(path, 'r'));
    return {
      root: file,
      close: () => {
        file.close();
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

/** The member of `group` at `path` ('a/b/c'), or undefined when there is none. */
export function member(group: Group, path: string): Group | Dataset | undefined {
  let at: Group | Dataset = group;
  for (const part of path.split('/')) {
    if (!(at instanceof Group) || !at.keys().includes(part)) return undefined;
    const next = at.get(part);
    if (!(next instanceof Group || next instanceof Dataset)) return undefined;
    at = next;
  }
  return at;
}

/** The dataset at `path` in `group` as float32 values (Keras stores float32; other float widths are converted). */
export function readWeightArray(group: Group, path: string, where: string): WeightArray {
  const dataset = member(group, path);
  if (!(dataset instanceof Dataset)) throw new KerasFileError(`${where} has no weight array at ${path}, which its layer list names; the file is damaged. Save the model again from Keras.`);
  const value = dataset.value;
  const values = value instanceof Float32Array ? value : Float32Array.from((ArrayBuffer.isView(value) ? value : [value].flat()) as ArrayLike<number>, Number);
  return { path, shape: [...(dataset.shape ?? [])], values };
}

/** The attribute `name` of `node`'s value, or undefined. */
export function attribute(node: Group, name: string): unknown {
  return node.attrs[name]?.value ?? undefined;
}

/** An attribute as a list of strings (HDF5 string arrays come back as arrays, or as one string). */
export function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return [value];
  return Array.from(value as ArrayLike<unknown>, String);
}
