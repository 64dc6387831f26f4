# The graph-training addon (graph_addon.cc), built against the TensorFlow C library that
# `npm install` stages for tfjs-node (node_modules/@tensorflow/tfjs-node/deps).
{
  'variables': {
    'tf_deps': '<(module_root_dir)/../../../node_modules/@tensorflow/tfjs-node/deps',
  },
  'targets': [{
    'target_name': 'graph_addon',
    'sources': ['graph_addon.cc'],
    'include_dirs': ['<(tf_deps)/include'],
    'cflags_cc': ['-std=c++17', '-O2'],
    'cflags_cc!': ['-fno-exceptions'],
    'libraries': ['-Wl,-rpath,<(tf_deps)/lib', '-ltensorflow', '-ltensorflow_framework'],
    'library_dirs': ['<(tf_deps)/lib'],
  }],
}
