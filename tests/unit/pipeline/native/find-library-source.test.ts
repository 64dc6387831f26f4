import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeLibraryDir } from '../../../../pipeline/native/find-library-source.js';
import { nativeHelp } from '../../../../pipeline/native/native-help.js';

const root = mkdtempSync(join(tmpdir(), 'fashion-lens-libtf-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Lays out empty files at the given paths under a fresh folder. */
function layout(name: string, files: string[]): string {
  const dir = join(root, name);
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), '');
  }
  return dir;
}

describe('describeLibraryDir (where a TensorFlow C library can be staged from)', () => {
  it('recognises a libtensorflow tarball (lib/ + include/)', () => {
    const dir = layout('tarball', ['lib/libtensorflow.so.2', 'lib/libtensorflow_framework.so.2', 'include/tensorflow/c/c_api.h']);
    expect(describeLibraryDir(dir)).toEqual({ libDir: join(dir, 'lib'), mainLib: 'libtensorflow.so.2', includeDir: join(dir, 'include') });
  });

  it("recognises a Python package's tensorflow/ folder and its parent (the wheel's layout)", () => {
    const site = layout('site-packages', ['tensorflow/libtensorflow_cc.so.2', 'tensorflow/libtensorflow_framework.so.2', 'tensorflow/include/tensorflow/c/c_api.h']);
    const expected = { libDir: join(site, 'tensorflow'), mainLib: 'libtensorflow_cc.so.2', includeDir: join(site, 'tensorflow', 'include') };
    expect(describeLibraryDir(join(site, 'tensorflow'))).toEqual(expected);
    expect(describeLibraryDir(site)).toEqual(expected);
  });

  it('says what is missing for a folder without the library or headers, and for a missing folder', () => {
    const noHeaders = layout('no-headers', ['lib/libtensorflow.so.2', 'lib/libtensorflow_framework.so.2']);
    expect(describeLibraryDir(noHeaders)).toMatch(/holds no TensorFlow C library \(expected .*c_api\.h\)/);
    expect(describeLibraryDir(join(root, 'nowhere'))).toBe(`${join(root, 'nowhere')} does not exist`);
  });
});

describe('nativeHelp (the paragraph npm install and the pipeline print when nothing worked)', () => {
  it('lists what was tried and the three ways to fix it', () => {
    const text = nativeHelp(["tfjs-node's own download of libtensorflow failed (getaddrinfo ENOTFOUND)", 'pypi-wheel: pip could not reach pypi.org']);
    expect(text).toContain('getaddrinfo ENOTFOUND');
    expect(text).toContain('pip could not reach pypi.org');
    expect(text).toContain('(1) set FASHION_LENS_LIBTENSORFLOW_DIR');
    expect(text).toContain('(2) install TensorFlow for Python');
    expect(text).toContain('(3) allow access to pypi.org');
  });
});
