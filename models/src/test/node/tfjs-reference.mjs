// Runs a TF.js model (layers-model or graph-model) with TF.js itself (CPU backend) on raw input
// and writes raw output:
//   node tfjs-reference.mjs MODEL_JSON INPUT.f32 HEIGHT WIDTH OUTPUT.f32
// Input and output are float32 little-endian NHWC (batch 1, 3 channels), in the model's range.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as layers from '@tensorflow/tfjs-layers';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [modelJson, input, height, width, output] = process.argv.slice(2);
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

await tf.setBackend('cpu');
const x = tf.tensor4d(new Float32Array(arrayBuffer(readFileSync(input))), [1, +height, +width, 3]);
const y =
  model.format === 'graph-model'
    ? await (await loadGraphModel(artifacts)).executeAsync(x)
    : (await layers.loadLayersModel(artifacts)).predict(x);
writeFileSync(output, Buffer.from((await y.data()).buffer));
console.log(y.shape.join('x'));
