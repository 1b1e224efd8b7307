// @liveplus/react: the wrappers are typed (the React example app type-checks against them) and
// importable in Node, where they render their tags without defining anything.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

it('the React example type-checks against the wrappers', () => {
  const tsc = spawnSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', `${root}examples/react/tsconfig.json`], { encoding: 'utf8' });
  assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
});

it('renders the elements’ tags on a server', async () => {
  const { createElement } = await import('react');
  const { renderToString } = await import('react-dom/server');
  const { LiveShopping, Show, Chat } = await import('@liveplus/react');
  const html = renderToString(createElement(Show, { showId: 'wuyi-tea-coop' }, createElement(Chat)));
  assert.match(html, /<lp-show[^>]*><lp-chat/);
  assert.equal(typeof LiveShopping, 'object');
});
