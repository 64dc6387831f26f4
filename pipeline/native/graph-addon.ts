import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../shared/user-error.js';

/** One output of a graph operation: [operation name, output index]. */
export type OutputRef = readonly [string, number];

/** A tensor crossing into or out of the graph: TensorFlow's dtype number, its shape and its bytes. */
export interface TensorValue {
  dtype: number;
  shape: readonly number[];
  data: Float32Array | Int32Array | Uint16Array | Uint8Array;
}

export type AttrValue =
  | { name: string; kind: 'type' | 'int' | 'float'; value: number }
  | { name: string; kind: 'bool'; value: boolean }
  | { name: string; kind: 'string'; value: string }
  | { name: string; kind: 'shape' | 'ints'; value: readonly number[] }
  | { name: string; kind: 'tensor'; value: TensorValue };

export interface OperationSpec {
  type: string;
  name: string;
  /** Each input is one output, or a list of outputs for a list input (ConcatV2's values). */
  inputs?: readonly (OutputRef | readonly OutputRef[])[];
  controlInputs?: readonly string[];
  attrs?: readonly AttrValue[];
}

declare const graphBrand: unique symbol;
declare const sessionBrand: unique symbol;
export type GraphHandle = { readonly [graphBrand]: true };
export type SessionHandle = { readonly [sessionBrand]: true };

/** What pipeline/native/graph/graph_addon.cc exports. */
export interface GraphAddon {
  newGraph(): GraphHandle;
  /** Adds an operation; returns its number of outputs. Throws TensorFlow's sentence when it refuses. */
  addOperation(graph: GraphHandle, spec: OperationSpec): number;
  /** d(sum of ys)/d(each x); null where an x does not reach the ys. */
  addGradients(graph: GraphHandle, prefix: string, ys: readonly OutputRef[], xs: readonly OutputRef[]): (OutputRef | null)[];
  newSession(graph: GraphHandle, configProto: Uint8Array): SessionHandle;
  /** Runs the fetches and targets with the feeds; blocks until done. */
  run(session: SessionHandle, feeds: readonly (TensorValue & { output: OutputRef })[], fetches: readonly OutputRef[], targets: readonly string[]): TensorValue[];
  /** The same run on a worker thread (the feeds are copied before it returns), so JS can go on meanwhile. */
  runAsync(session: SessionHandle, feeds: readonly (TensorValue & { output: OutputRef })[], fetches: readonly OutputRef[], targets: readonly string[]): Promise<TensorValue[]>;
  closeSession(session: SessionHandle): void;
  operationTypes(graph: GraphHandle): Record<string, string>;
}

/** Where `npm install` builds the addon (pipeline/native/build-graph-addon.ts). */
export const GRAPH_ADDON_DIR = join(dirname(fileURLToPath(import.meta.url)), 'graph');
export const GRAPH_ADDON_PATH = join(GRAPH_ADDON_DIR, 'build', 'Release', 'graph_addon.node');

/** Raised when the graph engine is asked for and its addon is not built. */
export class GraphAddonMissingError extends UserError {
  override name = 'GraphAddonMissingError';
  constructor(detail: string) {
    super('graph-engine', `The graph training engine is not available: ${detail} Run \`npm install\` again (it builds pipeline/native/graph), or train with --engine eager.`);
  }
}

let loaded: GraphAddon | undefined;

/**
 * The addon, loaded after tfjs-node (which loads the TensorFlow library both share). Throws
 * GraphAddonMissingError with the fix when it was not built.
 */
export async function loadGraphAddon(): Promise<GraphAddon> {
  if (loaded) return loaded;
  await import('@tensorflow/tfjs-node');
  if (!existsSync(GRAPH_ADDON_PATH)) throw new GraphAddonMissingError(`${GRAPH_ADDON_PATH} does not exist.`);
  try {
    loaded = createRequire(import.meta.url)(GRAPH_ADDON_PATH) as GraphAddon;
  } catch (error) {
    throw new GraphAddonMissingError(`loading ${GRAPH_ADDON_PATH} failed (${(error as Error).message.split('\n')[0]}).`);
  }
  return loaded;
}
