// Calls to the service, each with the curl command that makes the same call.

/** JSON text of a value, keeping the sign of -0 (JSON.stringify writes it as 0). */
export function toJson(value) {
  if (typeof value === 'number') {
    return Object.is(value, -0) ? '-0.0' : JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return '[' + value.map(toJson).join(',') + ']';
  }
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value).filter(([, v]) => v !== undefined);
    return '{' + fields.map(([k, v]) => JSON.stringify(k) + ':' + toJson(v)).join(',') + '}';
  }
  return JSON.stringify(value);
}

const shellQuote = (text) => "'" + text.replace(/'/g, "'\\''") + "'";

/**
 * The curl command for a call. A bearer token is never printed: the command reads it from
 * the environment variable NNFS_TOKEN.
 */
export function curl({ method = 'GET', path, body, token, accept, output }) {
  const parts = ['curl -s'];
  if (method !== 'GET' && !(method === 'POST' && body !== undefined)) {
    parts.push('-X ' + method);
  }
  parts.push(shellQuote(location.origin + path));
  if (accept) {
    parts.push('-H ' + shellQuote('Accept: ' + accept));
  }
  if (token) {
    parts.push('-H "Authorization: Bearer $NNFS_TOKEN"');
  }
  if (body !== undefined) {
    parts.push("-H 'Content-Type: application/json'");
    parts.push('-d ' + shellQuote(toJson(body)));
  }
  if (output) {
    parts.push('-o ' + output);
  }
  return parts.join(' ');
}

/** A failed call: the problem's detail and each error's place. */
export class ApiError extends Error {
  constructor(status, problem) {
    const where = (problem && problem.errors ? problem.errors : [])
      .map((e) => (e.pointer !== undefined ? e.pointer : e.parameter) + ': ' + e.message);
    const detail = problem && problem.detail ? problem.detail : 'HTTP ' + status;
    super(where.length > 1 ? detail + '\n' + where.join('\n') : detail);
    this.status = status;
    this.problem = problem;
  }
}

/**
 * Makes a call. Answers {status, data, curl}: data is the parsed JSON, or a Blob for
 * pictures. A non-2xx answer throws an ApiError.
 */
export async function call(request) {
  const { method = 'GET', path, body, token, accept } = request;
  const headers = {};
  if (accept) {
    headers.Accept = accept;
  }
  if (token) {
    headers.Authorization = 'Bearer ' + token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : toJson(body) });
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let problem = null;
    try {
      problem = type.includes('json') ? await response.json() : null;
    } catch (e) {
      problem = null;
    }
    const error = new ApiError(response.status, problem);
    error.curl = curl(request);
    throw error;
  }
  let data = null;
  if (type.includes('json')) {
    data = await response.json();
  } else if (response.status !== 204) {
    data = await response.blob();
  }
  return { status: response.status, data, curl: curl(request) };
}
