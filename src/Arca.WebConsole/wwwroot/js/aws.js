// The console's AWS client: every call is signed with SigV4 (./sigv4.js) using the signed-in credentials and sent
// to Arca's ordinary API endpoints, in the protocol of its service:
//   Backup        restJson1  METHOD /path?query, JSON body          (regional: signed for the region asked)
//   Organizations awsJson1.1 POST / with X-Amz-Target, JSON body     (global)
//   KMS           awsJson1.1 POST / with X-Amz-Target, JSON body     (regional)
//   STS           awsQuery   POST / with a form body, XML answer     (global)
// Every failure becomes an AwsError carrying AWS's error code, message, HTTP status and request id.
import { sign, uriEncode } from './sigv4.js';
import * as session from './session.js';

export class AwsError extends Error {
  constructor(code, message, status = 0, requestId = '') {
    super(message);
    this.name = 'AwsError';
    this.code = code;
    this.status = status;
    this.requestId = requestId;
  }
}

/** A path whose interpolated values are each percent-encoded as one label: path`/backup-vaults/${name}`. */
export function path(strings, ...labels) {
  return strings.reduce((out, s, i) => out + s + (i < labels.length ? uriEncode(labels[i]) : ''), '');
}

/** "?a=1&b=x%20y" from an object; null, undefined and '' values are left out. Encoded as it will be signed. */
export function queryString(params = {}) {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v instanceof Date ? isoSeconds(v) : v)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Query-string timestamps are ISO 8601 (restJson1's default), to the second. */
export function isoSeconds(date) {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function credentialsOrThrow(explicit) {
  const credentials = explicit ?? session.current()?.credentials;
  if (!credentials) throw new AwsError('NotSignedIn', 'Sign in first: the console signs every request with your access key.');
  return credentials;
}

// The server's clock minus this browser's, learnt from a refusal for clock skew (as the AWS SDKs correct it).
let clockOffsetMs = 0;

async function send(request, retried = false) {
  const { service, region, method, target, headers = {}, body, credentials } = request;
  const signed = await sign({
    method, target, body, region, service,
    headers: { host: location.host, ...headers },
    credentials: credentialsOrThrow(credentials),
    date: new Date(Date.now() + clockOffsetMs),
  });
  const sendHeaders = new Headers();
  for (const [name, value] of signed.headers) {
    if (name.toLowerCase() !== 'host') sendHeaders.append(name, value); // the browser sends Host itself, the same value
  }
  let response;
  try {
    response = await fetch(target, { method, headers: sendHeaders, body: body || undefined, credentials: 'omit', cache: 'no-store', redirect: 'error' });
  } catch (e) {
    throw new AwsError('NetworkError', `The request did not reach Arca: ${e.message}`);
  }
  const text = await response.text();
  // A signature refused as expired or from the future: sign once more with the server's time (its Date header).
  const serverTime = Date.parse(response.headers.get('date') ?? '');
  if (!retried && !response.ok && /Signature expired|Signature not yet current/.test(text) && !Number.isNaN(serverTime)) {
    clockOffsetMs = serverTime - Date.now();
    return send(request, true);
  }
  return { response, text };
}

function jsonError(response, text) {
  let body = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: the status line is all there is.
  }
  const type = response.headers.get('x-amzn-ErrorType') || body.__type || body.Code || body.code || `HTTP ${response.status}`;
  const code = type.split(':')[0].split('#').pop();
  const message = body.message ?? body.Message ?? (text || response.statusText);
  return new AwsError(code, message, response.status, response.headers.get('x-amzn-RequestId') ?? '');
}

function parseJson(response, text) {
  if (!response.ok) throw jsonError(response, text);
  return text ? JSON.parse(text) : {};
}

/** A Backup (restJson1) call: backup(region, 'GET', path`/backup-vaults/${name}`, { query, body }). */
export async function backup(region, method, target, { query, body, credentials } = {}) {
  const json = body === undefined ? undefined : JSON.stringify(body);
  const { response, text } = await send({
    service: 'backup', region, method, target: target + queryString(query), body: json, credentials,
    headers: json === undefined ? {} : { 'content-type': 'application/json' },
  });
  return parseJson(response, text);
}

/** An awsJson1.1 call: POST / with X-Amz-Target. */
export async function awsJson(service, region, target, input = {}, credentials) {
  const { response, text } = await send({
    service, region, method: 'POST', target: '/', body: JSON.stringify(input), credentials,
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
  });
  return parseJson(response, text);
}

/** An Organizations operation (global: signed for the signed-in region). */
export function organizations(operation, input = {}, credentials) {
  return awsJson('organizations', session.current()?.region ?? 'us-east-1', `AWSOrganizationsV20161128.${operation}`, input, credentials);
}

/** One of Arca's own Organizations operations (docs/design/server.md §8), on the same endpoint and signing name. */
export function arcaOrganizations(operation, input = {}) {
  return awsJson('organizations', session.current()?.region ?? 'us-east-1', `ArcaOrganizations.${operation}`, input);
}

/** A KMS operation in a region. */
export function kms(region, operation, input = {}) {
  return awsJson('kms', region, `TrentService.${operation}`, input);
}

/** An awsQuery call (STS): returns the parsed XML document of the answer. */
export async function query(service, region, action, version, params = {}, credentials) {
  const form = [['Action', action], ['Version', version], ...Object.entries(params)]
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).join('&');
  const { response, text } = await send({
    service, region, method: 'POST', target: '/', body: form, credentials,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  });
  const xml = new DOMParser().parseFromString(text, 'application/xml');
  if (!response.ok) {
    const field = (name) => xml.querySelector(`Error > ${name}`)?.textContent;
    throw new AwsError(field('Code') ?? `HTTP ${response.status}`, field('Message') ?? text, response.status, xml.querySelector('RequestId')?.textContent ?? '');
  }
  return xml;
}

/** sts:GetCallerIdentity: { Account, Arn, UserId } of the given (or signed-in) credentials. */
export async function callerIdentity(region, credentials) {
  const xml = await query('sts', region, 'GetCallerIdentity', '2011-06-15', {}, credentials);
  const field = (name) => xml.querySelector(`GetCallerIdentityResult > ${name}`)?.textContent ?? '';
  return { Account: field('Account'), Arn: field('Arn'), UserId: field('UserId') };
}

/**
 * Follows NextToken through at most maxPages pages: fetchPage(token) returns a page; items(page) its list.
 * Returns every item fetched, and whether more remained.
 */
export async function collect(fetchPage, items, maxPages = 5) {
  const all = [];
  let token;
  for (let page = 0; page < maxPages; page++) {
    const answer = await fetchPage(token);
    all.push(...(items(answer) ?? []));
    token = answer.NextToken;
    if (!token) return { items: all, truncated: false };
  }
  return { items: all, truncated: true };
}
