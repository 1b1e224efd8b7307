// Protocol conformance, part 3: nothing is lost across a restart. The server is stopped and
// started again on the same SQLite file (in a temporary folder): chat, carts, reports, the event
// log, sessions and idempotency records are all still there, sequence numbers continue, and a
// scripted timeline picks up where the clock says it is. Also: the CLI with DATA_DIR.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOW, TEA, delay, openStream, startServer } from './api-helpers.mjs';

const folder = mkdtempSync(join(tmpdir(), 'liveplus-restart-'));
after(() => rmSync(folder, { recursive: true, force: true }));

describe('restart', () => {
  it('keeps chat, carts, reports, sessions, the event log and the sequence', async () => {
    const database = join(folder, 'restart.sqlite');
    let t = await startServer({ database });
    const token = await t.session();
    await t.call('PUT', '/api/v1/session/nickname', { token, body: { nickname: 'Ada' } });
    const message = (await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: 'still here?', clientId: 'r1' }, headers: { 'idempotency-key': 'restart-chat' } })).body;
    await t.call('POST', `/api/v1/shows/${TEA}/cart/lines`, { token, body: { productId: 'wildflower-honey', quantity: 2 } });
    const report = (await t.call('POST', `/api/v1/shows/${TEA}/reports`, { token, body: { messageId: 'wy-spam', reason: 'spam' } })).body;
    await t.host('PATCH', `/shows/${TEA}/products/wildflower-honey`, { body: { stock: 5 } });
    await t.host('PUT', `/shows/${TEA}/chat/${message.id}/pin`, { body: { pinned: true } });
    const before = (await t.call('GET', `/api/v1/shows/${TEA}`)).body;
    await t.close();

    t = await startServer({ database });
    try {
      const show = (await t.call('GET', `/api/v1/shows/${TEA}`)).body;
      assert.deepEqual(show, before, 'the snapshot and its seq are as they were');
      assert.equal((await t.call('GET', '/api/v1/session', { token })).body.nickname, 'Ada', 'the token still works');
      const history = (await t.call('GET', `/api/v1/shows/${TEA}/chat?limit=200`)).body.messages;
      assert.deepEqual(
        history.find((m) => m.id === message.id),
        { ...message, pinned: true },
      );
      const cart = (await t.call('GET', `/api/v1/shows/${TEA}/cart`, { token })).body;
      assert.deepEqual(
        cart.lines.map((l) => [l.productId, l.quantity]),
        [['wildflower-honey', 2]],
      );
      assert.ok((await t.host('GET', `/shows/${TEA}/reports`)).body.reports.some((r) => r.id === report.id));
      assert.equal((await t.call('GET', `/api/v1/shows/${TEA}/products`)).body.products.find((p) => p.id === 'wildflower-honey').stock, 5);

      const replay = await t.call('POST', `/api/v1/shows/${TEA}/chat`, { token, body: { text: 'still here?', clientId: 'r1' }, headers: { 'idempotency-key': 'restart-chat' } });
      assert.equal(replay.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(replay.body, message);

      const stream = await openStream(`${t.base}/api/v1/shows/${TEA}/events?since=${show.seq - 2}`);
      await t.host('POST', `/shows/${TEA}/chat`, { body: { text: 'after the restart' } });
      const events = await stream.until(3);
      stream.close();
      assert.deepEqual(
        events.map((e) => e.event.seq),
        [show.seq - 1, show.seq, show.seq + 1],
        'the log resumes across the restart and the numbering continues',
      );
    } finally {
      await t.close();
    }
  });

  it('continues a scripted timeline where the clock is, without replaying what already played', async () => {
    const database = join(folder, 'timeline.sqlite');
    const line = (at, text) => ({ at, event: { type: 'chat-message', message: { author: { id: 'bot', name: 'Bot', role: 'host' }, text } } });
    const shows = [
      {
        show: { id: 'scripted', title: 'Scripted', status: 'live', scheduledStart: new Date(NOW).toISOString(), stream: {}, seller: { displayName: 'S', verified: false }, disclosure: { kind: 'own-goods' } },
        products: [],
        timeline: [line(50, 'one'), line(400, 'two')],
      },
    ];
    let t = await startServer({ database, shows, timelines: true });
    await delay(150);
    assert.equal((await t.call('GET', '/api/v1/shows/scripted')).body.seq, 1);
    await t.close();
    t = await startServer({ database, shows, timelines: true });
    try {
      await delay(450);
      const texts = (await t.call('GET', '/api/v1/shows/scripted/chat')).body.messages.map((m) => m.text);
      assert.deepEqual(texts, ['one', 'two']);
      assert.equal((await t.call('GET', '/api/v1/shows/scripted')).body.seq, 2);
    } finally {
      await t.close();
    }
  });
});

describe('the CLI', () => {
  it('creates the database in DATA_DIR, prints the API and the host console, and stops on SIGTERM', async () => {
    const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
    const dataDir = join(folder, 'cli-data');
    const child = spawn(process.execPath, [cli], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LIVEPLUS_HOST_TOKEN: 'cli-host-token' }, cwd: '/' });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (output += chunk));
    while (output.split('\n').length < 4) await once(child.stdout, 'data');
    const [, url] = /^LivePlus demo on (\S+)\n/.exec(output);
    assert.match(output, new RegExp(`API on ${url}api/v1/ \\(SQLite: ${join(dataDir, 'liveplus.sqlite')}\\)`));
    assert.match(output, new RegExp(`Host console: ${url}host/\\n`), 'a configured token is not printed');
    assert.ok(existsSync(join(dataDir, 'liveplus.sqlite')));
    assert.equal((await fetch(`${url}api/v1/host/shows`, { headers: { authorization: 'Bearer cli-host-token' } })).status, 200);
    child.kill('SIGTERM');
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });
});
