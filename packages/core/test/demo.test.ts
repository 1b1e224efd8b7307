import { expect } from '@esm-bundle/chai';
import { createDemoShows, DEMO_IMAGE_FILES, DEMO_SHOW_IDS } from '../src/demo/index.js';
import type { ScriptedEvent, ShowFixture } from '../src/fixtures.js';
import { createMemoryAdapter } from '../src/memory-adapter.js';
import { applyProductUpdate } from '../src/reduce.js';
import { ManualScheduler } from '../src/scheduler.js';
import type { ImageRef, Money, Product, ProductUpdatedEvent, ReferencePrice, ShowEvent } from '../src/types.js';
import { REACTIONS } from '../src/types.js';
import { parseChatMessage, parseProducts, parseShow, parseShowEvent } from '../src/validate.js';
import { settle } from './helpers.js';

const NOW = Date.parse('2026-11-27T08:00:00Z');
const BASE = '/packages/server/media/images/';
const MINUTE = 60_000;

const shows = createDemoShows({ assetBase: BASE, now: NOW });
const byId = (id: string): ShowFixture => {
  const found = shows.find((s) => s.show.id === id);
  if (!found) throw new Error(`no show ${id}`);
  return found;
};
const misty = byId(DEMO_SHOW_IDS.mistyPeak);
const wuyi = byId(DEMO_SHOW_IDS.wuyiTea);
const harbor = byId(DEMO_SHOW_IDS.harborDenim);
const liveShows = [misty, wuyi];

/** Reference prices in another currency than the price, on purpose (to exercise "no comparison"). */
const CURRENCY_MISMATCH_ON_PURPOSE = ['harbor-denim-ss27/dockside-jeans'];

function product(fixture: ShowFixture, id: string): Product {
  const found = fixture.products.find((p) => p.id === id);
  if (!found) throw new Error(`no product ${id} in ${fixture.show.id}`);
  return found;
}

function updates(fixture: ShowFixture): ScriptedEvent[] {
  return (fixture.timeline ?? []).filter((e) => e.event.type === 'product-updated');
}

function asUpdate(e: ScriptedEvent, seq = 1): ProductUpdatedEvent {
  if (e.event.type !== 'product-updated') throw new Error('not an update');
  return { ...e.event, id: `e${seq}`, seq, at: new Date(NOW).toISOString() };
}

function applyAll(products: readonly Product[], events: readonly ScriptedEvent[]): readonly Product[] {
  return events.reduce((list, e, i) => applyProductUpdate(list, asUpdate(e, i + 1)), products);
}

/** Every priced thing: products and variants, with where they are. */
function priced(fixture: ShowFixture, products = fixture.products) {
  return products.flatMap((p) => [
    { where: `${fixture.show.id}/${p.id}`, price: p.price, referencePrice: p.referencePrice },
    ...p.variants.map((v) => ({ where: `${fixture.show.id}/${p.id}/${v.id}`, price: v.price, referencePrice: v.referencePrice })),
  ]);
}

function images(fixture: ShowFixture): ImageRef[] {
  const { show } = fixture;
  return [
    ...(show.stream.poster ? [show.stream.poster] : []),
    ...(show.presenter?.avatar ? [show.presenter.avatar] : []),
    ...fixture.products.flatMap((p) => [...p.images, ...p.variants.flatMap((v) => (v.image ? [v.image] : []))]),
  ];
}

/** Checks a reference price against its price: the same currency and higher, or a deliberate mismatch. */
function checkReference(where: string, price: Money, ref: ReferencePrice | undefined, mismatches: string[]): void {
  if (!ref) return;
  expect(Number.isInteger(ref.amount.amount), `${where}: integer reference`).to.equal(true);
  if (ref.amount.currency !== price.currency) {
    mismatches.push(where);
    return;
  }
  expect(ref.amount.amount, `${where}: reference above price`).to.be.greaterThan(price.amount);
}

/** A scripted event as the adapter would emit it, for the validator. */
function stamp(e: ScriptedEvent, seq: number): unknown {
  const base = { id: `e${seq}`, seq, at: new Date(NOW + e.at).toISOString() };
  if (e.event.type === 'product-highlighted') return { ...base, streamTime: base.at, ...e.event };
  if (e.event.type === 'chat-message') {
    const message = { id: `m${seq}`, kind: 'message', pinned: false, deleted: false, sentAt: base.at, ...e.event.message };
    return { ...base, type: 'chat-message', message };
  }
  return { ...base, ...e.event };
}

describe('demo shows', () => {
  it('are three: two live shows and one scheduled, each in its locale and currency', () => {
    expect(shows.map((s) => s.show.id)).to.deep.equal(['misty-peak-tour', 'wuyi-tea-coop', 'harbor-denim-ss27']);
    expect(Object.values(DEMO_SHOW_IDS)).to.have.members(shows.map((s) => s.show.id));
    const summary = shows.map(({ show }) => [show.status, show.locale, show.currency, show.disclosure.kind]);
    expect(summary).to.deep.equal([
      ['live', 'en', 'USD', 'own-goods'],
      ['live', 'zh-CN', 'CNY', 'affiliate'],
      ['scheduled', 'en', 'EUR', 'sponsored'],
    ]);
  });

  it('are scheduled around `now`: live ones started about ten minutes ago, the brand show starts in about two hours', () => {
    for (const { show } of liveShows) {
      const started = Date.parse(show.startedAt ?? '');
      expect(NOW - started, show.id).to.be.within(5 * MINUTE, 15 * MINUTE);
      expect(Date.parse(show.scheduledStart), show.id).to.be.at.most(started);
      expect(show.stream.live, show.id).to.be.a('string');
    }
    const start = Date.parse(harbor.show.scheduledStart);
    expect(start - NOW).to.be.within(90 * MINUTE, 150 * MINUTE);
    expect(harbor.show.startedAt).to.equal(undefined);
    // A later `now` moves everything with it.
    const later = createDemoShows({ now: NOW + 3 * 86_400_000 });
    expect(Date.parse(later[2]!.show.scheduledStart) - start).to.equal(3 * 86_400_000);
  });

  it('are deterministic for a given `now` and put every image under `assetBase`', () => {
    expect(createDemoShows({ assetBase: BASE, now: NOW })).to.deep.equal(shows);
    const other = createDemoShows({ assetBase: 'https://cdn.example/lp/', now: NOW });
    for (const fixture of other) {
      for (const img of images(fixture)) expect(img.url).to.match(/^https:\/\/cdn\.example\/lp\/[a-z0-9-]+\.svg$/);
    }
    const defaults = createDemoShows({ now: NOW });
    expect(defaults[0]!.show.stream.poster?.url).to.equal('/media/images/misty-peak-poster.svg');
    expect(defaults[0]!.show.stream.live).to.equal('/live/stream.m3u8');
  });

  it('pass the validator the controller applies to backend data', () => {
    for (const fixture of shows) {
      parseShow({ ...fixture.show, seq: 0 });
      const { errors, products } = parseProducts(fixture.products);
      expect(errors.map((e) => `${e.path}: ${e.message}`), fixture.show.id).to.deep.equal([]);
      expect(products.length).to.equal(fixture.products.length);
      for (const m of fixture.chat ?? []) parseChatMessage(m);
      (fixture.timeline ?? []).forEach((e, i) => parseShowEvent(stamp(e, i + 1), `${fixture.show.id}.timeline[${i}]`));
    }
  });

  it('have variants that reference existing axes and values, with unique ids and combinations', () => {
    for (const fixture of shows) {
      const ids = new Set<string>();
      for (const p of fixture.products) {
        expect(ids.has(p.id), `duplicate product ${p.id}`).to.equal(false);
        ids.add(p.id);
        expect(p.images.length, `${p.id} has an image`).to.be.greaterThan(0);
        const axes = p.options.map((a) => a.id);
        expect(new Set(axes).size).to.equal(axes.length);
        for (const axis of p.options) {
          const values = axis.values.map((v) => v.id);
          expect(new Set(values).size, `${p.id}.${axis.id} values unique`).to.equal(values.length);
        }
        if (p.options.length === 0) expect(p.variants, p.id).to.deep.equal([]);
        const variantIds = new Set<string>();
        const combos = new Set<string>();
        for (const v of p.variants) {
          expect(variantIds.has(v.id), `duplicate variant ${p.id}/${v.id}`).to.equal(false);
          variantIds.add(v.id);
          expect(Object.keys(v.options).sort(), `${p.id}/${v.id} axes`).to.deep.equal([...axes].sort());
          for (const [axis, value] of Object.entries(v.options)) {
            const values = p.options.find((a) => a.id === axis)?.values.map((x) => x.id) ?? [];
            expect(values, `${p.id}/${v.id}: ${axis}=${value}`).to.include(value);
          }
          const combo = axes.map((a) => v.options[a]).join('|');
          expect(combos.has(combo), `${p.id}: combination ${combo} listed twice`).to.equal(false);
          combos.add(combo);
          if (v.availability === 'sold-out' && v.stock !== undefined) expect(v.stock).to.equal(0);
          if (v.stock === 0) expect(v.availability).to.equal('sold-out');
        }
      }
    }
  });

  it('price everything in integer minor units of the show currency, "from" the lowest variant on sale', () => {
    for (const fixture of shows) {
      for (const item of priced(fixture)) {
        expect(Number.isInteger(item.price.amount) && item.price.amount > 0, item.where).to.equal(true);
        expect(item.price.currency, item.where).to.equal(fixture.show.currency);
      }
      for (const p of fixture.products.filter((x) => x.variants.length > 0)) {
        const open = p.variants.filter((v) => v.availability !== 'sold-out');
        expect(p.price.amount, p.id).to.equal(Math.min(...open.map((v) => v.price.amount)));
        expect(p.availability, p.id).to.equal(open.some((v) => v.availability === 'in-stock') ? 'in-stock' : 'preorder');
      }
    }
  });

  it('show a reference price only when it is higher and in the same currency, except the one deliberate mismatch', () => {
    const mismatches: string[] = [];
    for (const fixture of shows) {
      for (const item of priced(fixture)) checkReference(item.where, item.price, item.referencePrice, mismatches);
      // Through the timeline too: after every update, every reference still holds.
      let state = fixture.products;
      updates(fixture).forEach((e, i) => {
        state = applyProductUpdate(state, asUpdate(e, i + 1));
        for (const item of priced(fixture, state)) checkReference(`${item.where}@${e.at}`, item.price, item.referencePrice, []);
      });
    }
    expect(mismatches).to.deep.equal(CURRENCY_MISMATCH_ON_PURPOSE);
  });

  it('give the scenic spot dated tickets and a date × room trip with missing combinations', () => {
    const ticket = product(misty, 'day-ticket');
    const dates = ticket.options.find((a) => a.id === 'date')?.values ?? [];
    expect(dates.length).to.be.within(5, 7);
    const today = new Date(NOW).toISOString().slice(0, 10);
    for (const d of dates) expect(d.id > today, d.id).to.equal(true);
    expect(ticket.variants.filter((v) => v.availability === 'sold-out').length).to.be.at.least(1);
    const trip = product(misty, 'two-day-trip');
    expect(trip.options.map((a) => a.id)).to.deep.equal(['date', 'room']);
    const possible = trip.options.reduce((n, a) => n * a.values.length, 1);
    expect(trip.variants.length).to.be.lessThan(possible);
    expect(misty.products.some((p) => p.attributes.some((a) => a.name === 'meeting-point'))).to.equal(true);
    expect(misty.products.some((p) => p.attributes.some((a) => a.name === 'duration'))).to.equal(true);
    expect(misty.show.seller.licenceNumber).to.be.a('string');
    expect(misty.show.seller.verified).to.equal(true);
  });

  it('give the co-op Chinese content, every kind of reference price, and a nearly sold-out item', () => {
    const cjk = /[\u4e00-\u9fff]/;
    expect(wuyi.show.title).to.match(cjk);
    for (const p of wuyi.products) {
      expect(p.title, p.id).to.match(cjk);
      expect(p.description ?? '', p.id).to.match(cjk);
      for (const img of p.images) expect(img.alt, p.id).to.match(cjk);
      expect(p.attributes.some((a) => a.name === 'origin'), `${p.id} origin`).to.equal(true);
    }
    const refs = priced(wuyi).map((i) => i.referencePrice?.kind);
    expect(refs).to.include('lowest-30-days');
    expect(refs).to.include('list-price');
    const withoutAny = wuyi.products.filter((p) => !p.referencePrice && p.variants.every((v) => !v.referencePrice));
    expect(withoutAny.length).to.be.at.least(1);
    const stocks = wuyi.products.flatMap((p) => [p.stock, ...p.variants.map((v) => v.stock)]);
    expect(stocks).to.include(3);
    const tea = product(wuyi, 'lapsang-souchong');
    expect(tea.options[0]?.values.map((v) => v.id)).to.deep.equal(['100g', '250g', '500g']);
    // Certifications are either held or honestly marked as pending.
    const pending = wuyi.products.flatMap((p) => p.attributes).filter((a) => a.name === 'certification' && a.value.includes('申请中'));
    expect(pending.length).to.be.at.least(1);
    if (wuyi.show.disclosure.kind !== 'affiliate') throw new Error('expected an affiliate show');
    expect(wuyi.show.disclosure.party).to.equal(wuyi.show.seller.legalName);
  });

  it('give the brand size × colour apparel with sold-out and missing combinations', () => {
    for (const p of harbor.products) {
      expect(p.options.map((a) => a.id), p.id).to.deep.equal(['size', 'colour']);
      const possible = p.options.reduce((n, a) => n * a.values.length, 1);
      expect(p.variants.length, `${p.id}: some combinations absent`).to.be.lessThan(possible);
      expect(p.variants.some((v) => v.availability === 'sold-out'), `${p.id}: something sold out`).to.equal(true);
    }
    expect(product(harbor, 'tidewater-jacket').options[0]?.values.map((v) => v.label)).to.deep.equal(['XS', 'S', 'M', 'L', 'XL']);
    expect(harbor.show.disclosure).to.deep.equal({ kind: 'sponsored', party: 'Ravelin Mills' });
  });

  it('script timelines that are sorted, within the loop, and reference what exists', () => {
    for (const fixture of shows) {
      const timeline = fixture.timeline ?? [];
      const ats = timeline.map((e) => e.at);
      expect(ats, fixture.show.id).to.deep.equal([...ats].sort((a, b) => a - b));
      if (timeline.length > 0) {
        expect(fixture.loopEvery, fixture.show.id).to.be.within(120_000, 180_000);
        for (const at of ats) expect(at).to.be.within(0, (fixture.loopEvery ?? 0) - 1);
      }
      const productIds = fixture.products.map((p) => p.id);
      for (const mark of fixture.show.highlights ?? []) if (mark.productId !== null) expect(productIds).to.include(mark.productId);
      const history = (fixture.chat ?? []).map((m) => m.id);
      expect(new Set(history).size).to.equal(history.length);
      for (const { event } of timeline) {
        if (event.type === 'product-highlighted') {
          if (event.productId !== null) expect(productIds).to.include(event.productId);
          expect(event.streamTime, 'the adapter stamps stream time').to.equal(undefined);
        }
        if (event.type === 'product-updated') {
          const p = product(fixture, event.productId);
          if (event.variantId !== undefined) expect(p.variants.map((v) => v.id)).to.include(event.variantId);
        }
        // The timeline loops: what it pins or deletes is said once, in the history, with a stable id.
        if (event.type === 'message-pinned' || event.type === 'message-deleted') expect(history).to.include(event.messageId);
        if (event.type === 'chat-message') expect(event.message.id, 'scripted messages get fresh ids').to.equal(undefined);
        if (event.type === 'reaction') expect(REACTIONS as readonly string[]).to.include(event.reaction);
      }
    }
  });

  it('play everything a live show does: highlights, a price drop, stock running out and back, chat roles, moderation', () => {
    for (const fixture of liveShows) {
      const events = (fixture.timeline ?? []).map((e) => e.event);
      const types = new Set(events.map((e) => e.type));
      for (const t of ['product-highlighted', 'product-updated', 'chat-message', 'viewer-count', 'reaction', 'message-pinned', 'message-deleted'] as const) {
        expect(types.has(t), `${fixture.show.id}: ${t}`).to.equal(true);
      }
      const roles = new Set(events.flatMap((e) => (e.type === 'chat-message' ? [e.message.author.role] : [])));
      expect([...roles], fixture.show.id).to.include.members(['viewer', 'host', 'seller', 'moderator']);
      const ups = events.filter((e): e is Extract<typeof e, { type: 'product-updated' }> => e.type === 'product-updated');
      expect(ups.some((e) => e.price !== undefined && e.referencePrice?.kind === 'lowest-30-days'), 'price drop').to.equal(true);
      expect(ups.some((e) => e.stock === 0 && e.availability === 'sold-out'), 'sells out').to.equal(true);
      expect(ups.some((e) => (e.stock ?? 0) > 0 && e.availability === 'in-stock'), 'restocked').to.equal(true);
      expect(events.some((e) => e.type === 'chat-message' && /[😀-🙏🌀-🫶☀-➿]/u.test(e.message.text)), 'a few emoji').to.equal(true);
      expect((fixture.chat ?? []).length).to.be.at.least(3);
    }
  });

  it('loop back to where they started: stock and prices reset each time round', () => {
    for (const fixture of liveShows) {
      const timeline = updates(fixture);
      const reset = timeline.filter((e) => e.at === 0);
      const once = applyAll(fixture.products, timeline);
      expect(applyAll(once, timeline), `${fixture.show.id}: stable across loops`).to.deep.equal(once);
      expect(applyAll(once, reset), `${fixture.show.id}: a new loop starts from the snapshot`).to.deep.equal(fixture.products);
      expect(applyAll(fixture.products, reset)).to.deep.equal(fixture.products);
    }
  });

  it('play through the in-memory adapter loop after loop, with valid events and stable moderation', async () => {
    for (const fixture of liveShows) {
      const id = fixture.show.id;
      const loop = fixture.loopEvery ?? 0;
      const scheduler = new ManualScheduler(NOW);
      const adapter = createMemoryAdapter({ shows: createDemoShows({ assetBase: BASE, now: NOW }), scheduler });
      const received: ShowEvent[] = [];
      const signal = new AbortController().signal;
      await adapter.subscribe(id, { signal, since: 0, onEvent: (e) => received.push(e), onError: (e) => expect.fail(String(e)) });
      // Two whole loops, then just past the start of the third (its resets have played).
      await settle(scheduler, 2 * loop + 1000);
      expect(received.length, id).to.equal(2 * (fixture.timeline ?? []).length + (fixture.timeline ?? []).filter((e) => e.at === 0).length);
      received.forEach((e, i) => parseShowEvent(e, `${id}.received[${i}]`));
      const messageIds = received.flatMap((e) => (e.type === 'chat-message' ? [e.message.id] : []));
      expect(new Set(messageIds).size, `${id}: every message has its own id`).to.equal(messageIds.length);
      const products = adapter.loadProducts(id, { signal });
      await settle(scheduler);
      expect(await products, `${id}: a new loop starts from the snapshot`).to.deep.equal(fixture.products);
      const history = adapter.loadChatHistory!(id, { limit: 500 }, { signal });
      await settle(scheduler);
      const messages = (await history).messages;
      const pinned = messages.filter((m) => m.pinned).map((m) => m.id);
      const pinEvent = fixture.timeline?.find((e) => e.event.type === 'message-pinned')?.event;
      const deleteEvent = fixture.timeline?.find((e) => e.event.type === 'message-deleted')?.event;
      expect(pinned).to.deep.equal(pinEvent?.type === 'message-pinned' ? [pinEvent.messageId] : []);
      if (deleteEvent?.type !== 'message-deleted') throw new Error(`${id}: no deletion`);
      expect(fixture.chat?.map((m) => m.id), `${id}: the spam is there at first`).to.include(deleteEvent.messageId);
      expect(messages.map((m) => m.id), `${id}: and gone from the history after`).not.to.include(deleteEvent.messageId);
      adapter.stop();
    }
  });

  it('make no urgency or superlative claims', () => {
    const texts = shows.flatMap((f) => [
      f.show.title,
      f.show.description ?? '',
      ...f.products.flatMap((p) => [p.title, p.description ?? '', ...p.attributes.map((a) => a.value)]),
      ...(f.chat ?? []).map((m) => m.text),
      ...(f.timeline ?? []).flatMap((e) => (e.event.type === 'chat-message' ? [e.event.message.text] : [])),
    ]);
    const banned = /today only|only today|last chance|hurry|best ever|guaranteed|miracle|!!|限时|仅限今天|最后一天|抢购|史上最低|全网最低|最便宜/i;
    for (const t of texts) expect(t).not.to.match(banned);
  });
});

describe('demo images', () => {
  const refs = shows.flatMap(images);
  const files = [...new Set(refs.map((r) => r.url.slice(BASE.length)))].sort();

  it('are exactly the listed files, each with alt text in the show language', () => {
    expect(files).to.deep.equal([...DEMO_IMAGE_FILES].sort());
    for (const fixture of shows) {
      for (const img of images(fixture)) {
        expect(img.alt.trim(), img.url).not.to.equal('');
        if (fixture.show.locale === 'zh-CN') expect(img.alt, img.url).to.match(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('exist, are small, safe SVGs whose size matches the data', async () => {
    let total = 0;
    const parser = new DOMParser();
    for (const file of files) {
      const response = await fetch(BASE + file);
      expect(response.ok, file).to.equal(true);
      const bytes = (await response.arrayBuffer()).byteLength;
      expect(bytes, `${file} ≤ 60 KB`).to.be.at.most(60 * 1024);
      total += bytes;
      const text = await (await fetch(BASE + file)).text();
      const doc = parser.parseFromString(text, 'image/svg+xml');
      expect(doc.querySelector('parsererror'), `${file} parses`).to.equal(null);
      const root = doc.documentElement;
      expect(root.localName).to.equal('svg');
      const ref = refs.find((r) => r.url === BASE + file)!;
      expect([root.getAttribute('width'), root.getAttribute('height')], file).to.deep.equal([String(ref.width), String(ref.height)]);
      expect(root.getAttribute('viewBox'), file).to.equal(`0 0 ${ref.width} ${ref.height}`);
      for (const el of Array.from(doc.querySelectorAll('*'))) {
        expect(['script', 'foreignObject', 'image', 'use', 'text', 'style', 'a', 'iframe']).not.to.include(el.localName);
        for (const attr of Array.from(el.attributes)) {
          expect(attr.name, `${file}: ${el.localName}[${attr.name}]`).not.to.match(/^on|href$/i);
          if (attr.value.includes('url(')) expect(attr.value, file).to.match(/^url\(#[\w-]+\)$/);
        }
      }
    }
    expect(total, 'all images ≤ 300 KB').to.be.at.most(300 * 1024);
  });

  it('render in the browser at their declared size', async () => {
    for (const ref of refs.filter((r, i) => refs.findIndex((x) => x.url === r.url) === i)) {
      const img = new Image();
      img.src = ref.url;
      await img.decode();
      expect([img.naturalWidth, img.naturalHeight], ref.url).to.deep.equal([ref.width, ref.height]);
    }
  });
});
