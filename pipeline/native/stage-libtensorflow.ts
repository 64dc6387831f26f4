import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, symlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LibrarySource } from './find-library-source.js';
import { TFJS_NODE_LIBTENSORFLOW_VERSION } from './native-config.js';

/** Hard-links when source and target share a filesystem (the library is ~600 MB), else copies. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

/**
 * Stages a TensorFlow C library where tfjs-node's binding.gyp expects it: deps/lib/libtensorflow.so and
 * libtensorflow_framework.so (plus the sonames they carry), deps/include/tensorflow/c/... . Also creates
 * deps/lib/libtensorflow.so.2.9.1, the file whose presence makes tfjs-node's own install script skip
 * its download and build against what is staged.
 */
export function stageLibtensorflow(source: LibrarySource, depsDir: string): void {
  rmSync(depsDir, { recursive: true, force: true });
  const libOut = join(depsDir, 'lib');
  mkdirSync(libOut, { recursive: true });
  for (const name of readdirSync(source.libDir)) {
    if (!/^libtensorflow(_cc|_framework)?\.so(\.\d+)*$/.test(name)) continue;
    const from = join(source.libDir, name);
    if (!statSync(from).isFile()) continue;
    linkOrCopy(from, join(libOut, name));
  }
  const framework = readdirSync(libOut).find((f) => /^libtensorflow_framework\.so\.\d+$/.test(f)) ?? 'libtensorflow_framework.so.2';
  const aliases: Array<[string, string]> = [
    ['libtensorflow.so', source.mainLib],
    [`libtensorflow.so.${TFJS_NODE_LIBTENSORFLOW_VERSION}`, source.mainLib],
    ['libtensorflow_framework.so', framework],
    [`libtensorflow_framework.so.${TFJS_NODE_LIBTENSORFLOW_VERSION}`, framework],
  ];
  for (const [alias, target] of aliases) {
    if (alias !== target && !existsSync(join(libOut, alias))) symlinkSync(target, join(libOut, alias));
  }
  // Only the C API headers and what they include (tsl/ in TF >= 2.13): a few MB, not the 300 MB tree.
  const includeOut = join(depsDir, 'include');
  for (const sub of ['tensorflow/c', 'tensorflow/core/platform', 'tsl/c', 'tsl/platform']) {
    const from = join(source.includeDir, sub);
    if (existsSync(from)) {
      cpSync(from, join(includeOut, sub), { recursive: true, filter: (p) => statSync(p).isDirectory() || p.endsWith('.h') });
    }
  }
}
