// Runs a TF.js model (layers-model or graph-model) with TF.js itself on raw input and writes raw
// output:
//   node tfjs-reference.mjs MODEL_JSON INPUT.f32 HEIGHT WIDTH OUTPUT.f32 [cpu|wasm]
// Input and output are float32 little-endian NHWC (batch 1, 3 channels), in the model's range.
//
// The CPU backend is plain JavaScript: MAXIM's 22 M parameters at 64² did not finish in 14
// minutes there (its Einsum broadcasts to rank-5 products). The wasm backend (XNNPACK) runs
// everything MAXIM uses except Einsum, for which this script registers a kernel made of the
// backend's own Transpose, Reshape and BatchMatMul kernels; before the model runs, that kernel is
// checked against the CPU backend's Einsum on random operands for every equation the graph uses.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import * as layers from '@tensorflow/tfjs-layers';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [modelJson, input, height, width, output, backend = 'cpu'] = process.argv.slice(2);
const model = JSON.parse(readFileSync(modelJson, 'utf8'));
const dir = dirname(modelJson);
const shards = Buffer.concat(
  model.weightsManifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p)))),
);
const arrayBuffer = (buffer) =>
  buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);
const artifacts = tf.io.fromMemory({
  modelTopology: model.modelTopology,
  weightSpecs: model.weightsManifest.flatMap((group) => group.weights),
  weightData: arrayBuffer(shards),
  format: model.format,
  generatedBy: model.generatedBy,
  convertedBy: model.convertedBy,
  signature: model.signature,
});

// Two-operand Einsum without batch letters: operands transposed to (free, contracted) and
// (contracted, free), one matrix product, then the output's letter order.
function wasmEinsum({ inputs, backend: wasm, attrs }) {
  const [lhs, out] = attrs.equation.split('->');
  const [a, b] = lhs.split(',');
  if (inputs.length !== 2 || [...a].some((l) => b.includes(l) && out.includes(l))) {
    throw new Error(`Einsum ${attrs.equation}: only two operands without batch letters`);
  }
  const contracted = [...a].filter((l) => b.includes(l));
  const freeA = [...a].filter((l) => !contracted.includes(l));
  const freeB = [...b].filter((l) => !contracted.includes(l));
  const size = (letters, operand, shape) =>
    letters.reduce((n, l) => n * shape[operand.indexOf(l)], 1);
  const kernel = (name) => tf.getKernel(name, 'wasm').kernelFunc;
  const temporaries = [];
  const keep = (info) => (temporaries.push(info), info);
  const run = (name, kernelInputs, kernelAttrs) =>
    keep(kernel(name)({ inputs: kernelInputs, backend: wasm, attrs: kernelAttrs }));
  const arrange = (x, operand, letters, rows, cols) => {
    const perm = letters.map((l) => operand.indexOf(l));
    const t = run('Transpose', { x }, { perm });
    return run('Reshape', { x: t }, { shape: [1, rows, cols] });
  };
  const [x, y] = inputs;
  const k = size(contracted, a, x.shape);
  const m = size(freeA, a, x.shape);
  const n = size(freeB, b, y.shape);
  const left = arrange(x, a, [...freeA, ...contracted], m, k);
  const right = arrange(y, b, [...contracted, ...freeB], k, n);
  const product = run('BatchMatMul', { a: left, b: right }, { transposeA: false, transposeB: false });
  const letters = [...freeA, ...freeB];
  const dims = [
    ...freeA.map((l) => x.shape[a.indexOf(l)]),
    ...freeB.map((l) => y.shape[b.indexOf(l)]),
  ];
  const shaped = run('Reshape', { x: product }, { shape: dims });
  const result = kernel('Transpose')({
    inputs: { x: shaped },
    backend: wasm,
    attrs: { perm: [...out].map((l) => letters.indexOf(l)) },
  });
  temporaries.forEach((t) => wasm.disposeData(t.dataId));
  return result;
}

async function checkEinsums() {
  await tf.setBackend('cpu');
  const equations = new Set(
    model.modelTopology.node
      .filter((n) => n.op === 'Einsum')
      .map((n) => atob(n.attr.equation.s)),
  );
  for (const equation of equations) {
    const [a, b] = equation.split('->')[0].split(',');
    const extent = {};
    [...new Set(a + b)].forEach((l, i) => (extent[l] = 2 + ((i * 3) % 5)));
    const shapeOf = (operand) => [...operand].map((l) => extent[l]);
    const x = Array.from(tf.randomUniform(shapeOf(a), -1, 1, 'float32', 1).dataSync());
    const y = Array.from(tf.randomUniform(shapeOf(b), -1, 1, 'float32', 2).dataSync());
    const expected = tf.einsum(equation, tf.tensor(x, shapeOf(a)), tf.tensor(y, shapeOf(b)));
    const want = expected.dataSync();
    await tf.setBackend('wasm');
    const got = tf.einsum(equation, tf.tensor(x, shapeOf(a)), tf.tensor(y, shapeOf(b)));
    const have = got.dataSync();
    await tf.setBackend('cpu');
    const worst = want.reduce((w, v, i) => Math.max(w, Math.abs(v - have[i])), 0);
    if (got.shape.join() !== expected.shape.join() || worst > 1e-5) {
      throw new Error(`wasm Einsum ${equation} differs from the CPU backend's: ${worst}`);
    }
  }
}

if (backend === 'wasm') {
  tf.registerKernel({ kernelName: 'Einsum', backendName: 'wasm', kernelFunc: wasmEinsum });
  await checkEinsums();
}
await tf.setBackend(backend);
const x = tf.tensor4d(new Float32Array(arrayBuffer(readFileSync(input))), [1, +height, +width, 3]);
const y =
  model.format === 'graph-model'
    ? await (await loadGraphModel(artifacts)).executeAsync(x)
    : (await layers.loadLayersModel(artifacts)).predict(x);
writeFileSync(output, Buffer.from((await y.data()).buffer));
console.log(y.shape.join('x'));
