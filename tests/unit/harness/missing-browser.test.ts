import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('npm test on a machine without Chromium', () => {
  it('runs and reports the unit tests, then fails the e2e files with the sentence that says how to install it', () => {
    // A small slice of the real suite, as `npm test` runs it, with the browser pointed somewhere empty.
    const run = spawnSync('npx', ['vitest', 'run', 'tests/unit/core/top-k.test.ts', 'tests/e2e/popup.test.ts'], {
      cwd: ROOT,
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium', NO_COLOR: '1', FORCE_COLOR: '0' },
      encoding: 'utf8',
      timeout: 110_000,
    });
    const output = `${run.stdout}\n${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    expect(run.status, output).toBe(1);
    expect(output).toMatch(/✓\s+\|?unit\|?\s+tests\/unit\/core\/top-k\.test\.ts \(3 tests\)/);
    expect(output).toContain('Chromium is not at /nonexistent/chromium. Install Debian\'s package (sudo apt-get install chromium) or set CHROMIUM_PATH');
    expect(output).toMatch(/FAIL\s+\|?e2e\|?\s+tests\/e2e\/popup\.test\.ts/);
    expect(output).toMatch(/Test Files\s+1 failed \| 1 passed/);
  });
});
