"""The seed notebook's CNN, trained with Keras, for bench/train-throughput.ts.

Prints one JSON line: samples/s over `--steps` training steps after `--warmup` steps, batch 32,
Nadam, sparse categorical cross-entropy — the same work our pipeline does per step.
Run with the venv that `npm install` created (~/.cache/fashion-lens/python-tensorflow-cpu-*).
"""
import argparse, gzip, json, os, time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import tensorflow as tf
from tensorflow import keras

from keras_seed_model import build_seed_cnn

p = argparse.ArgumentParser()
p.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
p.add_argument("--steps", type=int, default=200)
p.add_argument("--warmup", type=int, default=20)
p.add_argument("--batch-size", type=int, default=32)
p.add_argument("--graph-ops", action="store_true", help="print the ops of one training step's graph (tf.function's concrete graph) instead of timing")
p.add_argument("--policy", default="float32", help="Keras' global dtype policy: float32 (what the notebook runs) or mixed_bfloat16 (bf16 compute, float32 weights)")
p.add_argument("--mark", action="store_true", help="print '=== MARK' and '=== END' around the timed steps (bench/kernel-overlap.ts reads oneDNN's verbose lines between them)")
a = p.parse_args()

with gzip.open(os.path.join(a.data_dir, "train-images-idx3-ubyte.gz")) as f:
    x = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28, 1)
with gzip.open(os.path.join(a.data_dir, "train-labels-idx1-ubyte.gz")) as f:
    y = np.frombuffer(f.read(), np.uint8, offset=8)
x_train, y_train = x[:-5000], y[:-5000]
mean, std = x_train.mean(axis=0, keepdims=True), x_train.std(axis=0, keepdims=True) + 1e-7
n = (a.steps + a.warmup) * a.batch_size
x_scaled = ((x_train[:n] - mean) / std).astype(np.float32)
y_small = y_train[:n]

tf.random.set_seed(42)
keras.mixed_precision.set_global_policy(a.policy)
model = build_seed_cnn()
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])


# Ops that only move or name values (no arithmetic): listed apart from the compute ops.
PLUMBING = {"Const", "Identity", "NoOp", "Placeholder", "ReadVariableOp", "AssignVariableOp", "AssignAddVariableOp",
            "VarHandleOp", "Shape", "StridedSlice", "Pack", "Reshape", "Cast", "IdentityN", "StopGradient"}

if a.graph_ops:
    step = tf.function(model.train_step)
    spec = (tf.TensorSpec([a.batch_size, 28, 28, 1], tf.float32), tf.TensorSpec([a.batch_size], tf.uint8))
    graph = step.get_concrete_function(spec).graph
    counts = {}
    for op in graph.get_operations():
        counts[op.type] = counts.get(op.type, 0) + 1
    compute = {k: v for k, v in counts.items() if k not in PLUMBING}
    print(json.dumps({"impl": "keras", "tensorflow": tf.__version__, "ops": sum(counts.values()),
                      "computeOps": sum(compute.values()), "byType": dict(sorted(compute.items(), key=lambda kv: -kv[1]))}))
    raise SystemExit(0)


class Timer(keras.callbacks.Callback):
    def on_train_batch_begin(self, batch, logs=None):
        if batch == a.warmup:
            if a.mark:
                print("=== MARK", flush=True)
            self.t0 = time.perf_counter()

    def on_train_end(self, logs=None):
        self.seconds = time.perf_counter() - self.t0
        if a.mark:
            print("=== END", flush=True)


timer = Timer()
model.fit(x_scaled, y_small, batch_size=a.batch_size, epochs=1, shuffle=True, verbose=0, callbacks=[timer])
print(json.dumps({
    "impl": "keras", "policy": a.policy, "tensorflow": tf.__version__, "steps": a.steps, "batchSize": a.batch_size,
    "seconds": timer.seconds, "samplesPerSecond": a.steps * a.batch_size / timer.seconds,
    "trainableParams": int(sum(np.prod(v.shape) for v in model.trainable_variables)),
}))
