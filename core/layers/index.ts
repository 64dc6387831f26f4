// Importing this module registers every custom layer for (de)serialization: a model saved in
// the layers format can only be loaded after these registrations have run.
export { LENET_C3_CONNECTIONS } from './lenet-c3-connections.js';
export { PartialConv2D, partialConv2d, partialKernelIndex, type PartialConv2DArgs } from './partial-conv2d.js';
export { RBF_CODE_HEIGHT, RBF_CODE_WIDTH, RBF_DIGIT_BITMAPS, rbfClassCodes } from './rbf-class-codes.js';
export { RbfOutput, rbfOutput } from './rbf-output.js';
export { SCALED_TANH_AMPLITUDE, SCALED_TANH_SLOPE, ScaledTanh, scaledTanh } from './scaled-tanh.js';
export { Standardize, standardize, type StandardizeArgs } from './standardize.js';
export { TrainableSubsampling, trainableSubsampling, type TrainableSubsamplingArgs } from './trainable-subsampling.js';
export type { LayerArgs } from './layer-args.js';
