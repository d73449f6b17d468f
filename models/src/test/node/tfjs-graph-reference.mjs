// Runs a TF.js graph model with TF.js itself (CPU backend) on raw input and writes raw output:
//   node tfjs-graph-reference.mjs MODEL_JSON INPUT.f32 HEIGHT WIDTH OUTPUT.f32
// Input and output are float32 little-endian NHWC (batch 1, 3 channels), in the model's range.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [modelJson, input, height, width, output] = process.argv.slice(2);
const model = JSON.parse(readFileSync(modelJson, 'utf8'));
const dir = dirname(modelJson);
const weightSpecs = model.weightsManifest.flatMap((group) => group.weights);
const shards = Buffer.concat(
  model.weightsManifest.flatMap((group) => group.paths.map((p) => readFileSync(join(dir, p)))),
);
const arrayBuffer = (buffer) =>
  buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);

await tf.setBackend('cpu');
const net = await loadGraphModel(
  tf.io.fromMemory({
    modelTopology: model.modelTopology,
    weightSpecs,
    weightData: arrayBuffer(shards),
    format: model.format,
    generatedBy: model.generatedBy,
    convertedBy: model.convertedBy,
    signature: model.signature,
  }),
);
const x = tf.tensor4d(new Float32Array(arrayBuffer(readFileSync(input))), [1, +height, +width, 3]);
const y = await net.executeAsync(x);
writeFileSync(output, Buffer.from((await y.data()).buffer));
console.log(y.shape.join('x'));
