import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON_ENV, TENSORFLOW_CPU_VERSION, tensorflowVenvDir } from './native-config.js';

/** Finds the `tensorflow` package of a Python interpreter without importing it (importing is slow). */
const FIND_TENSORFLOW = `
import importlib.util, importlib.metadata as m, json
s = importlib.util.find_spec('tensorflow')
v = None
for d in ('tensorflow-cpu', 'tensorflow', 'tensorflow-intel'):
    try:
        v = m.version(d); break
    except Exception: pass
print(json.dumps({'dir': list(s.submodule_search_locations)[0] if s else None, 'version': v}))
`;

/** The `tensorflow/` package dir and version of `python`, or a sentence saying why there is none. */
export function findPythonTensorflow(python: string): { dir: string; version: string } | string {
  const run = spawnSync(python, ['-c', FIND_TENSORFLOW], { encoding: 'utf8', timeout: 60_000 });
  if (run.error) return `${python} could not be run (${run.error.message})`;
  if (run.status !== 0) return `${python} failed: ${run.stderr.trim().split('\n').pop()}`;
  const found = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { dir: string | null; version: string | null };
  if (!found.dir) return `${python} has no tensorflow package`;
  return { dir: found.dir, version: found.version ?? 'unknown' };
}

/** The Python interpreter to use: $FASHION_LENS_PYTHON, else python3. */
export function systemPython(env: NodeJS.ProcessEnv = process.env): string {
  return env[PYTHON_ENV] || 'python3';
}

/** The venv's interpreter (it may not exist yet). */
export function venvPython(env: NodeJS.ProcessEnv = process.env): string {
  return join(tensorflowVenvDir(env), 'bin', 'python');
}

/**
 * Installs PyPI's tensorflow-cpu (pinned) into a venv in the user cache, once.
 * The venv also serves the Keras benchmark (bench/train-throughput).
 */
export function installTensorflowWheel(env: NodeJS.ProcessEnv = process.env): { dir: string; version: string } | string {
  const venv = tensorflowVenvDir(env);
  const python = venvPython(env);
  const already = existsSync(python) ? findPythonTensorflow(python) : undefined;
  if (already && typeof already !== 'string' && already.version === TENSORFLOW_CPU_VERSION) return already;
  mkdirSync(venv, { recursive: true });
  if (!existsSync(python)) {
    const made = spawnSync(systemPython(env), ['-m', 'venv', venv], { stdio: 'inherit', timeout: 300_000 });
    if (made.status !== 0) return `could not create a Python venv in ${venv} (is python3 with venv installed?)`;
  }
  console.log(`fashion-lens: installing tensorflow-cpu==${TENSORFLOW_CPU_VERSION} from PyPI into ${venv} ...`);
  const pip = spawnSync(python, ['-m', 'pip', 'install', '--disable-pip-version-check', '-q', `tensorflow-cpu==${TENSORFLOW_CPU_VERSION}`], {
    stdio: 'inherit',
    timeout: 1_800_000,
  });
  if (pip.status !== 0) return `pip could not install tensorflow-cpu==${TENSORFLOW_CPU_VERSION} into ${venv}`;
  return findPythonTensorflow(python);
}
