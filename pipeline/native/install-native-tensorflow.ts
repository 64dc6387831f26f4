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

  const own = tryOwnDownload(projectDir, pkgDir, attempts);
  if (own) return finish(true, 'tfjs-node-download', { tensorflowVersion: own });
  for (const provider of providers(env)) {
    const staged = tryProvider(provider, projectDir, pkgDir, env, attempts);
    if (staged) return finish(true, provider.source, staged);
  }
  return finish(false, 'none');
}

/** tfjs-node's own install script (its libtensorflow download): the TensorFlow version when it works, else undefined with the reason in `attempts`. */
function tryOwnDownload(projectDir: string, pkgDir: string, attempts: string[]): string | undefined {
  console.log("fashion-lens: trying tfjs-node's own libtensorflow download ...");
  const own = spawnSync(process.execPath, ['scripts/install.js'], { cwd: pkgDir, encoding: 'utf8', timeout: 900_000 });
  if (own.status === 0) {
    const probe = probeNative(projectDir);
    if (typeof probe !== 'string') return probe.tensorflowVersion;
    attempts.push(`tfjs-node's download finished but ${probe}`);
  } else {
    const why = `${own.stderr}`.split('\n').find((l) => /Error|getaddrinfo|ECONN|ETIMEDOUT/.test(l))?.trim();
    attempts.push(`tfjs-node's own download of libtensorflow failed${why ? ` (${why})` : ''}`);
  }
  return undefined;
}

/** One source of the C library: found, staged, the addon built and probed; where it came from and the version, else undefined with the reason in `attempts`. */
function tryProvider(provider: Provider, projectDir: string, pkgDir: string, env: NodeJS.ProcessEnv, attempts: string[]): { from: string; tensorflowVersion: string } | undefined {
  const found = provider.find();
  if (typeof found === 'string') return void attempts.push(`${provider.source}: ${found}`);
  const layout = describeLibraryDir(found.dir);
  if (typeof layout === 'string') return void attempts.push(`${provider.source}: ${layout}`);
  console.log(`fashion-lens: staging the TensorFlow C library from ${layout.libDir}`);
  stageLibtensorflow(layout, join(pkgDir, 'deps'));
  const buildError = buildAddon(pkgDir, env);
  if (buildError) return void attempts.push(`${provider.source}: ${buildError}`);
  const probe = probeNative(projectDir);
  if (typeof probe === 'string') return void attempts.push(`${provider.source}: staged from ${layout.libDir} but ${probe}`);
  return { from: layout.libDir, tensorflowVersion: probe.tensorflowVersion };
}
