// AWS Signature Version 4, for the console's requests. Runs in the browser (WebCrypto) and in Node.js >= 20
// (globalThis.crypto), so the same file is unit-tested with node (tests/Arca.WebConsole.Tests/js).
//
// It canonicalizes exactly as Arca's server verifies (src/Arca.Api/Auth/SigV4Canonicalizer.cs), for every
// service but S3:
//   * URI: the raw path with dot segments and empty segments removed, then every byte outside A-Za-z0-9-_.~/
//     percent-encoded again ("double encoding": a label's %3A becomes %253A);
//   * query: each name and value decoded and re-encoded RFC 3986 style, sorted by name, then value;
//   * headers: every header given is signed (lowercase names, sorted), values trimmed with inner runs of white
//     space collapsed, repeated headers joined by ",";
//   * payload: the hex SHA-256 of the body, also sent as X-Amz-Content-SHA256 (as the JS SDK does).

const encoder = new TextEncoder();
const subtle = globalThis.crypto.subtle;

export const ALGORITHM = 'AWS4-HMAC-SHA256';

/** Headers never signed: browsers and proxies set or rewrite them after signing (as botocore and Arca's signer). */
const UNSIGNED = new Set(['authorization', 'user-agent', 'expect', 'transfer-encoding', 'x-amzn-trace-id', 'connection']);

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

function bytesOf(data) {
  return typeof data === 'string' ? encoder.encode(data) : data ?? new Uint8Array();
}

/** Lowercase hex SHA-256 of a string (as UTF-8) or bytes. */
export async function sha256Hex(data) {
  return hex(await subtle.digest('SHA-256', bytesOf(data)));
}

async function hmac(key, text) {
  const cryptoKey = await subtle.importKey('raw', bytesOf(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, encoder.encode(text)));
}

const isUnreserved = (b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39)
  || b === 0x2d || b === 0x5f || b === 0x2e || b === 0x7e;

/** Percent-encodes bytes: everything outside the unreserved set (and outside "/" unless keepSlash) as %XX. */
function encodeBytes(bytes, keepSlash) {
  let out = '';
  for (const b of bytes) {
    out += isUnreserved(b) || (keepSlash && b === 0x2f) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** RFC 3986 encoding of text's UTF-8 bytes, as SigV4 (and a URL path label or query value) needs it. */
export function uriEncode(text, keepSlash = false) {
  return encodeBytes(encoder.encode(String(text)), keepSlash);
}

/** Decodes %XX escapes to bytes; a "%" without two hex digits and "+" stay literal (RFC 3986, not forms). */
function decodeToBytes(text) {
  const out = [];
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(...encoder.encode(text.slice(run, i)), parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
      run = i + 1;
    }
  }
  out.push(...encoder.encode(text.slice(run)));
  return out;
}

/** RFC 3986 dot-segment removal as the SDKs apply it: "." and empty segments dropped, ".." drops the previous one. */
export function removeDotSegments(path) {
  const kept = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  const first = path.startsWith('/') ? '/' : '';
  const last = path.endsWith('/') && kept.length > 0 ? '/' : '';
  return first + kept.join('/') + last;
}

/** The canonical URI of a raw (still percent-encoded) path: normalized, then encoded once more. */
export function canonicalUri(rawPath) {
  return rawPath === '' ? '/' : uriEncode(removeDotSegments(rawPath), true);
}

/** The canonical query of a raw query string (without "?"). */
export function canonicalQuery(rawQuery) {
  const pairs = [];
  for (const component of rawQuery.split('&')) {
    if (component === '') continue;
    const equals = component.indexOf('=');
    const name = encodeBytes(decodeToBytes(equals < 0 ? component : component.slice(0, equals)), false);
    const value = equals < 0 ? '' : encodeBytes(decodeToBytes(component.slice(equals + 1)), false);
    pairs.push([name, value]);
  }
  // Encoded text is ASCII, so JavaScript's UTF-16 order is the byte order the server sorts by.
  const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  pairs.sort((a, b) => order(a[0], b[0]) || order(a[1], b[1]));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Header pairs [[name, value], ...] from an array of pairs or a plain object. */
function headerPairs(headers) {
  return Array.isArray(headers) ? headers.map(([n, v]) => [n, String(v)]) : Object.entries(headers ?? {}).map(([n, v]) => [n, String(v)]);
}

function canonicalHeaders(pairs, signedHeaders) {
  return signedHeaders.map((name) => {
    const values = pairs.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v.trim().replace(/\s+/g, ' '));
    return `${name}:${values.join(',')}\n`;
  }).join('');
}

/** 20150830T123600Z for a Date. */
export function amzDate(date) {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** The signing key: HMAC chain over date, region, service and "aws4_request". */
export async function signingKey(secretAccessKey, date, region, service) {
  const kDate = await hmac(`AWS4${secretAccessKey}`, date);
  const kRegion = await hmac(kDate, region);
  const kService = await hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

/**
 * Signs a request. `target` is the path and query exactly as they will be sent (already percent-encoded);
 * `headers` must include `host`. Returns the headers to send (the given ones plus X-Amz-Date,
 * X-Amz-Content-SHA256 unless turned off, X-Amz-Security-Token with a session token, and Authorization) and the
 * intermediate strings, for tests.
 *
 * @param {object} request
 * @param {string} request.method
 * @param {string} request.target  path?query
 * @param {object|Array} request.headers  { name: value } or [[name, value], ...]
 * @param {string|Uint8Array} [request.body]
 * @param {{accessKeyId: string, secretAccessKey: string, sessionToken?: string}} request.credentials
 * @param {string} request.region
 * @param {string} request.service  the signing name: backup, organizations, kms, sts...
 * @param {Date} [request.date]  the signing time (now by default)
 * @param {boolean} [request.addContentSha256]  send and sign X-Amz-Content-SHA256 (default true)
 */
export async function sign(request) {
  const { method, target, credentials, region, service } = request;
  const time = amzDate(request.date ?? new Date());
  const scope = `${time.slice(0, 8)}/${region}/${service}/aws4_request`;
  const payloadHash = await sha256Hex(request.body ?? '');

  // Later values replace earlier ones of the same name, as the server's signer does.
  const set = (pairs, name, value) => [...pairs.filter(([n]) => n.toLowerCase() !== name.toLowerCase()), [name, value]];
  let pairs = set(headerPairs(request.headers), 'X-Amz-Date', time);
  if (request.addContentSha256 ?? true) pairs = set(pairs, 'X-Amz-Content-SHA256', payloadHash);
  if (credentials.sessionToken) pairs = set(pairs, 'X-Amz-Security-Token', credentials.sessionToken);
  if (!pairs.some(([n]) => n.toLowerCase() === 'host')) throw new Error('The request needs a host header to be signed.');

  const signedHeaders = [...new Set(pairs.map(([n]) => n.toLowerCase()).filter((n) => !UNSIGNED.has(n)))].sort();
  const q = target.indexOf('?');
  const canonicalRequest = [
    method,
    canonicalUri(q < 0 ? target : target.slice(0, q)),
    canonicalQuery(q < 0 ? '' : target.slice(q + 1)),
    canonicalHeaders(pairs, signedHeaders),
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  const stringToSign = [ALGORITHM, time, scope, await sha256Hex(canonicalRequest)].join('\n');
  const key = await signingKey(credentials.secretAccessKey, time.slice(0, 8), region, service);
  const signature = hex(await hmac(key, stringToSign));
  const authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return { headers: [...pairs, ['Authorization', authorization]], authorization, canonicalRequest, stringToSign, signature };
}
