/** Renderers that do WebGL on the CPU; WASM beats them by more than 10x on our CNN (bench/browser-latency.ts). */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render driver|mesa offscreen/i;

/** Whether a WebGL renderer string is a real GPU, a software rasteriser, or absent (no WebGL). Pure. */
export function rendererKind(renderer: string | null): 'hardware' | 'software' | 'none' {
  if (renderer === null) return 'none';
  return SOFTWARE_RENDERER.test(renderer) ? 'software' : 'hardware';
}
