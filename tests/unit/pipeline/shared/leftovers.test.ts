import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanLeftovers, siblingOf, tempFileOf, writeProbeOf } from '../../../../pipeline/shared/leftovers.js';

// A pipeline worker killed on Ctrl-C (issue 19, item 3) may stop anywhere inside a folder write;
// cleanLeftovers, run by the CLI afterwards, must leave every folder whole and nothing hidden.

const scratch = mkdtempSync(join(tmpdir(), 'fashion-lens-leftovers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const PID = 4_000_000; // no real process

function folder(path: string, files: Record<string, string>): void {
  mkdirSync(path, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(path, name), content);
}

describe('cleanLeftovers', () => {
  it('puts back a folder moved aside for a write that never finished, drops one whose replacement is in place, removes temporary entries; other processes\' entries stay', () => {
    const root = join(scratch, 'states');
    folder(siblingOf(join(root, 'models', 'cnn'), 'old', PID), { 'model.json': 'old cnn' });
    folder(siblingOf(join(root, 'models', 'cnn'), 'tmp', PID), { 'model.json': 'new c' });
    folder(join(root, 'models', 'lenet5'), { 'model.json': 'new lenet5' });
    folder(siblingOf(join(root, 'models', 'lenet5'), 'old', PID), { 'model.json': 'old lenet5' });
    folder(siblingOf(join(root, 'report'), 'tmp', PID), { 'index.html': 'half' });
    folder(siblingOf(join(root, 'cnn'), 'discard', PID), { 'state.json': '{' });
    writeFileSync(writeProbeOf(root, PID), 'probe');
    writeFileSync(tempFileOf(join(root, 'train.gz'), 'ab12', PID), 'half');
    folder(siblingOf(join(root, 'models', 'cnn'), 'tmp', PID + 1), { 'model.json': 'another run' });

    expect(cleanLeftovers([root, join(scratch, 'absent')], PID)).toEqual([]);
    expect(readFileSync(join(root, 'models', 'cnn', 'model.json'), 'utf8')).toBe('old cnn');
    expect(readFileSync(join(root, 'models', 'lenet5', 'model.json'), 'utf8')).toBe('new lenet5');
    expect(readdirSync(root).sort()).toEqual(['models']);
    expect(readdirSync(join(root, 'models')).sort()).toEqual([`.cnn.tmp-${PID + 1}`, 'cnn', 'lenet5']);
  });

  it('after a real SIGKILL anywhere in writeDirAtomically, the folder is whole (the old or the new one) and nothing hidden is left', async () => {
    const root = join(scratch, 'killed');
    const dest = join(root, 'models', 'cnn');
    // A child that rewrites the folder forever, alternating two versions of 40 files of 64 kB.
    const script = `
      import { writeDirAtomically } from './pipeline/shared/write-dir-atomically.ts';
      const version = (v) => Object.fromEntries(Array.from({ length: 40 }, (_, i) => ['f' + i, v.repeat(65536)]));
      writeDirAtomically(${JSON.stringify(dest)}, version('a'));
      console.log('ready');
      for (let n = 0; ; n++) writeDirAtomically(${JSON.stringify(dest)}, version(n % 2 ? 'a' : 'b'));`;
    const states = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 300));
      const hidden = readdirSync(join(root, 'models')).filter((e) => e.startsWith('.'));
      states.add(hidden.map((e) => e.replace(/-\d+$/, '')).sort().join(' ') || 'none');
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGKILL');
      await exited;
      expect(cleanLeftovers([root], child.pid!)).toEqual([]);
      expect(readdirSync(join(root, 'models'))).toEqual(['cnn']);
      const contents = new Set(readdirSync(dest).map((f) => readFileSync(join(dest, f), 'utf8')[0]));
      expect(readdirSync(dest)).toHaveLength(40);
      expect(contents.size).toBe(1);
    }
    // The kills landed inside writes (a temporary folder was there), not only between them.
    expect([...states].some((s) => s.includes('.cnn.tmp'))).toBe(true);
    expect(existsSync(dest)).toBe(true);
  }, 120_000);
});
