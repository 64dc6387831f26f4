import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relativeImports, stageViolations } from '../../../harness/pipeline-stages.js';

// The layout's one rule, enforced: pipeline -> core <- extension. Production code never imports
// tests/, bench/ or harness/, core/ imports neither side, and the two sides never import each
// other (the tsconfigs only catch imports that drag in the other side's Node or DOM types).
// harness/ (the built extension in a real browser, the shop server, product photos) is what the
// e2e tests and the benches share, so bench/ never imports tests/.

const ROOT = resolve(import.meta.dirname, '../../..');

/** Top-level folders each production folder may import from (besides itself and packages). */
const ALLOWED: Record<string, readonly string[]> = {
  core: [],
  pipeline: ['core'],
  extension: ['core'],
  harness: ['core', 'pipeline', 'extension'],
  bench: ['core', 'pipeline', 'extension', 'harness'],
};

/** "<file> imports <target>" for each import that crosses the layout's rule. Pure. */
function boundaryViolations(files: { path: string; source: string }[]): string[] {
  const violations: string[] = [];
  for (const { path, source } of files) {
    const layer = path.split('/')[0]!;
    for (const specifier of relativeImports(source)) {
      const target = relative(ROOT, resolve(ROOT, dirname(path), specifier));
      const targetLayer = target.split('/')[0]!;
      if (targetLayer !== layer && !(ALLOWED[layer] ?? []).includes(targetLayer)) violations.push(`${path} imports ${target}`);
    }
  }
  return violations;
}

function sourcesUnder(folder: string): { path: string; source: string }[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ts|tsx|mts)$/.test(name) && !name.includes('node_modules'))
    .map((name) => ({ path: `${folder}/${name}`, source: readFileSync(join(ROOT, folder, name), 'utf8') }));
}

describe('layer boundaries', () => {
  it('hold in the code: pipeline -> core <- extension, nothing ships that imports tests/, bench/ or harness/, and bench/ does not import tests/', () => {
    const files = Object.keys(ALLOWED).flatMap(sourcesUnder);
    expect(files.length).toBeGreaterThan(100);
    expect(boundaryViolations(files)).toEqual([]);
  });

  it('are seen when crossed, whatever the import form', () => {
    const files = [
      { path: 'extension/lib/a.ts', source: "import { fit } from '../../pipeline/train/fit';\nimport type { X } from '../../core/types';" },
      { path: 'core/b.ts', source: "export { y } from '../extension/lib/y';\nconst z = await import('../tests/helpers/z.js');" },
      { path: 'pipeline/c.ts', source: "import '../bench/side-effect';\nimport { ok } from './d';\nimport { tf } from '@tensorflow/tfjs';" },
      { path: 'bench/d.ts', source: "import { launch } from '../harness/launch-extension.js';\nimport { huge } from '../tests/helpers/huge-jpeg.js';" },
    ];
    expect(boundaryViolations(files)).toEqual([
      'extension/lib/a.ts imports pipeline/train/fit',
      'core/b.ts imports extension/lib/y',
      'core/b.ts imports tests/helpers/z.js',
      'pipeline/c.ts imports bench/side-effect',
      'bench/d.ts imports tests/helpers/huge-jpeg.js',
    ]);
  });
});

describe('the stages of pipeline/', () => {
  const pipelineFiles = () => sourcesUnder('pipeline').map(({ path, source }) => ({ path: path.slice('pipeline/'.length), source }));

  it('import only stages below them (PIPELINE_RANKS): data -> augment -> train -> export -> evaluate -> report, and run-pipeline.ts alone orders them', () => {
    const files = pipelineFiles();
    expect(files.length).toBeGreaterThan(100);
    expect(stageViolations(files)).toEqual([]);
  });

  it('are seen running back up, and a folder with no rank is named', () => {
    const files = [
      { path: 'train/fit.ts', source: "import { predictAll } from '../shared/predict-all.js';\nimport { choose } from '../eval/choose-prediction-mode.js';" },
      { path: 'shared/seeded-random.ts', source: "export { x } from '../train/nadam';" },
      { path: 'eval/a.ts', source: "import { buildMetadata } from '../export/build-metadata.js';\nimport { b } from './b.js';" },
      { path: 'data/c.ts', source: "const d = await import('../models/build-cnn.js');" },
      { path: 'export/e.ts', source: "import '../run-pipeline.js';" },
      { path: 'odd/f.ts', source: "import { s } from '../shared/sha256-hex.js';" },
    ];
    expect(stageViolations(files)).toEqual([
      'pipeline/odd/ has no rank in PIPELINE_RANKS',
      'pipeline/train/fit.ts imports eval/choose-prediction-mode.js (train/ -> eval/ runs back up the stages)',
      'pipeline/shared/seeded-random.ts imports train/nadam (shared/ -> train/ runs back up the stages)',
      'pipeline/data/c.ts imports models/build-cnn.js (data/ -> models/ runs back up the stages)',
      'pipeline/export/e.ts imports run-pipeline.js (export/ -> run-pipeline.ts runs back up the stages)',
    ]);
  });
});
