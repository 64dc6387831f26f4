import { describe, expect, it, vi } from 'vitest';
import type { LoadedFashionModel } from '../../../../../core/model-loader';
import { buildModelRegistry } from '../../../../../extension/lib/offscreen/model-registry';

function fakeModel(id: string) {
  return { model: { dispose: vi.fn() }, metadata: { id } } as unknown as LoadedFashionModel;
}

describe('buildModelRegistry', () => {
  it('loads each model once, even when asked concurrently', async () => {
    const load = vi.fn(async (id: string) => fakeModel(id));
    const registry = buildModelRegistry(load);
    const [a, b, c] = await Promise.all([registry.get('cnn'), registry.get('cnn'), registry.get('lenet5')]);
    expect(a).toBe(b);
    expect(c!.metadata.id).toBe('lenet5');
    expect(load.mock.calls.map(([id]) => id)).toEqual(['cnn', 'lenet5']);
  });

  it('tries again after a failed load', async () => {
    const load = vi.fn(async (id: string) => fakeModel(id)).mockRejectedValueOnce(new Error('weights missing'));
    const registry = buildModelRegistry(load);
    await expect(registry.get('cnn')).rejects.toThrow('weights missing');
    await expect(registry.get('cnn')).resolves.toMatchObject({ metadata: { id: 'cnn' } });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('frees every loaded model on dispose and loads afresh afterwards', async () => {
    const load = vi.fn(async (id: string) => fakeModel(id));
    const registry = buildModelRegistry(load);
    const cnn = await registry.get('cnn');
    await registry.dispose();
    expect(cnn.model.dispose).toHaveBeenCalledOnce();
    expect(await registry.get('cnn')).not.toBe(cnn);
  });
});
