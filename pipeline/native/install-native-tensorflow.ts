import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildAddon } from './build-addon.js';
import { describeLibraryDir } from './find-library-source.js';
import { LIBTENSORFLOW_DIR_ENV, tfjsNodeDir } from './native-config.js';
import { readNativeStatus, writeNativeStatus, type NativeStatus } from './native-status.js';
import { probeNative } from './probe-native.js';
import { findPythonTensorflow, installTensorflowWheel, systemPython } from './python-tensorflow.js';
import { stageLibtensorflow } from './stage-libtensorflow.js';

type Source = NativeStatus['source'];

/** One way of providing the library: returns a directory to stage from, or why it cannot. */
interface Provider {
  source: Exclude<Source, 'tfjs-node-download' | 'none'>;
  find: () => string | { dir: string };
}

function providers(env: NodeJS.ProcessEnv): Provider[] {
  return [
    {
      source: 'env-dir',
      find: () => (env[LIBTENSORFLOW_DIR_ENV] ? { dir: env[LIBTENSORFLOW_DIR_ENV]! } : `${LIBTENSORFLOW_DIR_ENV} is not set`),
    },
    { source: 'python-tensorflow', find: () => findPythonTensorflow(systemPython(env)) },
    { source: 'pypi-wheel', find: () => installTensorflowWheel(env) },
  ];
}

/**
 * Makes `require('@tensorflow/tfjs-node')` work with the native 'tensorflow' backend. First lets
 * tfjs-node's own install script download libtensorflow (so nothing changes where that works); when
 * it fails, stages the C library from, in order: $FASHION_LENS_LIBTENSORFLOW_DIR, an installed Python
 * TensorFlow, or PyPI's pinned tensorflow-cpu wheel in the user cache; then builds the addon from source.
 * Never throws: the result (and every failed attempt) is recorded for `npm run doctor` and the pipeline.
 */
export function installNativeTensorflow(projectDir: string, env: NodeJS.ProcessEnv = process.env): NativeStatus {
  const started = Date.now();
  const pkgDir = tfjsNodeDir();
  const attempts: string[] = [];
  const finish = (ok: boolean, source: Source, extra: Partial<NativeStatus> = {}): NativeStatus => {
    const status: NativeStatus = { ok, source, seconds: (Date.now() - started) / 1000, attempts, at: new Date().toISOString(), ...extra };
    writeNativeStatus(status);
    return status;
  };

  const before = readNativeStatus();
  const probe0 = probeNative(projectDir);
  if (typeof probe0 !== 'string') {
    return finish(true, before?.ok ? before.source : 'tfjs-node-download', { from: before?.from, tensorflowVersion: probe0.tensorflowVersion });
  }

  console.log("fashion-lens: trying tfjs-node's own libtensorflow download ...");
  const own = spawnSync(process.execPath, ['scripts/install.js'], { cwd: pkgDir, encoding: 'utf8', timeout: 900_000 });
  if (own.status === 0) {
    const probe = probeNative(projectDir);
    if (typeof probe !== 'string') return finish(true, 'tfjs-node-download', { tensorflowVersion: probe.tensorflowVersion });
    attempts.push(`tfjs-node's download finished but ${probe}`);
  } else {
    const why = `${own.stderr}`.split('\n').find((l) => /Error|getaddrinfo|ECONN|ETIMEDOUT/.test(l))?.trim();
    attempts.push(`tfjs-node's own download of libtensorflow failed${why ? ` (${why})` : ''}`);
  }

  for (const provider of providers(env)) {
    const found = provider.find();
    if (typeof found === 'string') {
      attempts.push(`${provider.source}: ${found}`);
      continue;
    }
    const layout = describeLibraryDir(found.dir);
    if (typeof layout === 'string') {
      attempts.push(`${provider.source}: ${layout}`);
      continue;
    }
    console.log(`fashion-lens: staging the TensorFlow C library from ${layout.libDir}`);
    stageLibtensorflow(layout, join(pkgDir, 'deps'));
    const buildError = buildAddon(pkgDir, env);
    if (buildError) {
      attempts.push(`${provider.source}: ${buildError}`);
      continue;
    }
    const probe = probeNative(projectDir);
    if (typeof probe === 'string') {
      attempts.push(`${provider.source}: staged from ${layout.libDir} but ${probe}`);
      continue;
    }
    return finish(true, provider.source, { from: layout.libDir, tensorflowVersion: probe.tensorflowVersion });
  }
  return finish(false, 'none');
}
