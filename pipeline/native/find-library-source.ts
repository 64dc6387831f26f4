import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** A TensorFlow C library found on disk, ready to be staged for tfjs-node. */
export interface LibrarySource {
  /** Directory holding the shared libraries. */
  libDir: string;
  /** The library exporting TensorFlow's C API: libtensorflow.so.2 (tarball) or libtensorflow_cc.so.2 (wheel). */
  mainLib: string;
  /** Directory holding tensorflow/c/c_api.h. */
  includeDir: string;
}

/**
 * Recognises the two layouts the C library ships in: a libtensorflow tarball (lib/, include/)
 * and the `tensorflow/` folder of a Python package (libtensorflow_cc.so.2 beside include/).
 * Returns a sentence saying what is missing when `dir` holds neither.
 */
export function describeLibraryDir(dir: string): LibrarySource | string {
  if (!existsSync(dir)) return `${dir} does not exist`;
  const candidates = [
    { libDir: join(dir, 'lib'), includeDir: join(dir, 'include') },
    { libDir: dir, includeDir: join(dir, 'include') },
    { libDir: join(dir, 'tensorflow'), includeDir: join(dir, 'tensorflow', 'include') },
  ];
  for (const { libDir, includeDir } of candidates) {
    if (!existsSync(libDir)) continue;
    const files = readdirSync(libDir);
    const mainLib = ['libtensorflow.so.2', 'libtensorflow_cc.so.2', 'libtensorflow.so'].find((f) => files.includes(f));
    const hasFramework = files.some((f) => f.startsWith('libtensorflow_framework.so'));
    const hasHeader = existsSync(join(includeDir, 'tensorflow', 'c', 'c_api.h'));
    if (mainLib && hasFramework && hasHeader) return { libDir, mainLib, includeDir };
  }
  return `${dir} holds no TensorFlow C library (expected lib/libtensorflow.so.2 or libtensorflow_cc.so.2, libtensorflow_framework.so.2 and include/tensorflow/c/c_api.h)`;
}
