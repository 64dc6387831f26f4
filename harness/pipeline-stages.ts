import { dirname, join, normalize } from 'node:path';

// The order of pipeline/'s stages, lowest first, and the import rule that follows from it: a
// folder (or top file) of pipeline/ imports only what sits in a lower rank. run-pipeline.ts
// composes the stages; nothing below it knows their order. The layer-boundary test enforces it;
// bench/pipeline-shape.ts counts against it.

/** pipeline/'s folders and top files, by rank: each may import only the ranks before its own. */
export const PIPELINE_RANKS: readonly (readonly string[])[] = [
  // Leaf utilities that import no stage: seeded random, atomic writes, hashing, scoring, stops, failures.
  ['shared/'],
  ['image-ops/', 'native/'],
  ['data/'],
  ['augment/', 'models/'],
  ['train/'],
  ['export/'],
  ['eval/'],
  ['report/', 'convert/'],
  // The commands: the only place that knows the order of the stages (run-pipeline.ts: training's,
  // and the export stages every model goes through; run-convert.ts puts a converted Keras model
  // through the same export stages), and what starts them.
  ['run-pipeline.ts'],
  ['run-convert.ts'],
  ['cli/'],
];

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

/** The relative import specifiers of one source text. Pure. */
export function relativeImports(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]!).filter((specifier) => specifier.startsWith('.'));
}

/** The folder directly under pipeline/ that holds `path` (relative to pipeline/), or the top file itself. */
export function pipelineUnit(path: string): string {
  const [head, ...rest] = path.split('/');
  return rest.length > 0 ? `${head}/` : head!.replace(/\.js$/, '.ts');
}

/** The rank of a unit, or -1 for one PIPELINE_RANKS does not list. */
const rankOf = (unit: string) => PIPELINE_RANKS.findIndex((rank) => rank.includes(unit));

/** The arrows between units of pipeline/ (files relative to pipeline/): "from -> to", each once. Pure. */
export function pipelineArrows(files: readonly { path: string; source: string }[]): { from: string; to: string; file: string }[] {
  const arrows = new Map<string, { from: string; to: string; file: string }>();
  for (const { path, source } of files) {
    for (const specifier of relativeImports(source)) {
      const target = normalize(join(dirname(path), specifier));
      if (target.startsWith('..')) continue;
      const [from, to] = [pipelineUnit(path), pipelineUnit(target)];
      if (from !== to && !arrows.has(`${from} -> ${to}`)) arrows.set(`${from} -> ${to}`, { from, to, file: `${path} imports ${target}` });
    }
  }
  return [...arrows.values()];
}

/**
 * "<file> imports <target> (<from> -> <to> runs back up the stages)" for each arrow that does not
 * go to a lower rank, and "<unit> has no rank" for a unit PIPELINE_RANKS does not list. Pure.
 */
export function stageViolations(files: readonly { path: string; source: string }[]): string[] {
  const unranked = [...new Set(files.map((f) => pipelineUnit(f.path)))].filter((unit) => rankOf(unit) < 0).map((unit) => `pipeline/${unit} has no rank in PIPELINE_RANKS`);
  const upward = pipelineArrows(files)
    .filter(({ from, to }) => rankOf(from) >= 0 && rankOf(to) >= 0 && rankOf(to) >= rankOf(from))
    .map(({ from, to, file }) => `pipeline/${file} (${from} -> ${to} runs back up the stages)`);
  return [...unranked, ...upward];
}
