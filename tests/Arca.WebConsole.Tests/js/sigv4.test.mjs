// Known-answer tests of the console's SigV4 signer (src/Arca.WebConsole/wwwroot/js/sigv4.js) from AWS's
// Signature Version 4 test suite (aws-sig-v4-test-suite; the same vectors as tests/Arca.Api.Tests/Auth/AwsSuite.cs).
// Run: node --test tests/Arca.WebConsole.Tests/js/   (WebConsoleSignerTests runs it from dotnet test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sign, canonicalUri, canonicalQuery, uriEncode, removeDotSegments } from '../../../src/Arca.WebConsole/wwwroot/js/sigv4.js';

const HOST = 'example.amazonaws.com';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const date = new Date('2015-08-30T12:36:00Z');
const UNRESERVED = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const STS_TOKEN = 'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';
const VANILLA = '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';

// [name, method, target, extra headers, body, signed headers, signature, options]
const cases = [
  ['get-vanilla', 'GET', '/', [], '', 'host;x-amz-date', VANILLA],
  ['get-relative-relative-normalized', 'GET', '/example1/example2/../..', [], '', 'host;x-amz-date', VANILLA],
  ['get-slash-normalized', 'GET', '//', [], '', 'host;x-amz-date', VANILLA],
  ['get-slash-pointless-dot-normalized', 'GET', '/./example', [], '', 'host;x-amz-date', 'ef75d96142cf21edca26f06005da7988e4f8dc83a165a80865db7089db637ec5'],
  ['get-slashes-normalized', 'GET', '//example//', [], '', 'host;x-amz-date', '9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84'],
  ['get-space-normalized', 'GET', '/example space/', [], '', 'host;x-amz-date', '652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741'],
  ['get-unreserved', 'GET', `/${UNRESERVED}`, [], '', 'host;x-amz-date', '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f'],
  ['get-utf8', 'GET', '/\u1234', [], '', 'host;x-amz-date', '8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85'],
  ['get-vanilla-query-order-key-case', 'GET', '/?Param2=value2&Param1=value1', [], '', 'host;x-amz-date', 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500'],
  ['get-vanilla-query-order-encoded', 'GET', '/?Param-3=Value3&Param=Value2&%E1%88%B4=Value1', [], '', 'host;x-amz-date', '371d3713e185cc334048618a97f809c9ffe339c62934c032af5a0e595648fcac'],
  ['get-vanilla-query-unreserved', 'GET', `/?${UNRESERVED}=${UNRESERVED}`, [], '', 'host;x-amz-date', '9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197'],
  ['get-vanilla-utf8-query', 'GET', '/?\u1234=bar', [], '', 'host;x-amz-date', '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04'],
  ['get-vanilla-empty-query-key', 'GET', '/?Param1=value1', [], '', 'host;x-amz-date', 'a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb'],
  ['get-header-key-duplicate', 'GET', '/', [['My-Header1', 'value2'], ['My-Header1', 'value2'], ['My-Header1', 'value1']], '', 'host;my-header1;x-amz-date', 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea'],
  ['get-header-value-multiline', 'GET', '/', [['My-Header1', 'value1\n  value2\n     value3']], '', 'host;my-header1;x-amz-date', 'cfd34249e4b1c8d6b91ef74165d41a32e5fab3306300901bb65a51a73575eefd'],
  ['get-header-value-order', 'GET', '/', [['My-Header1', 'value4'], ['My-Header1', 'value1'], ['My-Header1', 'value3'], ['My-Header1', 'value2']], '', 'host;my-header1;x-amz-date', '08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01'],
  ['get-header-value-trim', 'GET', '/', [['My-Header1', ' value1'], ['My-Header2', ' "a   b   c"']], '', 'host;my-header1;my-header2;x-amz-date', 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736'],
  ['get-vanilla-with-session-token', 'GET', '/', [], '', 'host;x-amz-date;x-amz-security-token', '07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8',
    { sessionToken: '6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267' }],
  ['post-vanilla', 'POST', '/', [], '', 'host;x-amz-date', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b'],
  ['post-header-key-sort', 'POST', '/', [['My-Header1', 'value1']], '', 'host;my-header1;x-amz-date', 'c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c'],
  ['post-header-value-case', 'POST', '/', [['My-Header1', 'VALUE1']], '', 'host;my-header1;x-amz-date', 'cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d'],
  ['post-vanilla-query', 'POST', '/?Param1=value1', [], '', 'host;x-amz-date', '28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11'],
  ['post-sts-header-before', 'POST', '/', [], '', 'host;x-amz-date;x-amz-security-token', '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead',
    { sessionToken: STS_TOKEN }],
  ['post-x-www-form-urlencoded (2015 suite)', 'POST', '/', [['Content-Type', 'application/x-www-form-urlencoded']], 'Param1=value1',
    'content-type;host;x-amz-date', 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a'],
  ['post-x-www-form-urlencoded', 'POST', '/', [['Content-Type', 'application/x-www-form-urlencoded'], ['Content-Length', '13']], 'Param1=value1',
    'content-length;content-type;host;x-amz-content-sha256;x-amz-date', 'd3875051da38690788ef43de4db0d8f280229d82040bfac253562e56c3f20e0b', { contentSha256: true }],
  ['post-x-www-form-urlencoded-parameters', 'POST', '/', [['Content-Type', 'application/x-www-form-urlencoded; charset=utf-8'], ['Content-Length', '13']], 'Param1=value1',
    'content-length;content-type;host;x-amz-content-sha256;x-amz-date', '328d1b9eaadca9f5818ef05e8392801e091653bafec24fcab71e7344e7f51422', { contentSha256: true }],
  ['post-vanilla-query-nonunreserved (2015 suite)', 'POST', '/?@#$%^&+=/,?><`";:\\|][{}', [], '', 'host;x-amz-date', '66c82657c86e26fb25238d0e69f011edc4c6df5ae71119d7cb98ed9b87393c1e'],
];

for (const [name, method, target, extra, body, signedHeaders, signature, options = {}] of cases) {
  test(`the AWS suite's ${name}`, async () => {
    const signed = await sign({
      method, target, body, date, region: 'us-east-1', service: 'service',
      headers: [['Host', HOST], ...extra],
      credentials: { ...credentials, sessionToken: options.sessionToken },
      addContentSha256: options.contentSha256 ?? false,
    });
    assert.equal(signed.authorization,
      `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${signedHeaders}, Signature=${signature}`);
  });
}

test('the canonical request of get-vanilla-query-order-key-case is the suite\'s', async () => {
  const signed = await sign({ method: 'GET', target: '/?Param2=value2&Param1=value1', headers: { Host: HOST }, date, region: 'us-east-1', service: 'service', credentials, addContentSha256: false });
  assert.equal(signed.canonicalRequest, 'GET\n/\nParam1=value1&Param2=value2\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('a path label is encoded once on the wire and twice in the canonical URI (non-S3 services)', () => {
  const label = uriEncode('arn:aws:backup:us-east-1:123456789012:recovery-point:a/b c');
  assert.equal(label, 'arn%3Aaws%3Abackup%3Aus-east-1%3A123456789012%3Arecovery-point%3Aa%2Fb%20c');
  assert.equal(canonicalUri(`/backup-vaults/v/recovery-points/${label}`),
    '/backup-vaults/v/recovery-points/arn%253Aaws%253Abackup%253Aus-east-1%253A123456789012%253Arecovery-point%253Aa%252Fb%2520c');
});

test('the query is decoded, re-encoded with uppercase hex and sorted by name then value; "+" is a literal plus', () => {
  assert.equal(canonicalQuery('b=2&a=%3a&a=1&c&&d=x+y'), 'a=%3A&a=1&b=2&c=&d=x%2By');
});

test('dot segments are removed, never above the root, and a trailing slash is kept', () => {
  assert.equal(removeDotSegments('/a/./b/../../../c/'), '/c/');
  assert.equal(canonicalUri(''), '/');
});

test('the console\'s defaults: X-Amz-Content-SHA256 is sent and signed, and a session token too', async () => {
  const signed = await sign({ method: 'PUT', target: '/global-settings', headers: { host: '127.0.0.1:7480', 'content-type': 'application/json' }, body: '{}',
    date, region: 'us-east-1', service: 'backup', credentials: { ...credentials, sessionToken: 'token' } });
  const names = signed.headers.map(([n]) => n);
  assert.deepEqual(names, ['host', 'content-type', 'X-Amz-Date', 'X-Amz-Content-SHA256', 'X-Amz-Security-Token', 'Authorization']);
  assert.match(signed.authorization, /SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token,/);
  assert.equal(signed.headers[3][1], '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
});

test('signing without a host header is refused', async () => {
  await assert.rejects(sign({ method: 'GET', target: '/', headers: {}, date, region: 'us-east-1', service: 'backup', credentials }), /host/);
});
