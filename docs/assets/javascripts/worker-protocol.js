// The messages between a calculator page (engine.js) and calculator-worker.js, written once for both sides.
// Page to worker: {id, calculator, inputs}, or {leave: true} when the page goes. Worker to page: {id, result} | {id, error} | {progress}; "ready"
// and the first result also carry `phases`, where start-up time went (calculator-worker.js says what else
// "ready" and "saved" carry).

// The worker's stages, in the order it reports them.
export const RUNTIME = "runtime";
export const READY = "ready";
export const SAVED = "saved";
const NOT_A_REQUEST = "a request needs a calculator id and an inputs object";

// A request: run the calculator (its id) on the inputs (an object of values by input name).
export function requestMessage(id, calculator, inputs) {
  return { id, calculator, inputs };
}

// The page is going: the worker closes once the snapshot it is keeping is stored (or refused).
export function leaveMessage() {
  return { leave: true };
}

// A received message as {id, calculator, inputs, invalid, leaving}: invalid says what is wrong with a request, or
// is null; leaving is true for leaveMessage().
export function readRequest(data) {
  const { id, calculator, inputs, leave } = data || {};
  const valid = typeof calculator === "string" && inputs !== null && typeof inputs === "object" && !Array.isArray(inputs);
  return { id, calculator, inputs, invalid: valid ? null : NOT_A_REQUEST, leaving: leave === true };
}

// The answer to request id: the package's result, with the start-up phases when given.
export function resultMessage(id, result, phases) {
  return phases ? { id, result, phases } : { id, result };
}

// The answer to request id when it could not be run: the error's message.
export function errorMessage(id, error) {
  return { id, error: String(error && error.message || error) };
}

// A stage of the worker's start (RUNTIME, READY or SAVED) with what the stage reports.
export function progressMessage(stage, details) {
  return { progress: stage, ...details };
}

// What a message from the worker is: SAVED (the snapshot was kept), "progress" (a stage), or "answer" (to a request).
export function messageKind(message) {
  if (message.progress === SAVED) { return SAVED; }
  return message.progress ? "progress" : "answer";
}
