import * as tf from '@tensorflow/tfjs-node';
import type { StepPhase } from '../pipeline/train/train-step.js';

/** Where in a step the time goes: making the batch, or one of trainStep's phases. */
export type ProfilePhase = 'feed' | StepPhase;

/** The native TensorFlow binding of tfjs-node, as far as the profile taps it. */
interface Binding {
  executeOp(name: string, attrs: unknown, inputs: number[], outputs: number): unknown;
  tensorDataSync(id: number): unknown;
  createTensor(...args: unknown[]): unknown;
  deleteTensor(id: number): unknown;
}

/** Where one training step's time goes, per step (averaged over the profiled steps). */
export interface StepProfile {
  steps: number;
  /** Wall time of a whole step, ms. */
  wallMs: number;
  /** Time by part, ms: the native ops by kind, host reads and uploads, and the rest (JS: tfjs' engine, tape, bookkeeping). */
  parts: { name: string; ms: number; ops: number }[];
  /** Native ops per step. */
  nativeOps: number;
  /** The native ops per step by name, most time first. */
  byOp: { name: string; ms: number; count: number }[];
}

/** The part of a step a native op belongs to, by its name and the phase it ran in. Pure. */
export function partOf(op: string, phase: ProfilePhase): string {
  if (phase === 'feed') return 'data feeding (batch made in JS and uploaded)';
  if (phase === 'optimizer') return 'optimizer (Nadam update)';
  if (/^(_Fused)?Conv2D$/.test(op)) return 'convolutions, forward';
  if (/^Conv2DBackprop/.test(op)) return 'convolutions, gradients';
  if (/MatMul/.test(op)) return 'dense layers (MatMul), both ways';
  if (/^MaxPool/.test(op)) return 'max-pooling, both ways';
  return 'element-wise and reductions (bias, ReLU, softmax, loss, their gradients)';
}

/**
 * Profiles `steps` training steps by tapping tfjs-node's native binding: every native TensorFlow
 * op is counted and timed (its call returns when the kernel is done, so the call time is the
 * kernel's plus the binding's own cost), host reads (dataSync) and tensor uploads too; the rest
 * of the wall time is JavaScript (tfjs' engine, the gradient tape, tensor bookkeeping).
 * `step(i, phase)` runs step i and reports the phase it is in through `phase(name)`.
 */
export function profileSteps(steps: number, step: (i: number, phase: (name: ProfilePhase) => void) => void): StepProfile {
  const backend = tf.backend() as unknown as { binding: Binding };
  const binding = backend.binding;
  let phase: ProfilePhase = 'forward-backward';
  const ops = new Map<string, { ms: number; count: number; part: string }>();
  /** Time and count of the calls of one kind. */
  const tally = () => ({ ms: 0, count: 0 });
  const reads = tally();
  const frees = tally();
  const uploads = tally();
  const feedUploads = tally();
  /** `call`, timed into the tallies `into` returns for it. */
  const timed = <R>(call: () => R, into: () => { ms: number; count: number }[]): R => {
    const t0 = performance.now();
    const result = call();
    const ms = performance.now() - t0;
    for (const t of into()) {
      t.ms += ms;
      t.count++;
    }
    return result;
  };
  const taps: Partial<Binding> = {
    executeOp: (name, attrs, inputs, outputs) =>
      timed(
        () => binding.executeOp(name, attrs, inputs, outputs),
        () => {
          const key = `${name}\u0000${phase}`;
          const entry = ops.get(key) ?? { ms: 0, count: 0, part: partOf(name, phase) };
          ops.set(key, entry);
          return [entry];
        },
      ),
    tensorDataSync: (id) => timed(() => binding.tensorDataSync(id), () => [reads]),
    deleteTensor: (id) => timed(() => binding.deleteTensor(id), () => [frees]),
    createTensor: (...args: unknown[]) => timed(() => binding.createTensor(...args), () => (phase === 'feed' ? [uploads, feedUploads] : [uploads])),
  };
  // The native binding's properties are read-only: the backend gets a stand-in (the binding as
  // its prototype) whose own properties tap four calls.
  const standIn = Object.create(binding) as Binding;
  for (const [name, tap] of Object.entries(taps)) Object.defineProperty(standIn, name, { value: tap });
  backend.binding = standIn;
  // Wall time in the feed phase: the batch made in JS and uploaded (its native ops are counted there too).
  let feedMs = 0;
  let phaseStart = performance.now();
  const enter = (name: typeof phase) => {
    const now = performance.now();
    if (phase === 'feed') feedMs += now - phaseStart;
    phase = name;
    phaseStart = now;
  };
  const t0 = performance.now();
  try {
    for (let i = 0; i < steps; i++) step(i, enter);
    enter('forward-backward');
  } finally {
    backend.binding = binding;
  }
  const wallMs = (performance.now() - t0) / steps;
  const parts = new Map<string, { ms: number; ops: number }>();
  for (const { ms, count, part } of ops.values()) {
    if (part === partOf('', 'feed')) continue;
    const p = parts.get(part) ?? { ms: 0, ops: 0 };
    p.ms += ms / steps;
    p.ops += count / steps;
    parts.set(part, p);
  }
  parts.set('host reads (dataSync)', { ms: reads.ms / steps, ops: reads.count / steps });
  parts.set('tensor frees (native deleteTensor)', { ms: frees.ms / steps, ops: frees.count / steps });
  const feedOps = [...ops.values()].filter((o) => o.part === partOf('', 'feed')).reduce((n, o) => n + o.count, 0);
  parts.set(partOf('', 'feed'), { ms: feedMs / steps, ops: feedOps / steps });
  parts.set('tensor uploads outside the batch (scalars)', { ms: (uploads.ms - feedUploads.ms) / steps, ops: (uploads.count - feedUploads.count) / steps });
  const measured = [...parts.values()].reduce((s, p) => s + p.ms, 0);
  parts.set('JavaScript (tfjs engine, tape, bookkeeping)', { ms: wallMs - measured, ops: 0 });
  const byName = new Map<string, { ms: number; count: number }>();
  for (const [key, { ms, count }] of ops) {
    const name = key.split('\u0000')[0]!;
    const e = byName.get(name) ?? { ms: 0, count: 0 };
    e.ms += ms / steps;
    e.count += count / steps;
    byName.set(name, e);
  }
  return {
    steps,
    wallMs,
    parts: [...parts].map(([name, p]) => ({ name, ...p })).sort((a, b) => b.ms - a.ms),
    nativeOps: [...ops.values()].reduce((s, o) => s + o.count, 0) / steps,
    byOp: [...byName].map(([name, e]) => ({ name, ...e })).sort((a, b) => b.ms - a.ms),
  };
}

/** The profile as lines for the bench's output. Pure. */
export function formatStepProfile(profile: StepProfile, kerasOps?: { computeOps: number; byType: Record<string, number> }): string[] {
  const pct = (ms: number) => `${((100 * ms) / profile.wallMs).toFixed(0)}%`;
  const lines = [`  one training step, ours (mean of ${profile.steps} steps): ${profile.wallMs.toFixed(1)} ms wall, ${profile.nativeOps.toFixed(0)} native ops`];
  for (const p of profile.parts) lines.push(`    ${p.name.padEnd(72)} ${p.ms.toFixed(1).padStart(6)} ms ${pct(p.ms).padStart(4)}${p.ops ? `  ${p.ops.toFixed(0)} ops` : ''}`);
  lines.push(`    top native ops: ${profile.byOp.slice(0, 8).map((o) => `${o.name} ${o.count.toFixed(0)}x ${o.ms.toFixed(1)} ms`).join(', ')}`);
  if (kerasOps) {
    const top = Object.entries(kerasOps.byType).slice(0, 8).map(([k, v]) => `${k} ${v}`).join(', ');
    lines.push(`  Keras' graph of the same step (tf.function's concrete graph, before Grappler): ${kerasOps.computeOps} compute ops (${top}, ...)`);
  }
  return lines;
}
