import { join } from 'node:path';

/**
 * The folder a plan's model is written to: <outDir>/models/<name> when the extension ships it,
 * else <outDir>/comparisons/<name> (for the report only).
 */
export const exportDirOf = (outDir: string, plan: { name: string; shipped: boolean }) => join(outDir, plan.shipped ? 'models' : 'comparisons', plan.name);
