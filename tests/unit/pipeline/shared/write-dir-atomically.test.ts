import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDirAtomically } from '../../../../pipeline/shared/write-dir-atomically.js';
import { FileSystemError, fileSystemError } from '../../../../pipeline/shared/file-system-error.js';
import { canMountSmallDisk, mountSmallDisk } from '../../../helpers/small-disk.js';

// Issue 12, item 12: a full disk gave a bare "ENOSPC: no space left on device, write" with no
// path, and failed writes could leave their temporary folder behind.

const scratch = mkdtempSync(join(tmpdir(), 'fashion-lens-write-dir-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const errno = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('fileSystemError', () => {
  it('names the path, what the code means and what to do', () => {
    const error = fileSystemError(errno('ENOSPC', 'ENOSPC: no space left on device, write'), 'write', '/out/models/.cnn.tmp-1/weights.bin');
    expect(error).toBeInstanceOf(FileSystemError);
    expect(error.message).toBe(
      'Could not write /out/models/.cnn.tmp-1/weights.bin: the disk is full. Free some space on the disk that holds /out/models/.cnn.tmp-1/weights.bin, or write somewhere else (--out, --checkpoint-dir), then run again. (ENOSPC: no space left on device, write)',
    );
    expect(fileSystemError(errno('EACCES', 'EACCES: permission denied'), 'write', '/x').message).toMatch(/^Could not write \/x: permission denied\. Make \/x writable/);
    expect(fileSystemError(errno('EWHATEVER', 'odd'), 'write', '/x').message).toMatch(/^Could not write \/x: the system said EWHATEVER\./);
  });

  it('passes other errors through unchanged', () => {
    const plain = new Error('not a file-system error');
    expect(fileSystemError(plain, 'write', '/x')).toBe(plain);
  });
});

describe('writeDirAtomically', () => {
  it('writes nested names and replaces the folder', () => {
    const dest = join(scratch, 'nested');
    writeDirAtomically(dest, { 'a.txt': 'old' });
    writeDirAtomically(dest, { 'model/model.json': '{}', 'b.txt': new Uint8Array([1, 2]) });
    expect(readdirSync(dest).sort()).toEqual(['b.txt', 'model']);
    expect(readFileSync(join(dest, 'model', 'model.json'), 'utf8')).toBe('{}');
  });

  it('names the path when a part of it is a file (ENOTDIR), and leaves nothing behind', () => {
    writeFileSync(join(scratch, 'a-file'), 'x');
    const error = (() => {
      try {
        writeDirAtomically(join(scratch, 'a-file', 'models', 'cnn'), { 'model.json': '{}' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(FileSystemError);
    expect(error!.message).toMatch(new RegExp(`^Could not create the folder ${join(scratch, 'a-file', 'models')}: a part of the path is a file, not a folder\\.`));
  });

  it.skipIf(!canMountSmallDisk())('on a full disk: ENOSPC names the file and the fix, the old folder stays, no temporary folder is left (needs root for a tmpfs)', () => {
    const disk = mountSmallDisk('64k')!;
    try {
      const dest = join(disk.dir, 'models', 'cnn');
      writeDirAtomically(dest, { 'weights.bin': new Uint8Array(8 * 1024).fill(1) });
      let error: unknown;
      try {
        writeDirAtomically(dest, { 'model.json': '{}', 'weights.bin': new Uint8Array(100 * 1024).fill(2) });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FileSystemError);
      expect((error as FileSystemError).code).toBe('ENOSPC');
      expect((error as Error).message).toMatch(new RegExp(`^Could not write ${join(disk.dir, 'models')}/\\.cnn\\.tmp-\\d+/weights\\.bin: the disk is full\\. Free some space`));
      expect(readdirSync(join(disk.dir, 'models'))).toEqual(['cnn']);
      expect(readFileSync(join(dest, 'weights.bin'))[0]).toBe(1);
    } finally {
      disk.remove();
    }
  });
});
