"""One conv layer of the seed CNN (conv2: 32x14x14x64 -> 128 maps, 3x3, bias, ReLU), forward and
both gradients, timed in TensorFlow eager and as a tf.function graph, for bench/conv-eager-vs-graph.ts.
Prints one JSON line: ms per step for each.
Run with the venv that `npm install` created (~/.cache/fashion-lens/python-tensorflow-cpu-*).
"""
import argparse, json, os, time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import tensorflow as tf

p = argparse.ArgumentParser()
p.add_argument("--steps", type=int, default=100)
a = p.parse_args()

tf.random.set_seed(1)
x = tf.random.normal([32, 14, 14, 64])
w = tf.Variable(tf.random.normal([3, 3, 64, 128]))
b = tf.Variable(tf.zeros([128]))


def step():
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(tf.nn.relu(tf.nn.bias_add(tf.nn.conv2d(x, w, 1, "SAME"), b)))
    return tape.gradient(loss, [w, b])


out = {}
for name, f in [("eager", step), ("graph", tf.function(step))]:
    for _ in range(10):
        f()
    t0 = time.perf_counter()
    for _ in range(a.steps):
        r = f()
    r[0].numpy()
    out[name] = (time.perf_counter() - t0) / a.steps * 1000
print(json.dumps({"eagerMs": out["eager"], "graphMs": out["graph"], "tensorflow": tf.__version__}))
