import type { InputPlacement } from '../../core/conversion/types';
import type { ErrorCode } from './failures';
import type { TopKEntry } from '../../core/top-k';

/** The backend setting's choices, in the order the popup lists them: 'auto' picks the fastest that works, a name forces that backend. */
export const BACKEND_PREFERENCES = ['auto', 'webgl', 'wasm', 'cpu'] as const;

/** The backend setting. */
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

/** A tfjs backend the offscreen document can run the models on. */
export type BackendName = Exclude<BackendPreference, 'auto'>;

/** Which backend the classifier runs on, and why. */
export interface BackendInfo {
  /** The backend in use. */
  name: BackendName;
  /** One sentence saying why this backend was chosen (and what failed before it, if anything). */
  reason: string;
  /** The WebGL renderer string (unmasked where the browser allows), or null without WebGL. */
  renderer: string | null;
  /** When (epoch ms) the offscreen document initialised this backend: the same value means the same tfjs session. */
  initializedAt: number;
}

/** Milliseconds spent in each stage of one classification. */
export interface StageTimings {
  /** Waiting behind earlier requests in the queue. */
  queueMs: number;
  /** Picking the backend and loading + warming the model (0 once warm). */
  initMs: number;
  /** Fetching the image bytes. */
  fetchMs: number;
  /** Decoding to RGBA pixels (and making the thumbnail when asked for), in the prepare worker. */
  decodeMs: number;
  /** core's Fashion-MNIST conversion to 28x28. */
  convertMs: number;
  /** Running the model. */
  predictMs: number;
  /** fetch + decode + convert + predict: the latency of a warm request. */
  totalMs: number;
  /** How many images were predicted together with this one (one `predict` per batch; predictMs is this image's share). */
  batchSize?: number;
}

/** One ranked label: core's top-k entry (class index, class name, softmax probability). */
export type Prediction = TopKEntry;

/** What the offscreen document answers for one image. */
export interface ClassifyResult {
  /** The model that ran. */
  modelId: string;
  /** Its display name from metadata.json. */
  modelName: string;
  /** The three most likely labels, most likely first. */
  top3: Prediction[];
  /** All 10 probabilities in label order. */
  probabilities: number[];
  /** The 28x28 grayscale input the model saw (784 values 0..255, row-major, light on black). */
  input: number[];
  /** A small JPEG data: URL of the decoded image (on white), so the popup never refetches it. */
  thumbnail?: string;
  /** Where the 28x28 input came from in the image (the conversion's crop and scale), to lay the "Why?" map over the thumbnail. Absent in entries stored before it existed. */
  placement?: InputPlacement;
  /** Size of the image as fetched. */
  imageWidth: number;
  imageHeight: number;
  /** The backend that ran the model and why. */
  backend: BackendInfo;
  /** Time per stage. */
  timings: StageTimings;
}

/** Why a classification failed: failures.ts's catalogue, one code per failure. */
export type { ErrorCode } from './failures';

/** A failed classification as stored and shown. */
export interface ClassifyFailure {
  /** Machine-readable kind of failure. */
  code: ErrorCode;
  /** A plain sentence: what went wrong and what to try. */
  message: string;
}

/** Fields every stored entry has. */
interface EntryBase {
  /** Unique id of the click. */
  id: string;
  /** The clicked image's address (data: URLs are shortened for storage). */
  imageUrl: string;
  /** The model that was asked for. */
  modelId: string;
  /** Epoch ms of the click. */
  requestedAt: number;
}

/** One click's state, as the popup shows it. */
export type ResultEntry =
  | (EntryBase & { status: 'pending' })
  | (EntryBase & { status: 'done'; result: ClassifyResult; finishedAt: number })
  | (EntryBase & { status: 'error'; error: ClassifyFailure; finishedAt: number });

/** A finished entry (what the history holds). */
export type FinishedEntry = Exclude<ResultEntry, { status: 'pending' }>;
