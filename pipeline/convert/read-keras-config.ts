import { KerasFileError } from './keras-file-error.js';

/** One layer of a Keras model, as its config describes it. */
export interface KerasLayer {
  /** The layer's name in the model (unique). */
  name: string;
  /** Its Keras class, e.g. 'Conv2D'. */
  className: string;
  /** Its settings (Keras' get_config()). */
  config: Record<string, unknown>;
  /** Where a custom class was registered ('Shop>Doubling'), or its module when that is not Keras' own. */
  registeredAs?: string;
  /** The layers whose outputs it is called on (one for every layer the converter supports); empty for the input. */
  inbound: string[];
}

/** A Keras model's graph: its layers in Keras' order (each after the layers it reads), one input and one output. */
export interface KerasGraph {
  /** 'Sequential' or 'Functional'. */
  className: string;
  /** The input layer's name and the shape it takes, batch first ([null, 28, 28, 1]). */
  input: { name: string; shape: (number | null)[] };
  /** Every layer but the input, in order. */
  layers: KerasLayer[];
  /** The name of the layer whose output is the model's. */
  output: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The shape a layer config declares for its input, batch first (Keras 2: batch_input_shape; Keras 3: batch_shape). */
function declaredShape(config: Record<string, unknown>): (number | null)[] | undefined {
  const shape = config.batch_input_shape ?? config.batch_shape;
  if (Array.isArray(shape)) return shape as (number | null)[];
  const build = config.build_config;
  if (isRecord(build) && Array.isArray(build.input_shape)) return build.input_shape as (number | null)[];
  return undefined;
}

/** A class that is not Keras' own: registered under a package ('Shop>Doubling') or from another module. */
function registration(raw: Record<string, unknown>): string | undefined {
  const registered = typeof raw.registered_name === 'string' ? raw.registered_name : undefined;
  if (registered && registered !== raw.class_name) return registered;
  const module = typeof raw.module === 'string' ? raw.module : undefined;
  return module && !module.startsWith('keras') && !module.startsWith('tf_keras') ? `${module}.${String(raw.class_name)}` : undefined;
}

/** The names of the layers one call reads, from Keras 2's [[name, node, tensor, kwargs], ...] or Keras 3's {args: [keras tensors]}. */
function inboundNames(node: unknown): string[] {
  if (Array.isArray(node)) return node.filter(Array.isArray).map((entry) => String(entry[0]));
  if (isRecord(node) && Array.isArray(node.args)) {
    const names: string[] = [];
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (isRecord(v)) {
        const history = isRecord(v.config) ? v.config.keras_history : undefined;
        if (v.class_name === '__keras_tensor__' && Array.isArray(history)) names.push(String(history[0]));
        else Object.values(v).forEach(walk);
      }
    };
    walk(node.args);
    return names;
  }
  return [];
}

/** [name, node, tensor] or [[name, node, tensor], ...]: the names. */
function endpointNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return typeof value[0] === 'string' ? [value[0]] : value.filter(Array.isArray).map((e) => String(e[0]));
}

/**
 * Reads Keras' serialized model config (Sequential or Functional, Keras 2 or 3) into a graph of
 * single-input layers. Throws a KerasFileError naming the file (`where`) when it is not a model
 * config, has several inputs or outputs, calls a layer more than once or on several tensors, or
 * does not say its input shape.
 */
export function readKerasConfig(modelConfig: unknown, where: string): KerasGraph {
  const fail = (what: string) => new KerasFileError(`${where} ${what}`);
  if (!isRecord(modelConfig) || !isRecord(modelConfig.config) || !Array.isArray(modelConfig.config.layers)) {
    throw fail('holds no Keras model config (no class_name with a config listing layers). Save the whole model with Keras\' model.save(), not only its weights.');
  }
  const className = String(modelConfig.class_name);
  const raw = (modelConfig.config.layers as unknown[]).filter(isRecord);
  const layers: (KerasLayer & { shape?: (number | null)[] })[] = raw.map((l) => {
    const config = isRecord(l.config) ? l.config : {};
    const nodes = Array.isArray(l.inbound_nodes) ? l.inbound_nodes : [];
    return {
      name: String(config.name ?? l.name),
      className: String(l.class_name),
      config,
      registeredAs: registration(l),
      inbound: nodes.length > 0 ? inboundNames(nodes[0]) : [],
      calls: nodes.length,
      shape: declaredShape(config),
    } as KerasLayer & { shape?: (number | null)[]; calls: number };
  });
  if (className === 'Sequential') return sequentialGraph(layers, where);
  if (className !== 'Functional' && className !== 'Model') {
    throw fail(`is a ${className} model; the converter reads Sequential and Functional models (a subclassed model has no config it can read). Build the model with keras.Sequential or the functional API.`);
  }
  const inputs = endpointNames(modelConfig.config.input_layers);
  const outputs = endpointNames(modelConfig.config.output_layers);
  if (inputs.length !== 1) throw fail(`has ${inputs.length} inputs; the converter takes models with one 28x28x1 image input.`);
  if (outputs.length !== 1) throw fail(`has ${outputs.length} outputs; the converter takes models with one output of 10 class probabilities.`);
  for (const layer of layers as (KerasLayer & { calls: number })[]) {
    if (layer.calls > 1) throw fail(`calls layer '${layer.name}' (${layer.className}) ${layer.calls} times (a shared layer); the converter takes models that call each layer once.`);
  }
  const input = layers.find((l) => l.name === inputs[0]);
  const shape = input?.shape;
  if (!input || !shape) throw fail(`does not say the shape of its input '${inputs[0]}'. Give the model an Input(shape=(28, 28, 1)).`);
  return { className: 'Functional', input: { name: input.name, shape }, layers: layers.filter((l) => l !== input).map(strip), output: outputs[0]! };
}

const strip = ({ name, className, config, registeredAs, inbound }: KerasLayer): KerasLayer => ({ name, className, config, registeredAs, inbound });

/** A Sequential model: an InputLayer (or the first layer's declared shape), then each layer on the previous one. */
function sequentialGraph(layers: (KerasLayer & { shape?: (number | null)[] })[], where: string): KerasGraph {
  const first = layers[0];
  const hasInput = first?.className === 'InputLayer';
  const shape = first?.shape;
  if (!first || !shape) throw new KerasFileError(`${where} does not say the shape of its input. Give the Sequential model an InputLayer(input_shape=(28, 28, 1)) or an input_shape on its first layer.`);
  const input = { name: hasInput ? first.name : 'input', shape };
  const rest = hasInput ? layers.slice(1) : layers;
  const chained = rest.map((l, i) => ({ ...strip(l), inbound: [i === 0 ? input.name : rest[i - 1]!.name] }));
  if (chained.length === 0) throw new KerasFileError(`${where} is a Sequential model without layers.`);
  return { className: 'Sequential', input, layers: chained, output: chained[chained.length - 1]!.name };
}
