/**
 * Builds the extension once for the e2e suite: the production build exactly as `npm run build`
 * does (minified) and the test build of the same code (`--mode e2e`, with the click hook), with the committed models in artifacts/models when both are there and valid;
 * otherwise it trains small models with the pipeline's own --quick run and export, and packages
 * those through FASHION_LENS_MODELS_DIR. Tests read what was built through inject().
 * The Firefox project (FIREFOX_E2E_PROJECT, tests/e2e/firefox/) gets the Firefox builds instead:
 * `npm run zip:firefox`'s zip (its production build) and the Firefox test build.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { collectModelFiles, MODELS_DIR_ENV } from '../../extension/modules/package-models/collect-model-files.js';
import { requireChromium } from '../../harness/launch-extension.js';
import { requireFirefox } from '../../harness/launch-firefox-extension.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The test build the e2e tests drive (.output/chrome-mv3-e2e): the production code plus the click hook. */
    extensionDir: string;
    /** The production build users load (.output/chrome-mv3), which must not contain the hook. */
    productionDir: string;
    /** The models folder it packages. */
    modelsDir: string;
    /** True when those are the committed, fully trained models (accuracy assertions need them). */
    realModels: boolean;
    /** The models folder the test build packages: modelsDir's models plus CONVERTED_MODEL_ID, converted from a Keras fixture with `npm run convert --ship`. */
    testBuildModelsDir: string;
    /** Firefox project only: the zip `npm run zip:firefox` makes (what is signed and published). */
    firefoxZip: string;
  }
}

/** The Vitest project of the Firefox e2e tests (vitest.config.ts). */
export const FIREFOX_E2E_PROJECT = 'e2e-firefox';

/** The model converted from Keras (tests/fixtures/keras/lenet5-unit.keras) that the test build also ships (issue 23). */
export const CONVERTED_MODEL_ID = 'keras-lenet5';
export const CONVERTED_MODEL_NAME = 'LeNet-5 converted from Keras';

const ROOT = resolve(import.meta.dirname, '../..');

function run(command: string, args: string[], env: NodeJS.ProcessEnv, what: string): void {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 900_000 });
  if (result.status !== 0) {
    throw new Error(`e2e setup: ${what} failed (exit ${result.status ?? result.signal}).\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
  }
}

function committedModelsProblem(dir: string): string | undefined {
  try {
    collectModelFiles(dir, ROOT);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export default function setup(project: TestProject): () => void {
  const firefox = project.name === FIREFOX_E2E_PROJECT;
  // Without a browser no e2e test can run: each one fails with the sentence that says how to get
  // it (launchExtension asks requireChromium, launchFirefoxExtension requireFirefox), while the unit tests run and report as usual.
  // Nothing is built then, so a run without the browser never touches .output/.
  try {
    if (firefox) requireFirefox();
    else requireChromium();
  } catch (error) {
    console.error(`e2e: ${(error as Error).message}`);
    return () => {};
  }
  const committed = join(ROOT, 'artifacts', 'models');
  const problem = committedModelsProblem(committed);
  let modelsDir = committed;
  let scratch: string | undefined;
  if (problem) {
    scratch = mkdtempSync(join(tmpdir(), 'fashion-lens-e2e-'));
    console.log(`e2e: the committed models cannot be used (${problem.split('. ')[0]}); training quick models with the pipeline instead.`);
    run('npx', ['tsx', 'pipeline/cli/pipeline.ts', '--models', 'cnn,lenet5', '--quick', '--no-report', '--out', scratch, '--checkpoint-dir', join(scratch, 'checkpoints')], process.env, 'the pipeline quick run');
    modelsDir = join(scratch, 'models');
  }
  // NODE_ENV=test (set by Vitest) would make Vite build a development bundle; both builds are
  // minified like the one users load. The production build is checked for what ships; the test
  // build (the same code, plus the hook through which tests click the context menu) is driven.
  const { NODE_ENV: _, ...env } = process.env;
  if (firefox) return setupFirefox(project, { ...env, [MODELS_DIR_ENV]: modelsDir }, modelsDir, !problem, scratch);
  // The test build also ships a model converted from Keras by the real CLI, as a user's --ship would (issue 23).
  const converted = mkdtempSync(join(tmpdir(), 'fashion-lens-e2e-converted-'));
  cpSync(modelsDir, join(converted, 'models'), { recursive: true });
  run(
    'npx',
    ['tsx', 'pipeline/cli/convert.ts', 'tests/fixtures/keras/lenet5-unit.keras', '--input', 'unit', '--ship', '--id', CONVERTED_MODEL_ID, '--name', CONVERTED_MODEL_NAME, '--out', converted],
    process.env,
    '`npm run convert` of the Keras fixture',
  );
  const testBuildModelsDir = join(converted, 'models');
  run('npx', ['wxt', 'build'], { ...env, [MODELS_DIR_ENV]: modelsDir }, '`wxt build`');
  run('npx', ['wxt', 'build', '--mode', 'e2e'], { ...env, [MODELS_DIR_ENV]: testBuildModelsDir }, '`wxt build --mode e2e`');

  project.provide('extensionDir', join(ROOT, '.output', 'chrome-mv3-e2e'));
  project.provide('productionDir', join(ROOT, '.output', 'chrome-mv3'));
  project.provide('modelsDir', modelsDir);
  project.provide('realModels', !problem);
  project.provide('testBuildModelsDir', testBuildModelsDir);
  return () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    rmSync(converted, { recursive: true, force: true });
  };
}

/** The Firefox builds: `npm run zip:firefox` (its production build, then the zip; the build fails on a permission Firefox would refuse) and the test build. */
function setupFirefox(project: TestProject, env: NodeJS.ProcessEnv, modelsDir: string, realModels: boolean, scratch: string | undefined): () => void {
  run('npx', ['wxt', 'zip', '-b', 'firefox', '--mv3'], env, '`wxt zip -b firefox --mv3`');
  run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3', '--mode', 'e2e'], env, '`wxt build -b firefox --mv3 --mode e2e`');
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  project.provide('extensionDir', join(ROOT, '.output', 'firefox-mv3-e2e'));
  project.provide('productionDir', join(ROOT, '.output', 'firefox-mv3'));
  project.provide('firefoxZip', join(ROOT, '.output', `fashion-lens-${version}-firefox.zip`));
  project.provide('modelsDir', modelsDir);
  project.provide('realModels', realModels);
  project.provide('testBuildModelsDir', modelsDir);
  return () => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
}
