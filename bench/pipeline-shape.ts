// The shape of pipeline/, in numbers (issue 21's note): import arrows between its folders and top
// files, how many of them run back up (from a unit to one that also reaches it, i.e. arrows that
// sit in a cycle), lines per folder, and the longest functions. Run: npx tsx bench/pipeline-shape.ts
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '..');
const PIPELINE = join(ROOT, 'pipeline');
const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

const files = readdirSync(PIPELINE, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => ({ path: name.replaceAll('\\', '/'), source: readFileSync(join(PIPELINE, name), 'utf8') }));

/** The folder directly under pipeline/ that holds a file, or the file itself when it sits at the top. */
function unitOf(path: string): string {
  const [head, ...rest] = path.split('/');
  return rest.length > 0 ? `${head}/` : head!;
}

const arrows = new Set<string>();
for (const { path, source } of files) {
  for (const m of source.matchAll(IMPORT)) {
    const specifier = m[1] ?? m[2] ?? m[3]!;
    if (!specifier.startsWith('.')) continue;
    const target = relative(PIPELINE, resolve(PIPELINE, dirname(path), specifier)).replace(/\.js$/, '.ts');
    if (target.startsWith('..')) continue;
    const [from, to] = [unitOf(path), unitOf(target)];
    if (from !== to) arrows.add(`${from} -> ${to}`);
  }
}
const edges = [...arrows].map((a) => a.split(' -> ') as [string, string]);
const reaches = (from: string, to: string): boolean => {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const unit = stack.pop()!;
    if (unit === to) return true;
    if (seen.has(unit)) continue;
    seen.add(unit);
    for (const [a, b] of edges) if (a === unit) stack.push(b);
  }
  return false;
};
const back = edges.filter(([a, b]) => reaches(b, a));
const units = new Set(files.map((f) => unitOf(f.path)));

const linesPerUnit = new Map<string, number>();
for (const { path, source } of files) linesPerUnit.set(unitOf(path), (linesPerUnit.get(unitOf(path)) ?? 0) + source.split('\n').length - 1);

const functions: { name: string; lines: number }[] = [];
for (const { path, source } of files) {
  const sf = ts.createSourceFile(path, source, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name && ts.isIdentifier(node.name) ? node.name.text : '(anonymous)';
      functions.push({ name: `${path}:${start + 1} ${name}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}
functions.sort((a, b) => b.lines - a.lines);

console.log(`pipeline/: ${files.length} files, ${files.reduce((s, f) => s + f.source.split('\n').length - 1, 0)} lines, ${units.size} folders and top files`);
console.log(`import arrows between folders/top files: ${edges.length}; in a cycle (running back up): ${back.length}`);
for (const [a, b] of back) console.log(`  back: ${a} -> ${b}`);
console.log('lines per folder/top file:');
for (const [unit, lines] of [...linesPerUnit].sort((a, b) => b[1] - a[1])) console.log(`  ${String(lines).padStart(5)}  ${unit}`);
console.log(`functions over 50 lines: ${functions.filter((f) => f.lines > 50).length}; longest 8:`);
for (const f of functions.slice(0, 8)) console.log(`  ${String(f.lines).padStart(4)}  ${f.name}`);
