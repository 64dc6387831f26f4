import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePipelineArgs } from '../../../pipeline/cli/pipeline-args.js';
import { FileSystemError } from '../../../pipeline/shared/file-system-error.js';
import { runPipeline } from '../../../pipeline/run-pipeline.js';
import { canMountSmallDisk, mountSmallDisk } from '../../helpers/small-disk.js';

// The whole job in-process on a small LeNet-5 run (500 images, 1 epoch, real data), with Ctrl-C
// and the disk simulated: Ctrl-C as the injected shouldStop, a full disk as a real tiny tmpfs.

const scratch = mkdtempSync(join(tmpdir(), 'fashion-lens-run-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function quickArgs(out: string, ...extra: string[]) {
  return parsePipelineArgs(['--quick', '--models', 'lenet5', '--out', out, '--checkpoint-dir', join(scratch, `ckpt-${Math.random().toString(36).slice(2)}`), ...extra]);
}

/** Every hidden (temporary) entry anywhere under `dir`. */
function hiddenEntries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => path.split('/').some((part) => part.startsWith('.')));
}

/** Runs the pipeline; Ctrl-C "arrives" (shouldStop turns true) once a log line starts with `stopAt`. */
async function runStoppingAt(out: string, stopAt: string, ...extra: string[]) {
  const lines: string[] = [];
  let stop = false;
  const outcome = await runPipeline(quickArgs(out, ...extra), '2.15.1', () => stop, (line) => {
    lines.push(line);
    if (line.startsWith(stopAt)) stop = true;
  });
  return { outcome, lines };
}

describe('Ctrl-C after training (issue 12, item 11)', () => {
  it('during quantization: stops there, writes no model to models/ and leaves no temporary folder', async () => {
    const out = join(scratch, 'stop-quantizing');
    const { outcome, lines } = await runStoppingAt(out, 'Training took');
    expect(outcome).toBe('stopped');
    expect(lines.some((l) => l.includes('weights on'))).toBe(false);
    expect(lines.some((l) => l.startsWith('Exported'))).toBe(false);
    expect(existsSync(join(out, 'models', 'lenet5'))).toBe(false);
    expect(existsSync(join(out, 'report'))).toBe(false);
    expect(hiddenEntries(out)).toEqual([]);
  });

  it('during the report: stops there and writes no report (the models are whole)', async () => {
    const out = join(scratch, 'stop-reporting');
    const { outcome } = await runStoppingAt(out, 'Report: ');
    expect(outcome).toBe('stopped');
    expect(readdirSync(join(out, 'models', 'lenet5')).sort()).toEqual(['metadata.json', 'model.json', 'weights.bin']);
    expect(existsSync(join(out, 'report'))).toBe(false);
    expect(hiddenEntries(out)).toEqual([]);
  });
});

describe('disk errors (issue 12, item 12)', () => {
  it('an --out that cannot be written is refused before training, naming the folder and the fix', async () => {
    writeFileSync(join(scratch, 'a-file'), 'x');
    const out = join(scratch, 'a-file', 'out');
    const lines: string[] = [];
    const error = await runPipeline(quickArgs(out, '--no-report'), '2.15.1', () => false, (line) => lines.push(line)).catch((e: Error) => e);
    expect(error).toBeInstanceOf(FileSystemError);
    expect((error as Error).message).toMatch(new RegExp(`^Could not write in the --out folder ${out}: a part of the path is a file, not a folder\\. .* Nothing was trained\\.$`));
    expect(lines.filter((l) => l.includes('Training on'))).toEqual([]);
  });

  it.skipIf(!canMountSmallDisk())('a disk that fills up as the model is written: the error names the file and the fix; models/ gets no model; no temporary folder (needs root for a tmpfs)', async () => {
    // 32 kB holds no model: the shipped LeNet-5 weights alone are ~67 kB (uint8) to ~250 kB (float32).
    const disk = mountSmallDisk('32k')!;
    try {
      const out = join(disk.dir, 'out');
      const lines: string[] = [];
      const error = await runPipeline(quickArgs(out, '--no-report'), '2.15.1', () => false, (line) => lines.push(line)).catch((e: Error) => e);
      expect(lines.some((l) => l.includes('lenet5 weights on'))).toBe(true);
      expect(lines.some((l) => l.startsWith('Exported lenet5'))).toBe(false);
      expect(error).toBeInstanceOf(FileSystemError);
      expect((error as Error).message).toMatch(new RegExp(`^Could not write ${join(out, 'models')}/\\.lenet5\\.tmp-\\d+/weights\\.bin: the disk is full\\. Free some space on the disk`));
      expect(existsSync(join(out, 'models', 'lenet5'))).toBe(false);
      expect(hiddenEntries(out)).toEqual([]);
    } finally {
      disk.remove();
    }
  });
});
