// Build-time code (Node), loaded by WXT from extension/modules; never bundled into the extension.
/// <reference path="./addons-linter.d.ts" />
import linter, { type LinterMessage, type LinterReport } from 'addons-linter';

/** Mozilla's codes for a permission Firefox does not grant: unknown, privileged, or newer than strict_min_version. */
const PERMISSION_CODE = /^MANIFEST_(?:OPTIONAL_|HOST_)?PERMISSIONS|^MANIFEST_PERMISSIONS_PRIVILEGED$|^PERMISSION_FIREFOX_UNSUPPORTED/;

/** Runs Mozilla's add-ons linter (the one `web-ext lint` runs) on a built extension folder. */
export async function lintForFirefox(dir: string): Promise<LinterReport> {
  const config = { _: [dir], logLevel: 'fatal', stack: false, pretty: false, warningsAsErrors: false, metadata: false, output: 'none', boring: false, selfHosted: false };
  return linter.createInstance({ config, runAsBinary: false }).run();
}

/** The linter's findings about permissions Firefox would refuse (errors and warnings alike: Firefox ignores such a permission). Pure. */
export function refusedPermissions(report: LinterReport): LinterMessage[] {
  return [...report.errors, ...report.warnings].filter((m) => PERMISSION_CODE.test(m.code));
}

/**
 * Fails a Firefox build whose manifest asks for a permission Firefox would refuse, with the
 * linter's words for each and what to do.
 */
export async function checkFirefoxPermissions(dir: string): Promise<void> {
  const refused = refusedPermissions(await lintForFirefox(dir));
  if (refused.length === 0) return;
  const lines = refused.map((m) => `  ${m.code}: ${m.message}`).join('\n');
  throw new Error(
    `The Firefox build's manifest (${dir}/manifest.json) asks for permissions Firefox would refuse:\n${lines}\nLeave them out of the Firefox manifest in wxt.config.ts (as 'offscreen' is), or raise strict_min_version in extension/modules/firefox-build/firefox-settings.ts.`,
  );
}
