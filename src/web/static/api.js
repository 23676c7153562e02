/* global fetch, sessionStorage, setTimeout, Blob, URL, document */
// Calls to the service: JSON in and out, the bearer key when one is set, jobs polled to the end.

/** An error answered by the service: { code, message, issues }. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = body?.code ?? 'HTTP';
    this.issues = body?.issues ?? [];
  }
}

function headers(json) {
  const h = {};
  if (json) h['content-type'] = 'application/json';
  const key = sessionStorage.getItem('wfm-api-key');
  if (key) h.authorization = `Bearer ${key}`;
  return h;
}

async function answer(response) {
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    const body = type.includes('json') ? await response.json().catch(() => null) : null;
    throw new ApiError(response.status, body);
  }
  return type.includes('json') ? response.json() : response.text();
}

export async function getJson(url) {
  return answer(await fetch(url, { headers: headers(false) }));
}

export async function postJson(url, body, signal) {
  return answer(await fetch(url, { method: 'POST', headers: headers(true), body: JSON.stringify(body), signal }));
}

export async function deleteJson(url) {
  return answer(await fetch(url, { method: 'DELETE', headers: headers(false) }));
}

/** POST returning raw text (exports). */
export async function postText(url, body) {
  const response = await fetch(url, { method: 'POST', headers: headers(true), body: JSON.stringify(body) });
  if (!response.ok) return answer(response);
  return response.text();
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a job route: 202 with a job, then GET /v1/jobs/:id until it ends; `onProgress(view)` on
 * each poll. A route answering 200 directly returns its body.
 */
export async function runJob(url, body, onProgress) {
  const first = await postJson(url, body);
  if (!first || typeof first.id !== 'string' || typeof first.status !== 'string') return first;
  let view = first;
  for (;;) {
    onProgress?.(view);
    if (view.status === 'succeeded') return view.result;
    if (view.status === 'failed' || view.status === 'cancelled')
      throw new ApiError(422, view.error ?? { message: `job ${view.status}` });
    await sleep(300);
    view = await getJson(`/v1/jobs/${encodeURIComponent(first.id)}`);
  }
}

/** Saves text as a file download. */
export function download(text, fileName, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
