import { describe, expect, it } from 'vitest';
import { planBackends } from '../../../../../extension/lib/offscreen/backend-plan';
import { rendererKind } from '../../../../../extension/lib/offscreen/renderer-kind';

const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';
const LLVMPIPE = 'llvmpipe (LLVM 15.0.6, 256 bits)';
const NVIDIA = 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)';

describe('rendererKind', () => {
  it.each([
    [SWIFTSHADER, 'software'],
    [LLVMPIPE, 'software'],
    ['Microsoft Basic Render Driver', 'software'],
    [NVIDIA, 'hardware'],
    ['Apple M2', 'hardware'],
    [null, 'none'],
  ] as const)('%s is %s', (renderer, kind) => {
    expect(rendererKind(renderer)).toBe(kind);
  });
});

describe('planBackends', () => {
  const names = (preference: Parameters<typeof planBackends>[0], renderer: string | null) => planBackends(preference, renderer).map((c) => c.name);

  it('uses WebGL on a hardware GPU, then WASM, then CPU', () => {
    expect(names('auto', NVIDIA)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(planBackends('auto', NVIDIA)[0]!.reason).toContain('hardware GPU (ANGLE (NVIDIA');
  });

  it('prefers WASM over software WebGL and says why, naming the renderer', () => {
    expect(names('auto', SWIFTSHADER)).toEqual(['wasm', 'webgl', 'cpu']);
    const reason = planBackends('auto', SWIFTSHADER)[0]!.reason;
    expect(reason).toContain('software renderer');
    expect(reason).toContain('SwiftShader');
    expect(names('auto', LLVMPIPE)[0]).toBe('wasm');
  });

  it('goes without WebGL when there is none', () => {
    expect(names('auto', null)).toEqual(['wasm', 'cpu']);
  });

  it('puts a forced backend first and keeps the automatic order as fallback', () => {
    expect(names('webgl', SWIFTSHADER)).toEqual(['webgl', 'wasm', 'cpu']);
    expect(names('cpu', NVIDIA)).toEqual(['cpu', 'webgl', 'wasm']);
    expect(planBackends('webgl', SWIFTSHADER)[0]!.reason).toBe('the backend setting forces webgl');
  });
});
