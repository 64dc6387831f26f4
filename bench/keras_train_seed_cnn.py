"""Trains the seed notebook's CNN with Keras itself and saves it in both Keras file formats.

The notebook's recipe: per-pixel standardization over the first 55,000 training images (+1e-7),
the CNN below, Nadam, sparse categorical cross-entropy, 10 epochs, batch 32, the last 5,000
training images for validation, seed 42. Writes into --out:

  seed-cnn.h5                legacy HDF5 (model_config + model_weights), no optimizer state
  seed-cnn.keras             the .keras zip (config.json, metadata.json, model.weights.h5)
  keras-test-outputs.bin     Keras' own softmax outputs for the 10,000 test images,
                             float32 little-endian, 10,000 x 10, in test-set order
  keras-test-outputs.json    how they were made: TensorFlow version, test accuracy and loss,
                             seconds, and the SHA-256 of each file above

`npm run convert` reads both model files; tests/unit/pipeline/convert/keras-equality.test.ts checks
that the converted models give Keras' outputs. Run it with the venv that `npm install` created:
  nice ~/.cache/fashion-lens/python-tensorflow-cpu-2.15.1/bin/python bench/keras_train_seed_cnn.py
"""
import argparse, gzip, hashlib, json, os, time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import tensorflow as tf
from tensorflow import keras

from keras_seed_model import build_seed_cnn

p = argparse.ArgumentParser()
p.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
p.add_argument("--out", default="tests/fixtures/keras/seed-cnn")
p.add_argument("--epochs", type=int, default=10)
p.add_argument("--limit", type=int, default=None, help="train on the first N images only (a smoke run of this script)")
p.add_argument("--mixed-bfloat16", action="store_true", help="train with Keras' mixed_bfloat16 policy (bfloat16 arithmetic, float32 weights; 2.4x faster on this CPU's AMX); the files and the outputs are still those of a float32 model with the trained weights")
a = p.parse_args()


def idx(name, offset, shape):
    with gzip.open(os.path.join(a.data_dir, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset).reshape(shape)


x = idx("train-images-idx3-ubyte.gz", 16, (-1, 28, 28, 1))
y = idx("train-labels-idx1-ubyte.gz", 8, (-1,))
x_test = idx("t10k-images-idx3-ubyte.gz", 16, (-1, 28, 28, 1))
y_test = idx("t10k-labels-idx1-ubyte.gz", 8, (-1,))
x_train, y_train, x_valid, y_valid = x[:-5000], y[:-5000], x[-5000:], y[-5000:]
mean, std = x_train.mean(axis=0, keepdims=True), x_train.std(axis=0, keepdims=True) + 1e-7
if a.limit:
    x_train, y_train = x_train[:a.limit], y_train[:a.limit]
scale = lambda images: ((images - mean) / std).astype(np.float32)

tf.random.set_seed(42)
np.random.seed(42)
if a.mixed_bfloat16:
    keras.mixed_precision.set_global_policy("mixed_bfloat16")


model = build_seed_cnn()
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])
t0 = time.perf_counter()
history = model.fit(scale(x_train), y_train, epochs=a.epochs, batch_size=32, validation_data=(scale(x_valid), y_valid), verbose=2)
seconds = time.perf_counter() - t0
os.makedirs(a.out, exist_ok=True)
# The files carry the model only: an uncompiled float32 copy with the trained weights has no
# optimizer state (a third of the size) and computes in float32 whatever policy trained it.
keras.mixed_precision.set_global_policy("float32")
bare = build_seed_cnn()
bare.set_weights(model.get_weights())
bare.compile(loss="sparse_categorical_crossentropy", metrics=["accuracy"])
loss, accuracy = bare.evaluate(scale(x_test), y_test, verbose=0)
outputs = bare.predict(scale(x_test), batch_size=500, verbose=0).astype("<f4")
bare = build_seed_cnn()
bare.set_weights(model.get_weights())
bare.save(os.path.join(a.out, "seed-cnn.h5"), save_format="h5")
bare.save(os.path.join(a.out, "seed-cnn.keras"), save_format="keras")
with open(os.path.join(a.out, "keras-test-outputs.bin"), "wb") as f:
    f.write(outputs.tobytes())


def sha256(name):
    with open(os.path.join(a.out, name), "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


info = {
    "tensorflow": tf.__version__, "epochs": a.epochs, "trainingPolicy": "mixed_bfloat16" if a.mixed_bfloat16 else "float32", "batchSize": 32, "seed": 42, "trainingSeconds": round(seconds, 1),
    "testAccuracy": float(accuracy), "testLoss": float(loss),
    "validationAccuracy": float(history.history["val_accuracy"][-1]),
    "outputs": {"file": "keras-test-outputs.bin", "dtype": "float32", "shape": [10000, 10]},
    "sha256": {n: sha256(n) for n in ("seed-cnn.h5", "seed-cnn.keras", "keras-test-outputs.bin")},
}
with open(os.path.join(a.out, "keras-test-outputs.json"), "w") as f:
    json.dump(info, f, indent=2)
    f.write("\n")
print(json.dumps(info))
