"""Makes the small Keras models that tests/unit/pipeline/convert/ converts, with Keras' own outputs.

Each good model is LeNet-5-sized, trained for one epoch on 6,000 training images (enough for
predictions that mean something), and saved in both formats Keras writes: NAME.keras (zip) and
NAME.h5 (legacy HDF5). NAME.outputs.json holds Keras' softmax outputs for the first 100 test
images, fed as the model's --input convention says:

  lenet5-unit     Sequential: Conv2D, AveragePooling2D, Flatten, Dense; input x/255 (--input unit)
  bn-raw          Sequential: Rescaling, Conv2D without bias, BatchNormalization, ReLU, MaxPooling2D,
                  LeakyReLU, GlobalAveragePooling2D, Dropout, Dense; input 0-255 (--input raw)
  functional-seed Functional: Input, Normalization (adapted), Conv2D, Activation, MaxPooling2D,
                  Reshape, Dense; input standardized per pixel (--input seed)

and the bad ones, each refused by the converter with its own sentence:

  custom-layer.keras   a registered custom layer class
  unsupported.h5       a layer the converter does not support (UpSampling2D)
  input-32x32.h5       input 32x32x1
  output-5.keras       5 classes
  nan-weights.h5       a NaN and an infinity in a Dense kernel

Run with the venv that `npm install` created:
  ~/.cache/fashion-lens/python-tensorflow-cpu-2.15.1/bin/python pipeline/convert/make_keras_fixtures.py
"""
import argparse, gzip, json, os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import numpy as np
import tensorflow as tf
from tensorflow import keras

p = argparse.ArgumentParser()
p.add_argument("--data-dir", default="/usr/share/datasets/fashion-mnist")
p.add_argument("--out", default="tests/fixtures/keras")
a = p.parse_args()
os.makedirs(a.out, exist_ok=True)


def idx(name, offset, shape):
    with gzip.open(os.path.join(a.data_dir, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset).reshape(shape)


x = idx("train-images-idx3-ubyte.gz", 16, (-1, 28, 28, 1))
y = idx("train-labels-idx1-ubyte.gz", 8, (-1,))
x_test = idx("t10k-images-idx3-ubyte.gz", 16, (-1, 28, 28, 1))[:100]
x_train = x[:-5000]
mean, std = x_train.mean(axis=0, keepdims=True), x_train.std(axis=0, keepdims=True) + 1e-7
INPUTS = {
    "unit": lambda images: (images / 255.0).astype(np.float32),
    "raw": lambda images: images.astype(np.float32),
    "seed": lambda images: ((images - mean) / std).astype(np.float32),
}
tf.random.set_seed(7)


def save_both(model, name):
    model.save(os.path.join(a.out, f"{name}.keras"), save_format="keras")
    model.save(os.path.join(a.out, f"{name}.h5"), save_format="h5")


def train_and_save(model, name, convention):
    feed = INPUTS[convention]
    model.compile(loss="sparse_categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
    model.fit(feed(x_train[:6000]), y[:6000], epochs=1, batch_size=64, verbose=0)
    save_both(model, name)
    outputs = model.predict(feed(x_test), verbose=0)
    with open(os.path.join(a.out, f"{name}.outputs.json"), "w") as f:
        json.dump({"input": convention, "tensorflow": tf.__version__, "testImages": len(x_test), "outputs": outputs.astype(float).round(8).tolist()}, f)
        f.write("\n")


L = keras.layers
train_and_save(keras.Sequential([
    L.InputLayer(input_shape=(28, 28, 1)),
    L.Conv2D(6, 5, padding="same", activation="tanh"),
    L.AveragePooling2D(2),
    L.Conv2D(16, 5, activation="tanh"),
    L.AveragePooling2D(2),
    L.Flatten(),
    L.Dense(120, activation="tanh"),
    L.Dense(84, activation="tanh"),
    L.Dense(10, activation="softmax"),
], name="lenet5_unit"), "lenet5-unit", "unit")

train_and_save(keras.Sequential([
    L.Rescaling(1 / 255.0, input_shape=(28, 28, 1)),
    L.Conv2D(16, 3, use_bias=False),
    L.BatchNormalization(),
    L.ReLU(),
    L.MaxPooling2D(2),
    L.Conv2D(32, 3, padding="same"),
    L.BatchNormalization(),
    L.LeakyReLU(0.1),
    L.GlobalAveragePooling2D(),
    L.Dropout(0.3),
    L.Dense(10, activation="softmax"),
], name="bn_raw"), "bn-raw", "raw")

normalization = L.Normalization()
normalization.adapt(INPUTS["seed"](x_train[:6000]))
inputs = keras.Input(shape=(28, 28, 1))
h = normalization(inputs)
h = L.Conv2D(8, 5, strides=2, padding="same")(h)
h = L.Activation("relu")(h)
h = L.MaxPooling2D(2, padding="same")(h)
h = L.Reshape((7 * 7 * 8,))(h)
h = L.Dense(64, activation="relu")(h)
outputs = L.Dense(10, activation="softmax")(h)
train_and_save(keras.Model(inputs, outputs, name="functional_seed"), "functional-seed", "seed")


@keras.saving.register_keras_serializable(package="Shop")
class Doubling(L.Layer):
    def call(self, inputs):
        return inputs * 2.0


small = lambda *middle, classes=10, shape=(28, 28, 1): keras.Sequential([L.InputLayer(input_shape=shape), *middle, L.Flatten(), L.Dense(classes, activation="softmax")])
small(Doubling(name="doubling")).save(os.path.join(a.out, "custom-layer.keras"), save_format="keras")
small(L.UpSampling2D(2, name="upsample")).save(os.path.join(a.out, "unsupported.h5"), save_format="h5")
small(L.Conv2D(4, 3), shape=(32, 32, 1)).save(os.path.join(a.out, "input-32x32.h5"), save_format="h5")
small(L.Conv2D(4, 3), classes=5).save(os.path.join(a.out, "output-5.keras"), save_format="keras")
bad = small(L.Conv2D(4, 3), classes=10)
kernel, bias = bad.layers[-1].get_weights()
kernel[0, 0], kernel[1, 0] = np.nan, np.inf
bad.layers[-1].set_weights([kernel, bias])
bad.save(os.path.join(a.out, "nan-weights.h5"), save_format="h5")
print(sorted(os.listdir(a.out)))
