/**
 * LeNet-5's C3 connection table (LeCun et al. 1998, Table I): entry i lists the S2 maps that C3
 * map i sees. Maps 0-5 see 3 contiguous maps, 6-11 see 4 contiguous, 12-14 see 4 discontiguous,
 * and 15 sees all 6: 60 connections, so 60 5x5 kernels (1,500 weights) plus 16 biases.
 * The paper breaks symmetry this way so that different maps are forced to extract different features.
 */
export const LENET_C3_CONNECTIONS: readonly (readonly number[])[] = [
  [0, 1, 2],
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
  [4, 5, 0],
  [5, 0, 1],
  [0, 1, 2, 3],
  [1, 2, 3, 4],
  [2, 3, 4, 5],
  [3, 4, 5, 0],
  [4, 5, 0, 1],
  [5, 0, 1, 2],
  [0, 1, 3, 4],
  [1, 2, 4, 5],
  [0, 2, 3, 5],
  [0, 1, 2, 3, 4, 5],
];
