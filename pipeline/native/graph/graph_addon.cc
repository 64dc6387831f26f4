// A thin N-API binding over TensorFlow's C graph API: build a graph op by op, add gradients,
// open a session and run it. It knows nothing of models or optimizers; the TypeScript side
// (pipeline/train/graph/) decides what the graph holds. Every failure becomes a JS Error carrying
// TensorFlow's own message.
#include <node_api.h>
#include <tensorflow/c/c_api.h>

#include <cstring>
#include <string>
#include <vector>

namespace {

#define CALL(env, expr)                                      \
  do {                                                       \
    if ((expr) != napi_ok) {                                 \
      ThrowPending(env, #expr);                              \
      return nullptr;                                        \
    }                                                        \
  } while (0)

void ThrowPending(napi_env env, const char* what) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  if (!pending) napi_throw_error(env, nullptr, (std::string("graph addon: N-API call failed: ") + what).c_str());
}

napi_value Throw(napi_env env, const std::string& message) {
  napi_throw_error(env, nullptr, message.c_str());
  return nullptr;
}

/** A TF_Status freed with its scope. */
struct Status {
  TF_Status* status = TF_NewStatus();
  ~Status() { TF_DeleteStatus(status); }
  Status() = default;
  Status(const Status&) = delete;
  Status& operator=(const Status&) = delete;
  operator TF_Status*() const { return status; }
  bool ok() const { return TF_GetCode(status) == TF_OK; }
  std::string message() const { return TF_Message(status); }
};

struct Graph {
  TF_Graph* graph = TF_NewGraph();
  ~Graph() { TF_DeleteGraph(graph); }
};

struct Session {
  TF_Session* session = nullptr;
  Graph* owner = nullptr;
  napi_ref graphRef = nullptr;
  /** Async runs not yet completed; a close asked for meanwhile waits for the last one. */
  int inFlight = 0;
  bool closeWhenIdle = false;
};

void CloseSession(napi_env env, Session* s) {
  if (!s->session) return;
  Status status;
  TF_CloseSession(s->session, status);
  TF_DeleteSession(s->session, status);
  s->session = nullptr;
  if (s->graphRef) napi_delete_reference(env, s->graphRef);
  s->graphRef = nullptr;
}

void FinalizeGraph(napi_env, void* data, void*) { delete static_cast<Graph*>(data); }
void FinalizeSession(napi_env env, void* data, void*) {
  auto* s = static_cast<Session*>(data);
  CloseSession(env, s);
  delete s;
}

bool GetString(napi_env env, napi_value v, std::string* out) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, v, nullptr, 0, &len) != napi_ok) return false;
  out->resize(len);
  return napi_get_value_string_utf8(env, v, out->data(), len + 1, &len) == napi_ok;
}

napi_value Prop(napi_env env, napi_value obj, const char* key) {
  napi_value v = nullptr;
  napi_get_named_property(env, obj, key, &v);
  return v;
}

bool IsUndefined(napi_env env, napi_value v) {
  napi_valuetype t;
  return v == nullptr || napi_typeof(env, v, &t) != napi_ok || t == napi_undefined || t == napi_null;
}

uint32_t Length(napi_env env, napi_value arr) {
  uint32_t n = 0;
  napi_get_array_length(env, arr, &n);
  return n;
}

napi_value At(napi_env env, napi_value arr, uint32_t i) {
  napi_value v = nullptr;
  napi_get_element(env, arr, i, &v);
  return v;
}

double Number(napi_env env, napi_value v) {
  double d = 0;
  napi_get_value_double(env, v, &d);
  return d;
}

template <typename T>
T* Unwrap(napi_env env, napi_value v) {
  void* data = nullptr;
  if (napi_get_value_external(env, v, &data) != napi_ok) return nullptr;
  return static_cast<T*>(data);
}

/** The graph argument of `call`; null, with a JS error thrown, when it is not one. */
Graph* GraphArg(napi_env env, napi_value v, const char* call) {
  Graph* g = Unwrap<Graph>(env, v);
  if (!g) Throw(env, std::string("graph addon: ") + call + " needs a graph.");
  return g;
}

/** [opName, index] -> TF_Output; false (with a JS error) when the op is unknown. */
bool ToOutput(napi_env env, Graph* g, napi_value pair, TF_Output* out) {
  std::string name;
  if (!GetString(env, At(env, pair, 0), &name)) {
    napi_throw_type_error(env, nullptr, "graph addon: an output must be [opName, index].");
    return false;
  }
  TF_Operation* op = TF_GraphOperationByName(g->graph, name.c_str());
  if (!op) {
    napi_throw_error(env, nullptr, ("graph addon: the graph has no operation named '" + name + "'.").c_str());
    return false;
  }
  out->oper = op;
  out->index = static_cast<int>(Number(env, At(env, pair, 1)));
  return true;
}

bool ToShape(napi_env env, napi_value arr, std::vector<int64_t>* dims) {
  uint32_t n = Length(env, arr);
  dims->resize(n);
  for (uint32_t i = 0; i < n; i++) (*dims)[i] = static_cast<int64_t>(Number(env, At(env, arr, i)));
  return true;
}

/** {dtype, shape, data: TypedArray} -> a new TF_Tensor holding a copy of the bytes. */
TF_Tensor* ToTensor(napi_env env, napi_value spec) {
  TF_DataType dtype = static_cast<TF_DataType>(static_cast<int>(Number(env, Prop(env, spec, "dtype"))));
  std::vector<int64_t> dims;
  ToShape(env, Prop(env, spec, "shape"), &dims);
  napi_typedarray_type type;
  size_t length = 0;
  void* data = nullptr;
  napi_value buffer;
  size_t offset = 0;
  if (napi_get_typedarray_info(env, Prop(env, spec, "data"), &type, &length, &data, &buffer, &offset) != napi_ok) {
    napi_throw_type_error(env, nullptr, "graph addon: a tensor's data must be a typed array.");
    return nullptr;
  }
  size_t elements = 1;
  for (int64_t d : dims) elements *= static_cast<size_t>(d);
  size_t bytes = elements * TF_DataTypeSize(dtype);
  size_t have = length * (type == napi_float64_array || type == napi_bigint64_array ? 8 : type == napi_float32_array || type == napi_int32_array || type == napi_uint32_array ? 4 : type == napi_int16_array || type == napi_uint16_array ? 2 : 1);
  if (have != bytes) {
    napi_throw_error(env, nullptr, ("graph addon: a tensor's data has " + std::to_string(have) + " bytes where its dtype and shape need " + std::to_string(bytes) + ".").c_str());
    return nullptr;
  }
  TF_Tensor* t = TF_AllocateTensor(dtype, dims.data(), static_cast<int>(dims.size()), bytes);
  if (bytes) std::memcpy(TF_TensorData(t), data, bytes);
  return t;
}

/** A TF_Tensor -> {dtype, shape, data} with data a typed array of its own bytes. */
napi_value FromTensor(napi_env env, TF_Tensor* t) {
  napi_value result, shape, arraybuffer, typed, dtypeValue;
  CALL(env, napi_create_object(env, &result));
  int dims = TF_NumDims(t);
  CALL(env, napi_create_array_with_length(env, dims, &shape));
  for (int i = 0; i < dims; i++) {
    napi_value d;
    CALL(env, napi_create_double(env, static_cast<double>(TF_Dim(t, i)), &d));
    CALL(env, napi_set_element(env, shape, i, d));
  }
  TF_DataType dtype = TF_TensorType(t);
  size_t bytes = TF_TensorByteSize(t);
  void* out = nullptr;
  CALL(env, napi_create_arraybuffer(env, bytes, &out, &arraybuffer));
  if (bytes) std::memcpy(out, TF_TensorData(t), bytes);
  napi_typedarray_type type = napi_uint8_array;
  size_t width = 1;
  if (dtype == TF_FLOAT) type = napi_float32_array, width = 4;
  else if (dtype == TF_INT32) type = napi_int32_array, width = 4;
  else if (dtype == TF_INT64) type = napi_bigint64_array, width = 8;
  else if (dtype == TF_DOUBLE) type = napi_float64_array, width = 8;
  else if (dtype == TF_BFLOAT16 || dtype == TF_HALF) type = napi_uint16_array, width = 2;
  CALL(env, napi_create_typedarray(env, type, bytes / width, arraybuffer, 0, &typed));
  CALL(env, napi_create_int32(env, static_cast<int>(dtype), &dtypeValue));
  CALL(env, napi_set_named_property(env, result, "dtype", dtypeValue));
  CALL(env, napi_set_named_property(env, result, "shape", shape));
  CALL(env, napi_set_named_property(env, result, "data", typed));
  return result;
}

napi_value Args(napi_env env, napi_callback_info info, size_t want, napi_value* argv) {
  size_t argc = want;
  CALL(env, napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr));
  if (argc < want) return Throw(env, "graph addon: expected " + std::to_string(want) + " arguments.");
  napi_value ok;
  napi_get_boolean(env, true, &ok);
  return ok;
}

// newGraph(): an external holding a TF_Graph.
napi_value NewGraph(napi_env env, napi_callback_info) {
  napi_value external;
  auto* g = new Graph();
  CALL(env, napi_create_external(env, g, FinalizeGraph, nullptr, &external));
  return external;
}

/** Sets one attribute {name, kind, value} on an operation under construction. */
bool SetAttr(napi_env env, TF_OperationDescription* desc, napi_value attr, const Status& status) {
  std::string name, kind;
  GetString(env, Prop(env, attr, "name"), &name);
  GetString(env, Prop(env, attr, "kind"), &kind);
  napi_value value = Prop(env, attr, "value");
  if (kind == "type") {
    TF_SetAttrType(desc, name.c_str(), static_cast<TF_DataType>(static_cast<int>(Number(env, value))));
  } else if (kind == "int") {
    TF_SetAttrInt(desc, name.c_str(), static_cast<int64_t>(Number(env, value)));
  } else if (kind == "float") {
    TF_SetAttrFloat(desc, name.c_str(), static_cast<float>(Number(env, value)));
  } else if (kind == "bool") {
    bool b = false;
    napi_get_value_bool(env, value, &b);
    TF_SetAttrBool(desc, name.c_str(), b);
  } else if (kind == "string") {
    std::string s;
    GetString(env, value, &s);
    TF_SetAttrString(desc, name.c_str(), s.data(), s.size());
  } else if (kind == "shape") {
    std::vector<int64_t> dims;
    ToShape(env, value, &dims);
    TF_SetAttrShape(desc, name.c_str(), dims.data(), static_cast<int>(dims.size()));
  } else if (kind == "ints") {
    std::vector<int64_t> list;
    ToShape(env, value, &list);
    TF_SetAttrIntList(desc, name.c_str(), list.data(), static_cast<int>(list.size()));
  } else if (kind == "tensor") {
    TF_Tensor* t = ToTensor(env, value);
    if (!t) return false;
    TF_SetAttrTensor(desc, name.c_str(), t, status);
    TF_DeleteTensor(t);
    if (!status.ok()) {
      Throw(env, "graph addon: attribute " + name + ": " + status.message());
      return false;
    }
  } else {
    napi_throw_error(env, nullptr, ("graph addon: unknown attribute kind '" + kind + "' for " + name + ".").c_str());
    return false;
  }
  return true;
}

// addOperation(graph, {type, name, inputs, controlInputs, attrs}): inputs are [opName, index]
// pairs, or arrays of them for a list input.
napi_value AddOperation(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  if (!Args(env, info, 2, argv)) return nullptr;
  Graph* g = GraphArg(env, argv[0], "addOperation");
  if (!g) return nullptr;
  napi_value spec = argv[1];
  std::string type, name;
  GetString(env, Prop(env, spec, "type"), &type);
  GetString(env, Prop(env, spec, "name"), &name);
  TF_OperationDescription* desc = TF_NewOperation(g->graph, type.c_str(), name.c_str());
  Status status;
  bool ok = true;
  napi_value inputs = Prop(env, spec, "inputs");
  if (!IsUndefined(env, inputs)) {
    for (uint32_t i = 0, n = Length(env, inputs); ok && i < n; i++) {
      napi_value input = At(env, inputs, i);
      napi_value first = At(env, input, 0);
      napi_valuetype firstType;
      napi_typeof(env, first, &firstType);
      if (firstType == napi_string) {
        TF_Output out;
        ok = ToOutput(env, g, input, &out);
        if (ok) TF_AddInput(desc, out);
      } else {
        std::vector<TF_Output> list(Length(env, input));
        for (uint32_t k = 0; ok && k < list.size(); k++) ok = ToOutput(env, g, At(env, input, k), &list[k]);
        if (ok) TF_AddInputList(desc, list.data(), static_cast<int>(list.size()));
      }
    }
  }
  napi_value controls = Prop(env, spec, "controlInputs");
  if (ok && !IsUndefined(env, controls)) {
    for (uint32_t i = 0, n = Length(env, controls); ok && i < n; i++) {
      std::string control;
      GetString(env, At(env, controls, i), &control);
      TF_Operation* op = TF_GraphOperationByName(g->graph, control.c_str());
      if (!op) {
        napi_throw_error(env, nullptr, ("graph addon: no operation named '" + control + "' to depend on.").c_str());
        ok = false;
      } else {
        TF_AddControlInput(desc, op);
      }
    }
  }
  napi_value attrs = Prop(env, spec, "attrs");
  if (ok && !IsUndefined(env, attrs)) {
    for (uint32_t i = 0, n = Length(env, attrs); ok && i < n; i++) ok = SetAttr(env, desc, At(env, attrs, i), status);
  }
  napi_value result = nullptr;
  // TF_FinishOperation must be called once a description exists, even when we bail out.
  TF_Operation* op = TF_FinishOperation(desc, status);
  if (ok && !status.ok()) {
    Throw(env, "TensorFlow refused the " + type + " operation '" + name + "': " + status.message());
  } else if (ok && op) {
    napi_create_int32(env, TF_OperationNumOutputs(op), &result);
  }
  return result;
}

// addGradients(graph, prefix, ys, xs): the symbolic gradients d(sum ys)/d xs as [opName, index].
napi_value AddGradients(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  if (!Args(env, info, 4, argv)) return nullptr;
  Graph* g = GraphArg(env, argv[0], "addGradients");
  if (!g) return nullptr;
  std::string prefix;
  GetString(env, argv[1], &prefix);
  std::vector<TF_Output> ys(Length(env, argv[2])), xs(Length(env, argv[3])), dxs;
  for (uint32_t i = 0; i < ys.size(); i++) if (!ToOutput(env, g, At(env, argv[2], i), &ys[i])) return nullptr;
  for (uint32_t i = 0; i < xs.size(); i++) if (!ToOutput(env, g, At(env, argv[3], i), &xs[i])) return nullptr;
  dxs.resize(xs.size());
  Status status;
  TF_AddGradientsWithPrefix(g->graph, prefix.c_str(), ys.data(), static_cast<int>(ys.size()), xs.data(), static_cast<int>(xs.size()), nullptr, status, dxs.data());
  if (!status.ok()) return Throw(env, "TensorFlow could not add the gradients: " + status.message());
  napi_value result;
  CALL(env, napi_create_array_with_length(env, dxs.size(), &result));
  for (uint32_t i = 0; i < dxs.size(); i++) {
    napi_value pair, opName, index;
    if (!dxs[i].oper) {  // x does not affect ys
      CALL(env, napi_get_null(env, &pair));
    } else {
      CALL(env, napi_create_array_with_length(env, 2, &pair));
      CALL(env, napi_create_string_utf8(env, TF_OperationName(dxs[i].oper), NAPI_AUTO_LENGTH, &opName));
      CALL(env, napi_create_int32(env, dxs[i].index, &index));
      CALL(env, napi_set_element(env, pair, 0, opName));
      CALL(env, napi_set_element(env, pair, 1, index));
    }
    CALL(env, napi_set_element(env, result, i, pair));
  }
  return result;
}

// newSession(graph, configProto: Uint8Array): a session over the graph (kept alive by it).
napi_value NewSession(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  if (!Args(env, info, 2, argv)) return nullptr;
  Graph* g = GraphArg(env, argv[0], "newSession");
  if (!g) return nullptr;
  napi_typedarray_type type;
  size_t length = 0;
  void* data = nullptr;
  napi_value buffer;
  size_t offset = 0;
  CALL(env, napi_get_typedarray_info(env, argv[1], &type, &length, &data, &buffer, &offset));
  Status status;
  TF_SessionOptions* options = TF_NewSessionOptions();
  if (length) TF_SetConfig(options, data, length, status);
  TF_Session* session = status.ok() ? TF_NewSession(g->graph, options, status) : nullptr;
  TF_DeleteSessionOptions(options);
  if (!status.ok()) return Throw(env, "TensorFlow could not open a session: " + status.message());
  auto* s = new Session();
  s->session = session;
  s->owner = g;
  napi_create_reference(env, argv[0], 1, &s->graphRef);
  napi_value external;
  if (napi_create_external(env, s, FinalizeSession, nullptr, &external) != napi_ok) {
    FinalizeSession(env, s, nullptr);
    ThrowPending(env, "napi_create_external");
    return nullptr;
  }
  return external;
}

/** One session run's inputs, parsed on the JS thread; run on any thread; results read back on the JS thread. */
struct RunCall {
  Session* session = nullptr;
  std::vector<TF_Output> feedOutputs, fetchOutputs;
  std::vector<TF_Tensor*> feedValues, fetchValues;
  std::vector<const TF_Operation*> targets;
  std::string error;
  napi_ref sessionRef = nullptr;
  napi_deferred deferred = nullptr;
  napi_async_work work = nullptr;
  ~RunCall() {
    for (TF_Tensor* t : feedValues) if (t) TF_DeleteTensor(t);
    for (TF_Tensor* t : fetchValues) if (t) TF_DeleteTensor(t);
  }
};

/** Parses run's arguments into `call`; false with a JS error pending when one is bad. */
bool ParseRun(napi_env env, napi_value* argv, RunCall* call) {
  auto* s = Unwrap<Session>(env, argv[0]);
  if (!s || !s->session || s->closeWhenIdle) {
    napi_throw_error(env, nullptr, "graph addon: run needs an open session.");
    return false;
  }
  call->session = s;
  Graph* g = s->owner;
  uint32_t nFeeds = Length(env, argv[1]), nFetches = Length(env, argv[2]), nTargets = Length(env, argv[3]);
  call->feedOutputs.resize(nFeeds);
  call->feedValues.assign(nFeeds, nullptr);
  call->fetchOutputs.resize(nFetches);
  call->fetchValues.assign(nFetches, nullptr);
  call->targets.resize(nTargets);
  for (uint32_t i = 0; i < nFeeds; i++) {
    napi_value feed = At(env, argv[1], i);
    if (!ToOutput(env, g, Prop(env, feed, "output"), &call->feedOutputs[i]) || !(call->feedValues[i] = ToTensor(env, feed))) return false;
  }
  for (uint32_t i = 0; i < nFetches; i++) {
    if (!ToOutput(env, g, At(env, argv[2], i), &call->fetchOutputs[i])) return false;
  }
  for (uint32_t i = 0; i < nTargets; i++) {
    std::string name;
    GetString(env, At(env, argv[3], i), &name);
    call->targets[i] = TF_GraphOperationByName(g->graph, name.c_str());
    if (!call->targets[i]) {
      napi_throw_error(env, nullptr, ("graph addon: the graph has no operation named '" + name + "' to run.").c_str());
      return false;
    }
  }
  return true;
}

/** TF_SessionRun on the parsed call; any thread. Leaves TensorFlow's message in call->error. */
void ExecuteRun(RunCall* call) {
  Status status;
  TF_SessionRun(call->session->session, nullptr, call->feedOutputs.data(), call->feedValues.data(), static_cast<int>(call->feedOutputs.size()), call->fetchOutputs.data(),
                call->fetchValues.data(), static_cast<int>(call->fetchOutputs.size()), call->targets.data(), static_cast<int>(call->targets.size()), nullptr, status);
  if (!status.ok()) call->error = "TensorFlow could not run the step: " + status.message();
}

/** The fetched tensors as a JS array (JS thread). */
napi_value RunResult(napi_env env, RunCall* call) {
  napi_value result;
  CALL(env, napi_create_array_with_length(env, call->fetchValues.size(), &result));
  for (uint32_t i = 0; i < call->fetchValues.size(); i++) {
    napi_value value = FromTensor(env, call->fetchValues[i]);
    if (!value) return nullptr;
    CALL(env, napi_set_element(env, result, i, value));
  }
  return result;
}

// run(session, feeds: {output, dtype, shape, data}[], fetches: [opName, index][], targets: string[])
// Blocks the JS thread for the run.
napi_value Run(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  if (!Args(env, info, 4, argv)) return nullptr;
  RunCall call;
  if (!ParseRun(env, argv, &call)) return nullptr;
  ExecuteRun(&call);
  if (!call.error.empty()) return Throw(env, call.error);
  return RunResult(env, &call);
}

// runAsync(...same arguments as run): a Promise of the fetched tensors. The inputs are copied
// before it returns; the run happens on a libuv worker thread, so JS can prepare the next batch.
napi_value RunAsync(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  if (!Args(env, info, 4, argv)) return nullptr;
  auto* call = new RunCall();
  if (!ParseRun(env, argv, call)) {
    delete call;
    return nullptr;
  }
  napi_value promise, name;
  if (napi_create_promise(env, &call->deferred, &promise) != napi_ok) {
    delete call;
    ThrowPending(env, "napi_create_promise");
    return nullptr;
  }
  napi_create_reference(env, argv[0], 1, &call->sessionRef);
  call->session->inFlight++;
  napi_create_string_utf8(env, "fashion-lens graph step", NAPI_AUTO_LENGTH, &name);
  napi_status queued = napi_create_async_work(
      env, nullptr, name, [](napi_env, void* data) { ExecuteRun(static_cast<RunCall*>(data)); },
      [](napi_env env, napi_status, void* data) {
        auto* call = static_cast<RunCall*>(data);
        napi_value value = nullptr;
        if (call->error.empty()) value = RunResult(env, call);
        if (value) {
          napi_resolve_deferred(env, call->deferred, value);
        } else {
          napi_value message, error;
          napi_create_string_utf8(env, call->error.empty() ? "graph addon: reading the run's results failed." : call->error.c_str(), NAPI_AUTO_LENGTH, &message);
          napi_create_error(env, nullptr, message, &error);
          napi_reject_deferred(env, call->deferred, error);
        }
        Session* session = call->session;
        if (--session->inFlight == 0 && session->closeWhenIdle) CloseSession(env, session);
        napi_delete_reference(env, call->sessionRef);
        napi_delete_async_work(env, call->work);
        delete call;
      },
      call, &call->work);
  if (queued == napi_ok) queued = napi_queue_async_work(env, call->work);
  if (queued != napi_ok) {  // never queued: settle the promise and undo what the run took
    napi_value message, error;
    napi_create_string_utf8(env, "graph addon: the run could not be queued on a worker thread.", NAPI_AUTO_LENGTH, &message);
    napi_create_error(env, nullptr, message, &error);
    napi_reject_deferred(env, call->deferred, error);
    call->session->inFlight--;
    napi_delete_reference(env, call->sessionRef);
    if (call->work) napi_delete_async_work(env, call->work);
    delete call;
  }
  return promise;
}

// closeSession(session): frees the session now (the graph stays until it is collected).
napi_value CloseSessionJs(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!Args(env, info, 1, argv)) return nullptr;
  auto* s = Unwrap<Session>(env, argv[0]);
  if (s && s->inFlight > 0) s->closeWhenIdle = true;
  else if (s) CloseSession(env, s);
  return nullptr;
}

// operationTypes(graph): {opName: opType} for every operation (for tests and messages).
napi_value OperationTypes(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  if (!Args(env, info, 1, argv)) return nullptr;
  Graph* g = GraphArg(env, argv[0], "operationTypes");
  if (!g) return nullptr;
  napi_value result;
  CALL(env, napi_create_object(env, &result));
  size_t pos = 0;
  TF_Operation* op;
  while ((op = TF_GraphNextOperation(g->graph, &pos)) != nullptr) {
    napi_value type;
    CALL(env, napi_create_string_utf8(env, TF_OperationOpType(op), NAPI_AUTO_LENGTH, &type));
    CALL(env, napi_set_named_property(env, result, TF_OperationName(op), type));
  }
  return result;
}

napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor props[] = {
      {"newGraph", nullptr, NewGraph, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"addOperation", nullptr, AddOperation, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"addGradients", nullptr, AddGradients, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"newSession", nullptr, NewSession, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"run", nullptr, Run, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"runAsync", nullptr, RunAsync, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"closeSession", nullptr, CloseSessionJs, nullptr, nullptr, nullptr, napi_default, nullptr},
      {"operationTypes", nullptr, OperationTypes, nullptr, nullptr, nullptr, napi_default, nullptr},
  };
  napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props);
  return exports;
}

}  // namespace

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
