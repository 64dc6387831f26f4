import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseModelMetadata } from '../../core/metadata/parse-model-metadata.js';
import { MODEL_IDS } from '../../core/types.js';
import { WASM_FILES } from '../../extension/modules/package-models/collect-model-files.js';

// The production build users load: permissions, CSP, packaged models and WASM, no remote code.

const dir = inject('productionDir');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isFile());
}

/** Hosts that appear in the bundled code only inside comments, error messages or XML namespaces. */
const DOCUMENTATION_HOSTS = new Set(['www.w3.org', 'github.com', 'wxt.dev', 'developer.mozilla.org', 'www.shadertoy.com', 'arxiv.org', 'emscripten.org']);

describe('the built extension', () => {
  it('contains no test hook: the click handler is reachable only from the context menu', () => {
    const worker = readFileSync(join(dir, 'background.js'), 'utf8');
    expect(worker).toContain('Classify with Fashion Lens'); // the right file
    expect(worker).not.toContain('fashionLens');
    // The test build of the same code has it, so the check above can see it when it is there.
    expect(readFileSync(join(inject('extensionDir'), 'background.js'), 'utf8')).toContain('fashionLens');
  });

  it('asks for the fewest permissions and names itself', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.name).toBe('Fashion Lens');
    expect(manifest.description.length).toBeLessThanOrEqual(132); // the Chrome Web Store limit
    // webRequest (issue 19): to name the site a refused redirect of its own download leads to.
    // activeTab + scripting (issue 20): to put the page labeller into the tab the user asked to label.
    expect(manifest.permissions).toEqual(['contextMenus', 'offscreen', 'storage', 'webRequest', 'activeTab', 'scripting']);
    expect(manifest.minimum_chrome_version).toBe('116');
    // Site access is asked for one site at a time, at the first click on that site's images.
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_host_permissions).toEqual(['<all_urls>']);
    // No content script runs by itself: the page labeller is injected only into a tab the user asked to label.
    expect(manifest.content_scripts ?? []).toEqual([]);
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('allows only its own scripts and WASM compilation', () => {
    expect(manifest.content_security_policy).toEqual({ extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'" });
  });

  it('has its icons, popup, service worker and offscreen page', () => {
    expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
    for (const icon of Object.values<string>(manifest.icons)) expect(statSync(join(dir, icon)).size).toBeGreaterThan(0);
    expect(manifest.action.default_popup).toBe('popup.html');
    expect(manifest.background).toEqual({ service_worker: 'background.js' });
    expect(statSync(join(dir, 'offscreen.html')).isFile()).toBe(true);
  });

  it('packages both models with metadata that passes core’s schema', () => {
    for (const id of MODEL_IDS) {
      const metadata = parseModelMetadata(JSON.parse(readFileSync(join(dir, 'models', id, 'metadata.json'), 'utf8')), `${id}/metadata.json`);
      expect(metadata.id).toBe(id);
      const model = JSON.parse(readFileSync(join(dir, 'models', id, 'model.json'), 'utf8'));
      for (const group of model.weightsManifest) for (const path of group.paths) expect(statSync(join(dir, 'models', id, path)).size).toBeGreaterThan(0);
    }
  });

  it('ships tfjs’ WASM binaries byte for byte', () => {
    for (const name of WASM_FILES) {
      expect(readFileSync(join(dir, 'wasm', name)).equals(readFileSync(join('node_modules/@tensorflow/tfjs-backend-wasm/dist', name))), name).toBe(true);
    }
  });

  it('loads no remote code: every URL in its scripts is documentation', () => {
    const code = filesUnder(dir).filter((path) => /\.(js|html|css)$/.test(path));
    for (const path of code) {
      const text = readFileSync(path, 'utf8');
      const hosts = [...text.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1]!.toLowerCase());
      expect(hosts.filter((host) => !DOCUMENTATION_HOSTS.has(host)), relative(dir, path)).toEqual([]);
      expect(/<script[^>]+src=["']https?:|importScripts\(["']https?:|import\(["']https?:/.test(text), `${relative(dir, path)} loads a remote script`).toBe(false);
    }
  });

  it('keeps tfjs out of the service worker and minifies the offscreen bundle', () => {
    const background = readFileSync(join(dir, 'background.js'), 'utf8');
    expect(/tensorflow|tfjs/i.test(background), 'background.js mentions tfjs').toBe(false);
    const offscreenChunk = filesUnder(join(dir, 'chunks')).find((path) => /offscreen-.*\.js$/.test(path))!;
    const code = readFileSync(offscreenChunk, 'utf8');
    // Minified: our own function names are gone (this is the build the other e2e tests drive).
    expect(code.includes('planBackends') || code.includes('classifyImage'), 'the offscreen bundle is not minified').toBe(false);
  });
});
