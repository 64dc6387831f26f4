import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Node's own headers when they ship beside the binary (Debian, nodejs.org tarballs): no header download. */
export function localNodeDir(): string | undefined {
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? prefix : undefined;
}

/** npm's bundled node-gyp, for runs outside an npm lifecycle (where npm_config_node_gyp is unset). */
export function npmNodeGyp(): string | undefined {
  const bundled = join(dirname(dirname(process.execPath)), 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return existsSync(bundled) ? bundled : undefined;
}

/** Builds tfjs-node's N-API addon from source against the staged deps/. Returns an error sentence or undefined. */
export function buildAddon(tfjsNodeDir: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const require = createRequire(join(tfjsNodeDir, 'package.json'));
  const nodePreGyp = require.resolve('@mapbox/node-pre-gyp/bin/node-pre-gyp');
  const buildEnv: NodeJS.ProcessEnv = { ...env };
  const nodedir = localNodeDir();
  if (nodedir && !buildEnv.npm_config_nodedir) buildEnv.npm_config_nodedir = nodedir;
  const gyp = npmNodeGyp();
  if (gyp && !buildEnv.npm_config_node_gyp) buildEnv.npm_config_node_gyp = gyp;
  console.log('fashion-lens: building the tfjs-node addon from source (node-gyp) ...');
  const run = spawnSync(process.execPath, [nodePreGyp, 'install', '--build-from-source'], {
    cwd: tfjsNodeDir,
    env: buildEnv,
    encoding: 'utf8',
    timeout: 900_000,
  });
  if (run.status === 0) return undefined;
  const tail = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => /error/i.test(l)).slice(0, 5).join(' | ');
  return `building the tfjs-node addon failed (${tail || run.error?.message || `exit ${run.status}`})`;
}
