// Small client of the Refocus REST API for bin/refocus-server: Node's own fetch, no packages.
//   node refocus-api.mjs wait BASE_URL SECONDS
//   node refocus-api.mjs ingest BASE_URL COLLECTION_NAME
const [command, baseUrl, arg] = process.argv.slice(2);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function json(path, init) {
  const response = await fetch(baseUrl + path, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(`${init?.method ?? 'GET'} ${path}: ${response.status} ${body.message ?? ''}`);
  }
  return body;
}

async function waitForApi(seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    try {
      await json('/api/collections');
      return;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`no answer from ${baseUrl} in ${seconds} s: ${e.message}`);
      await sleep(1000);
    }
  }
}

async function ingest(name) {
  const collections = await json('/api/collections');
  const collection = collections.find((c) => c.name === name);
  if (!collection) throw new Error(`no collection named '${name}'`);
  let run = await json(`/api/collections/${collection.id}/ingest`, { method: 'POST' });
  console.log(`refocus-server: ingesting '${name}' (run ${run.executionId}) ...`);
  // Payara's batch runtime can show the job final a moment before the step's record (its status
  // and counts) is written, so the run is done when the steps are final too.
  const final = (status) => ['COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED'].includes(status);
  while (!final(run.batchStatus) || !run.steps.every((s) => final(s.batchStatus))) {
    await sleep(500);
    run = await json(`/api/runs/${run.executionId}`);
  }
  const after = await json(`/api/collections/${collection.id}`);
  const step = run.steps[0] ?? { readCount: 0, writeCount: 0, skipCount: 0 };
  console.log(
    `refocus-server: ingest ${run.batchStatus}: ${step.writeCount} files read, ` +
      `${after.imageCount} images catalogued, ${after.unreadableCount} unreadable, ` +
      `${step.skipCount} skipped`,
  );
  if (run.batchStatus !== 'COMPLETED') process.exitCode = 1;
}

try {
  if (command === 'wait') await waitForApi(Number(arg));
  else if (command === 'ingest') await ingest(arg);
  else throw new Error(`unknown command ${command}`);
} catch (e) {
  console.error(`refocus-server: ${e.message}`);
  process.exitCode = 1;
}
