import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';

/**
 * Writes <outDir>/report/metrics.json from every exported model's metadata.json (the models on disk
 * are the truth, so a run that trains one model keeps the other's figures). Returns its path.
 */
export async function writeMetricsSummary(outDir: string): Promise<string> {
  const modelsDir = join(outDir, 'models');
  const models = existsSync(modelsDir)
    ? readdirSync(modelsDir)
        .filter((d) => !d.startsWith('.') && existsSync(join(modelsDir, d, 'metadata.json')))
        .map((d) => parseModelMetadata(JSON.parse(readFileSync(join(modelsDir, d, 'metadata.json'), 'utf8')), join(modelsDir, d, 'metadata.json')))
    : [];
  const reportDir = join(outDir, 'report');
  mkdirSync(reportDir, { recursive: true });
  const path = join(reportDir, 'metrics.json');
  writeFileSync(path, JSON.stringify({ generatedAt: new Date().toISOString(), models }, null, 2) + '\n');
  return resolve(path);
}
