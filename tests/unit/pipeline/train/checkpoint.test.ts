import * as tf from '@tensorflow/tfjs-node';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCheckpoint, saveCheckpoint, type RunIdentity } from '../../../../pipeline/train/checkpoint.js';
import { Nadam } from '../../../../pipeline/train/nadam.js';
import { FileSystemError } from '../../../../pipeline/shared/file-system-error.js';
import { CheckpointError } from '../../../../pipeline/train/checkpoint-error.js';
import { canMountSmallDisk, mountSmallDisk } from '../../../helpers/small-disk.js';

const root = mkdtempSync(join(tmpdir(), 'fashion-lens-checkpoint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const identity: RunIdentity = { planName: 'cnn', epochs: 2, batchSize: 32, seed: 42, trainCount: 64 };
const EPOCH = { epoch: 1, loss: 1, accuracy: 0.5, valLoss: 1, valAccuracy: 0.5, seconds: 1 };

function tinyModel(): tf.LayersModel {
  return tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] });
}

/** A real checkpoint after one optimizer step, in <root>/<name>. */
async function savedCheckpoint(name: string): Promise<string> {
  const dir = join(root, name);
  const model = tinyModel();
  const optimizer = new Nadam();
  optimizer.minimize(() => tf.sum(model.predict(tf.ones([1, 3])) as tf.Tensor) as tf.Scalar);
  await saveCheckpoint(dir, identity, model, optimizer, [EPOCH]);
  model.dispose();
  optimizer.dispose();
  return dir;
}

const resume = (dir: string) => loadCheckpoint(dir, identity, tinyModel(), new Nadam());

describe('loadCheckpoint on a broken checkpoint', () => {
  it('restores an intact one', async () => {
    expect(await resume(await savedCheckpoint('intact'))).toEqual([EPOCH]);
  });

  it('a truncated state.json is refused with a sentence naming the file and what to do, not a SyntaxError', async () => {
    const dir = await savedCheckpoint('truncated-state');
    truncateSync(join(dir, 'state.json'), 40);
    const error = await resume(dir).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect((error as Error).message).toMatch(/^The checkpoint in .* is damaged: .*state\.json is not valid JSON \(.*\)\. Delete .* to start over, or run without --resume \(that replaces the checkpoint\)\.$/);
    expect((error as Error).message).toContain(join(dir, 'state.json'));
  });

  it('a state.json without the run it belongs to is refused the same way, not a TypeError', async () => {
    const dir = await savedCheckpoint('no-identity');
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ history: [] }));
    await expect(resume(dir)).rejects.toThrow(/^The checkpoint in .* is damaged: .*state\.json does not say which run it belongs to/);
  });

  it('a missing optimizer.bin is refused with a sentence naming the file and what to do, not ENOENT', async () => {
    const dir = await savedCheckpoint('no-optimizer');
    rmSync(join(dir, 'optimizer.bin'));
    const error = (await resume(dir).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(/^The checkpoint in .* is damaged: .*optimizer\.bin is missing\. Delete .* to start over, or run without --resume/);
    expect((error as NodeJS.ErrnoException).code).toBeUndefined();
  });

  it('a truncated optimizer.bin or missing model weights are refused the same way', async () => {
    const dir = await savedCheckpoint('short-optimizer');
    truncateSync(join(dir, 'optimizer.bin'), 4);
    await expect(resume(dir)).rejects.toThrow(/^The checkpoint in .* is damaged: .*optimizer\.bin (is|could not be)/);
    const other = await savedCheckpoint('no-weights');
    rmSync(join(other, 'model', 'weights.bin'));
    await expect(resume(other)).rejects.toThrow(/^The checkpoint in .* is damaged: the saved model in .*model could not be read/);
    expect(readFileSync(join(other, 'state.json'), 'utf8')).toContain('"identity"');
  });
});

describe('loadCheckpoint on weights that are not numbers (issue 19, item 13)', () => {
  /** Overwrites every float32 in `path` with `value`, as a diverged run would have saved them. */
  const fill = (path: string, value: number) => writeFileSync(path, new Uint8Array(new Float32Array(readFileSync(path).byteLength / 4).fill(value).buffer));

  it('model weights all NaN are refused when the checkpoint is loaded, with the damaged-checkpoint sentence naming a weight', async () => {
    const dir = await savedCheckpoint('nan-weights');
    fill(join(dir, 'model', 'weights.bin'), NaN);
    const error = (await resume(dir).catch((e: Error) => e)) as Error;
    expect(error).toBeInstanceOf(CheckpointError);
    expect(error.message).toMatch(/^The checkpoint in .* is damaged: the saved weights in .*model are not numbers \(\S+ holds NaN or infinite values\)\. Delete .* to start over, or run without --resume/);
  });

  it('an infinite optimizer state is refused the same way', async () => {
    const dir = await savedCheckpoint('infinite-optimizer');
    fill(join(dir, 'optimizer.bin'), Infinity);
    await expect(resume(dir)).rejects.toThrow(/^The checkpoint in .* is damaged: the optimizer state in .*optimizer\.bin is not numbers \(.* holds NaN or infinite values\)\. Delete /);
  });
});

describe('saveCheckpoint on a full disk (issue 12, item 12)', () => {
  it.skipIf(!canMountSmallDisk())('names the path and the fix, keeps the previous checkpoint and leaves no temporary folder (needs root for a tmpfs)', async () => {
    const disk = mountSmallDisk('64k')!;
    try {
      const dir = join(disk.dir, 'checkpoints', 'cnn');
      const small = tinyModel();
      await saveCheckpoint(dir, identity, small, new Nadam(), [EPOCH]);
      const big = tf.sequential({ layers: [tf.layers.dense({ units: 10_000, inputShape: [3] })] }); // 160 kB of weights
      const error = await saveCheckpoint(dir, identity, big, new Nadam(), [EPOCH, { ...EPOCH, epoch: 2 }]).catch((e: Error) => e);
      expect(error).toBeInstanceOf(FileSystemError);
      expect((error as Error).message).toMatch(new RegExp(`^Could not write ${join(disk.dir, 'checkpoints')}/\\.cnn\\.tmp-\\d+/.*: the disk is full\\. Free some space on the disk`));
      expect(readdirSync(join(disk.dir, 'checkpoints'))).toEqual(['cnn']);
      expect(await resume(dir)).toEqual([EPOCH]);
      small.dispose();
      big.dispose();
    } finally {
      disk.remove();
    }
  });
});
