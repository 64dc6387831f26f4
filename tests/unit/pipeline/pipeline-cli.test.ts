import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseModelMetadata } from '../../../core/metadata/parse-model-metadata.js';
import { canMountReadOnly, withReadOnlyMount } from '../../helpers/read-only-mount.js';

const out = mkdtempSync(join(tmpdir(), 'fashion-lens-cli-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function pipeline(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/pipeline.ts', ...args], { encoding: 'utf8', timeout: 600_000, env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' } });
}

describe('npm run pipeline (end to end on the real data)', () => {
  it('--quick trains, evaluates and exports both models with valid metadata and a report (--rbf: plus the RBF LeNet-5 for comparison)', () => {
    const run = pipeline('--quick', '--rbf', '--out', out, '--checkpoint-dir', join(out, 'ckpt'));
    expect(run.stderr + run.stdout).toContain('Exported lenet5');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Probabilities for the first 10 test images');
    expect(run.stdout).toMatch(/Test accuracy \d+\.\d+%/);
    for (const id of ['cnn', 'lenet5']) {
      const dir = join(out, 'models', id);
      expect(readdirSync(dir).sort()).toEqual(expect.arrayContaining(['metadata.json', 'model.json']));
      const metadata = parseModelMetadata(JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')), dir);
      expect(metadata.training!.backend).toBe('tensorflow');
      expect(metadata.training!.epochs).toBe(1);
      expect(metadata.training!.datasetSha256['train-images-idx3-ubyte']).toBe('c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888');
      // The shop recipe (the default): augmented, its prediction mode chosen on validation, checked on the suite and the real photos.
      expect(metadata.training).toMatchObject({ recipe: 'shop', augmentation: { mirrorProbability: 0.5 } });
      expect(metadata.prediction?.why).toMatch(/validation images/);
      expect(metadata.metrics.robustness?.map((r) => r.change)).toEqual(['none', 'mirror', 'shrink-80', 'shift-3', 'contrast-0.5', 'gamma-2', 'blur-1', 'noise-20']);
      expect(metadata.metrics.shopPhotos?.overall.count).toBe(36);
    }
    expect(readdirSync(join(out, 'models')).filter((d) => d.startsWith('.'))).toEqual([]);
    expect(existsSync(join(out, 'report', 'metrics.json'))).toBe(true);
    expect(run.stdout).toContain(`Report: ${join(out, 'report', 'index.html')}`);
    // Each model folder is written once, from memory: no weight variants are left on disk.
    expect(existsSync(join(out, 'variants'))).toBe(false);
    expect(run.stdout).toMatch(/cnn weights on 100 test images: float32 .*; ships (float32|float16|uint8)/);
    // --rbf: the paper's output layer, trained on its Euclidean loss, exported for the report only.
    const rbfDir = join(out, 'comparisons', 'lenet5-rbf');
    const rbf = parseModelMetadata(JSON.parse(readFileSync(join(rbfDir, 'metadata.json'), 'utf8')), rbfDir);
    expect(rbf).toMatchObject({ id: 'lenet5', trainableParams: 60_000, training: { loss: 'euclidean-rbf', epochs: 1 } });
    expect(JSON.parse(readFileSync(join(rbfDir, 'model.json'), 'utf8')).modelTopology.config.layers.at(-1).class_name).toBe('RbfOutput');
    expect(readdirSync(join(out, 'models')).sort()).toEqual(['cnn', 'lenet5']);
    const metrics = JSON.parse(readFileSync(join(out, 'report', 'metrics.json'), 'utf8'));
    expect(metrics.comparisons.map((c: { metadata: unknown }) => c.metadata)).toEqual([rbf]);
    const html = readFileSync(join(out, 'report', 'index.html'), 'utf8');
    expect(html).toContain('<section id="lenet5-outputs">');
    expect(html).toContain('<figure class="chart" id="lenet5-outputs-validation-accuracy"><svg');
    expect(html).toContain('<figure class="chart" id="lenet5-outputs-per-class-accuracy"><svg');
  });

  it('--recipe seed trains the notebook\'s recipe into comparisons/<id>-seed, without augmentation, predicting each image alone', () => {
    const seedOut = join(out, 'seed');
    const run = pipeline('--quick', '--recipe', 'seed', '--no-report', '--out', seedOut, '--checkpoint-dir', join(out, 'ckpt-seed'));
    expect(run.stderr + run.stdout).toContain('Exported lenet5-seed');
    expect(run.status).toBe(0);
    expect(existsSync(join(seedOut, 'models'))).toBe(false);
    for (const id of ['cnn', 'lenet5']) {
      const dir = join(seedOut, 'comparisons', `${id}-seed`);
      const metadata = parseModelMetadata(JSON.parse(readFileSync(join(dir, 'metadata.json'), 'utf8')), dir);
      expect(metadata).toMatchObject({ id, training: { recipe: 'seed' }, prediction: { mirrorAverage: false }, weights: { dtype: 'float32' } });
      expect(metadata.training!.augmentation).toBeUndefined();
      expect(metadata.metrics.robustness).toHaveLength(8);
    }
  });

  it('Ctrl-C under `npm run pipeline` reaches the handler: it stops after the batch, exits 130 and writes no model', async () => {
    // The command npm runs, as package.json states it, in its own process group: Ctrl-C in a
    // terminal sends SIGINT to the whole group (a launcher that relays it and then kills the
    // child, as tsx's does, never lets "stopping after this batch" happen).
    const script = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.pipeline!;
    const [command, ...args] = script.split(' ');
    const stopOut = join(out, 'stopped');
    const child = spawn(command!, [...args, '--models', 'cnn', '--limit', '20000', '--epochs', '1', '--no-report', '--out', stopOut, '--checkpoint-dir', join(out, 'ckpt-stop')], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TF_CPP_MIN_LOG_LEVEL: '2' },
    });
    let output = '';
    let sent = false;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const onData = (data: Buffer) => {
      output += data;
      if (!sent && output.includes('Training on')) {
        sent = true;
        setTimeout(() => process.kill(-child.pid!, 'SIGINT'), 2000);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    expect(await exited).toBe(130);
    expect(output).toContain('Stopping after this batch');
    expect(existsSync(join(stopOut, 'models', 'cnn'))).toBe(false);
  }, 300_000);

  it('--help explains the flags; bad flags exit 2 with a clear sentence', () => {
    const help = pipeline('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--resume');
    const bad = pipeline('--models', 'vgg');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--models takes cnn, lenet5');
  });

  it('an --out that cannot be written is refused at start, before training, with a sentence and no stack (issue 12, item 12)', () => {
    const file = join(out, 'not-a-folder');
    writeFileSync(file, 'x');
    const run = pipeline('--quick', '--models', 'lenet5', '--out', join(file, 'out'), '--checkpoint-dir', join(out, 'ckpt-unwritable'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Could not write in the --out folder ${join(file, 'out')}: a part of the path is a file, not a folder.`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).not.toContain('Training on');
  });

  it('--out or --checkpoint-dir under /proc ends at once with a sentence; it hung in a recursive mkdir that never returned (issue 19, item 5)', () => {
    for (const [flag, dir, parent] of [['--out', '/proc/x', '/proc'], ['--checkpoint-dir', '/proc/sys/x/y', '/proc/sys']] as const) {
      const other = flag === '--out' ? ['--checkpoint-dir', join(out, 'ckpt-proc')] : ['--out', join(out, 'out-proc')];
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'pipeline/cli/pipeline.ts', '--quick', flag, dir, ...other], { encoding: 'utf8', timeout: 60_000 });
      expect(run.signal).toBeNull();
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Could not write in the ${flag} folder ${dir}: ${parent} does not let files or folders be created in it: it is not a folder on a disk`);
      expect(run.stdout).not.toContain('Training on');
    }
  });

  it.skipIf(!canMountReadOnly())('an --out on a read-only file system says it is read-only, not that it may have been deleted (issue 19, item 12; a real read-only tmpfs in a private mount namespace)', () => {
    const mountPoint = join(out, 'read-only');
    mkdirSync(mountPoint);
    for (const dir of [mountPoint, join(mountPoint, 'new', 'out')]) {
      const [program, args] = withReadOnlyMount(mountPoint, [process.execPath, '--import', 'tsx', 'pipeline/cli/pipeline.ts', '--quick', '--out', dir, '--checkpoint-dir', join(out, 'ckpt-ro')]);
      const run = spawnSync(program, args, { encoding: 'utf8', timeout: 60_000 });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`Could not write in the --out folder ${dir}: the file system is read-only. Choose a writable folder (--out, --checkpoint-dir), then run again.`);
      expect(run.stderr).not.toContain('deleted');
      expect(run.stdout).not.toContain('Training on');
    }
  });

  it('a missing data dir is refused with the path in the message', () => {
    const run = pipeline('--quick', '--data-dir', join(out, 'nope'), '--out', join(out, 'x'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(join(out, 'nope'));
    expect(existsSync(join(out, 'x', 'models'))).toBe(false);
  });
});
