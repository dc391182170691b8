// Signs requests with the console's signer for WebConsoleSignerTests, which signs the same requests with Arca's C#
// SigV4Signer and verifies these with SigV4Verifier. Reads a JSON array on stdin:
//   [{ method, target, headers: [[name, value]...], body, accessKeyId, secretAccessKey, sessionToken?, region, service, time }]
// and writes a JSON array of the signed header pairs, one entry per request.
import { sign } from '../../../src/Arca.WebConsole/wwwroot/js/sigv4.js';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const results = [];
for (const c of JSON.parse(input)) {
  const signed = await sign({
    method: c.method,
    target: c.target,
    headers: c.headers,
    body: c.body,
    region: c.region,
    service: c.service,
    date: new Date(c.time),
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken ?? undefined },
  });
  results.push(signed.headers);
}
process.stdout.write(JSON.stringify(results));
