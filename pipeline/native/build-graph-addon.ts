import { spawnSync } from 'node:child_process';
import { localNodeDir, npmNodeGyp } from './build-addon.js';
import { GRAPH_ADDON_DIR } from './graph-addon.js';

/**
 * Builds the graph-training addon (pipeline/native/graph, node-gyp) against the TensorFlow library
 * staged for tfjs-node. Returns an error sentence or undefined. Seconds: one C++ file.
 */
export function buildGraphAddon(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const gyp = env.npm_config_node_gyp ?? npmNodeGyp();
  if (!gyp) return 'node-gyp was not found (it ships with npm)';
  const nodedir = env.npm_config_nodedir ?? localNodeDir();
  const run = spawnSync(process.execPath, [gyp, 'rebuild', ...(nodedir ? [`--nodedir=${nodedir}`] : [])], { cwd: GRAPH_ADDON_DIR, env, encoding: 'utf8', timeout: 300_000 });
  if (run.status === 0) return undefined;
  const tail = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /error/i.test(l)).slice(0, 5).join(' | ');
  return `building the graph-training addon failed (${tail || run.error?.message || `exit ${run.status}`})`;
}
