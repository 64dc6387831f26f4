/**
 * Hides TensorFlow's C++ INFO lines (oneDNN, CPU features), which say nothing a user can act on;
 * warnings and errors stay. Call before @tensorflow/tfjs-node loads; a value the user set wins.
 */
export function quietTensorflowInfoLogs(env: NodeJS.ProcessEnv = process.env): void {
  env.TF_CPP_MIN_LOG_LEVEL ??= '1';
}
