import { describe, expect, it } from 'vitest';
import { loadGraphAddon, type GraphAddon, type GraphHandle, type TensorValue } from '../../../../pipeline/native/graph-addon.js';

// The graph addon over the real TensorFlow library: a small graph built, differentiated and run,
// and each refusal ending as a sentence that names what was wrong (TensorFlow's own words where
// TensorFlow refused).

const FLOAT = 1;
const INT32 = 3;
const scalar = (value: number): TensorValue => ({ dtype: FLOAT, shape: [], data: new Float32Array([value]) });

/** y = x * x with x a float placeholder. */
function square(addon: GraphAddon): GraphHandle {
  const graph = addon.newGraph();
  addon.addOperation(graph, { type: 'Placeholder', name: 'x', attrs: [{ name: 'dtype', kind: 'type', value: FLOAT }] });
  addon.addOperation(graph, { type: 'Mul', name: 'y', inputs: [['x', 0], ['x', 0]] });
  return graph;
}

describe('the graph addon', () => {
  it('builds, differentiates and runs a graph, on the JS thread and on a worker thread', async () => {
    const addon = await loadGraphAddon();
    const graph = square(addon);
    const [dx] = addon.addGradients(graph, 'grad', [['y', 0]], [['x', 0]]);
    expect(dx).not.toBeNull();
    const session = addon.newSession(graph, new Uint8Array());
    const feeds = [{ output: ['x', 0] as const, ...scalar(3) }];
    const [y, dy] = addon.run(session, feeds, [['y', 0], dx!], []);
    expect([y!.data[0], dy!.data[0]]).toEqual([9, 6]);
    const [later] = await addon.runAsync(session, [{ output: ['x', 0] as const, ...scalar(-2) }], [['y', 0]], []);
    expect(later!.data[0]).toBe(4);
    addon.closeSession(session);
    expect(() => addon.run(session, feeds, [['y', 0]], [])).toThrow('graph addon: run needs an open session.');
  });

  it('gives null for an input whose every path to the outputs stops the gradient', async () => {
    const addon = await loadGraphAddon();
    const graph = square(addon);
    addon.addOperation(graph, { type: 'Placeholder', name: 'z', attrs: [{ name: 'dtype', kind: 'type', value: FLOAT }] });
    addon.addOperation(graph, { type: 'StopGradient', name: 'held', inputs: [['z', 0]] });
    addon.addOperation(graph, { type: 'Mul', name: 'w', inputs: [['y', 0], ['held', 0]] });
    const [dx, dz] = addon.addGradients(graph, 'grad', [['w', 0]], [['x', 0], ['z', 0]]);
    expect(dx).not.toBeNull();
    expect(dz).toBeNull();
    addon.addOperation(graph, { type: 'Placeholder', name: 'unused', attrs: [{ name: 'dtype', kind: 'type', value: FLOAT }] });
    expect(() => addon.addGradients(graph, 'grad2', [['y', 0]], [['unused', 0]])).toThrow(/^TensorFlow could not add the gradients: .*unreachable/);
  });

  it("ends each refusal in a sentence, with TensorFlow's own words where TensorFlow refused", async () => {
    const addon = await loadGraphAddon();
    const graph = square(addon);
    addon.addOperation(graph, { type: 'Placeholder', name: 'n', attrs: [{ name: 'dtype', kind: 'type', value: INT32 }] });
    expect(() => addon.addOperation(graph, { type: 'Mul', name: 'mixed', inputs: [['x', 0], ['n', 0]] })).toThrow(/^TensorFlow refused the Mul operation 'mixed': .*type/);
    expect(() => addon.addOperation(graph, { type: 'Mul', name: 'orphan', inputs: [['x', 0], ['nowhere', 0]] })).toThrow("graph addon: the graph has no operation named 'nowhere'.");
    expect(() => addon.addOperation(graph, { type: 'Identity', name: 'late', inputs: [['x', 0]], controlInputs: ['nowhere'] })).toThrow("graph addon: no operation named 'nowhere' to depend on.");
    expect(() => addon.addOperation({} as GraphHandle, { type: 'NoOp', name: 'none' })).toThrow('graph addon: addOperation needs a graph.');
    const session = addon.newSession(graph, new Uint8Array());
    const short = { output: ['x', 0] as const, dtype: FLOAT, shape: [2], data: new Float32Array(1) };
    expect(() => addon.run(session, [short], [['y', 0]], [])).toThrow("graph addon: a tensor's data has 4 bytes where its dtype and shape need 8.");
    expect(() => addon.run(session, [], [['y', 0]], [])).toThrow(/^TensorFlow could not run the step: .*x/);
    await expect(addon.runAsync(session, [], [['y', 0]], [])).rejects.toThrow(/^TensorFlow could not run the step: .*x/);
    expect(() => addon.run(session, [], [], ['nothing'])).toThrow("graph addon: the graph has no operation named 'nothing' to run.");
    addon.closeSession(session);
  });
});
