// The shape of pipeline/, in numbers (issue 21's note): import arrows between its folders and top
// files, how many of them run back up (from a unit to one that also reaches it, i.e. arrows that
// sit in a cycle, and arrows against the stage order of harness/pipeline-stages.ts), lines per
// folder, and the longest functions. Run: npx tsx bench/pipeline-shape.ts [pipeline folder], e.g.
// on an older commit: git archive <commit> pipeline | tar -x -C /tmp/old && npx tsx bench/pipeline-shape.ts /tmp/old/pipeline
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { pipelineArrows, pipelineUnit as unitOf, stageViolations } from '../harness/pipeline-stages.js';

const ROOT = resolve(import.meta.dirname, '..');
const PIPELINE = process.argv[2] ? resolve(process.argv[2]) : join(ROOT, 'pipeline');
const files = readdirSync(PIPELINE, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.tsx?$/.test(name))
  .map((name) => ({ path: name.replaceAll('\\', '/'), source: readFileSync(join(PIPELINE, name), 'utf8') }));

const edges = pipelineArrows(files).map(({ from, to }) => [from, to] as [string, string]);
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
const violations = stageViolations(files);
console.log(`against the stage order (harness/pipeline-stages.ts): ${violations.length} problems`);
for (const v of violations) console.log(`  ${v}`);
console.log('lines per folder/top file:');
for (const [unit, lines] of [...linesPerUnit].sort((a, b) => b[1] - a[1])) console.log(`  ${String(lines).padStart(5)}  ${unit}`);
console.log(`functions over 50 lines: ${functions.filter((f) => f.lines > 50).length}; longest 8:`);
for (const f of functions.slice(0, 8)) console.log(`  ${String(f.lines).padStart(4)}  ${f.name}`);
