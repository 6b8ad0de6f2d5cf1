#!/usr/bin/env node
// Stands in for `journeyc lsp` in the editor tests: answers initialize and
// shutdown over stdio and appends its arguments and every method it receives
// to $FAKE_JOURNEYC_LOG.
const fs = require('fs');
const log = process.env.FAKE_JOURNEYC_LOG;
fs.appendFileSync(log, `args ${process.argv.slice(2).join(' ')}\n`);
let buffer = Buffer.alloc(0);
const send = (msg) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }));
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
};
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const end = buffer.indexOf('\r\n\r\n');
    if (end < 0) return;
    const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())[1]);
    if (buffer.length < end + 4 + length) return;
    const msg = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString());
    buffer = buffer.subarray(end + 4 + length);
    const uri = msg.params && msg.params.textDocument ? ` ${msg.params.textDocument.uri}` : '';
    const root = msg.method === 'initialize' ? ` root=${msg.params.rootUri}` : '';
    fs.appendFileSync(log, `${msg.method}${uri}${root}\n`);
    if (msg.method === 'initialize') send({ id: msg.id, result: { capabilities: { textDocumentSync: 1 } } });
    else if (msg.method === 'shutdown') send({ id: msg.id, result: null });
    else if (msg.method === 'exit') process.exit(0);
  }
});
process.stdin.on('end', () => process.exit(0));
