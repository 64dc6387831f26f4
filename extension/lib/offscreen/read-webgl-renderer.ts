/**
 * The WebGL renderer string, unmasked where the browser allows (WEBGL_debug_renderer_info; newer
 * Chrome returns the unmasked name from RENDERER directly), or null when WebGL is unavailable.
 * Uses a throwaway context and releases it.
 */
export function readWebglRenderer(): string | null {
  const canvas = new OffscreenCanvas(1, 1);
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return null;
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER);
    return typeof renderer === 'string' && renderer.length > 0 ? renderer : 'unknown WebGL renderer';
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
