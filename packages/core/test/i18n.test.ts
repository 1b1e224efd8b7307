import { expect } from '@esm-bundle/chai';
import { ERROR_CODES, LivePlusError } from '../src/errors.js';
import { catalogLocales, messageArguments, registerCatalog, resolveLocale, translate, translateError, type MessageKey } from '../src/i18n.js';
import { en } from '../src/messages/en.js';
import { zhCN } from '../src/messages/zh-CN.js';
import { REACTIONS } from '../src/types.js';

const CATALOGS: Record<string, Record<string, string>> = { en, 'zh-CN': zhCN };
const KEYS = Object.keys(en) as MessageKey[];

/** Plural and select branches of a message, as `name:branch` strings, e.g. `count:one`. */
function branches(message: string): string[] {
  const found: string[] = [];
  for (const m of message.matchAll(/\{\s*([\w-]+)\s*,\s*(?:plural|select)\s*,/g)) found.push(m[1]!);
  return found;
}

describe('i18n: catalogs', () => {
  it('ships en and zh-CN', () => {
    expect(catalogLocales()).to.include.members(['en', 'zh-CN']);
  });

  for (const [locale, catalog] of Object.entries(CATALOGS)) {
    it(`${locale}: has every key, non-empty, and no extra key`, () => {
      const missing = KEYS.filter((key) => typeof catalog[key] !== 'string' || catalog[key]!.trim() === '');
      expect(missing).to.deep.equal([]);
      expect(Object.keys(catalog).sort()).to.deep.equal([...KEYS].sort());
    });

    it(`${locale}: every message parses and uses the same arguments as en`, () => {
      const mismatched = KEYS.filter((key) => {
        const expected = messageArguments(en[key]).sort().join(',');
        return messageArguments(catalog[key]!).sort().join(',') !== expected;
      }).map((key) => `${key}: ${JSON.stringify(catalog[key])} vs ${JSON.stringify(en[key])}`);
      expect(mismatched).to.deep.equal([]);
    });
  }

  it('zh-CN is translated: every message with English words has Chinese text', () => {
    const untranslated = KEYS.filter((key) => {
      const words = en[key].replace(/\{[^{}]*\}/g, '').match(/[A-Za-z]{2,}/g);
      return words !== null && !/[\u4e00-\u9fff]/.test(zhCN[key]);
    });
    expect(untranslated).to.deep.equal([]);
  });

  it('zh-CN uses full-width punctuation between Chinese characters', () => {
    const halfWidth = KEYS.filter((key) => /[\u4e00-\u9fff][,:;!?][\u4e00-\u9fff{]?/.test(zhCN[key]));
    expect(halfWidth).to.deep.equal([]);
  });

  it('has a message for every error code, status, availability, reference price, disclosure, role and reaction', () => {
    const needed = [
      ...ERROR_CODES.map((c) => `error.${c}`),
      ...['scheduled', 'live', 'ended'].map((s) => `show.status.${s}`),
      ...['in-stock', 'sold-out', 'preorder'].map((a) => `availability.${a}`),
      'price.reference.lowest-30-days',
      'price.reference.list-price',
      ...['own-goods', 'sponsored', 'affiliate'].map((k) => `disclosure.${k}`),
      ...['host', 'moderator', 'seller', 'viewer'].map((r) => `chat.role.${r}`),
      ...REACTIONS.map((r) => `reaction.${r}`),
      ...['origin', 'certification', 'material', 'weight', 'duration', 'meeting-point'].map((a) => `attribute.${a}`),
    ];
    expect(needed.filter((key) => !(key in en))).to.deep.equal([]);
  });

  it('uses plural forms in English where a count is shown in words', () => {
    for (const key of ['chat.newMessages', 'cart.items', 'chat.charactersLeft', 'error.rate-limited', 'chat.slowDown'] as const) {
      expect(branches(en[key]), key).to.have.length(1);
    }
  });

  it('labels sponsored and affiliate shows as advertising in both languages', () => {
    for (const key of ['disclosure.sponsored', 'disclosure.affiliate'] as const) {
      expect(en[key]).to.match(/^Ad\b/);
      expect(zhCN[key]).to.match(/^广告/);
    }
  });
});

describe('i18n: translate', () => {
  it('fills arguments and picks plural forms', () => {
    expect(translate('en', 'chat.newMessages', { count: 1 })).to.equal('1 new message');
    expect(translate('en', 'chat.newMessages', { count: 3 })).to.equal('3 new messages');
    expect(translate('en', 'chat.newMessages', { count: 1234 })).to.equal('1,234 new messages');
    expect(translate('zh-CN', 'chat.newMessages', { count: 3 })).to.equal('3条新消息');
    expect(translate('en', 'cart.open', { count: 0 })).to.equal('Cart, empty');
    expect(translate('en', 'cart.open', { count: 1 })).to.equal('Cart, 1 item');
    expect(translate('zh-CN', 'cart.open', { count: 0 })).to.equal('购物车，暂无商品');
    expect(translate('zh-CN', 'cart.open', { count: 2 })).to.equal('购物车，2件商品');
    expect(translate('en', 'price.referenceLabel', { kind: en['price.reference.list-price'], price: '$19.99' })).to.equal('List price: $19.99');
    expect(translate('zh-CN', 'availability.low-stock', { count: 3 })).to.equal('仅剩3件');
    expect(translate('zh-CN', 'price.from', { price: '¥19.99' })).to.equal('¥19.99起');
  });

  it('inserts pre-formatted strings as they are', () => {
    expect(translate('en', 'show.viewers', { count: '12.3K' })).to.equal('12.3K watching');
    expect(translate('zh-CN', 'show.viewers', { count: '1.2万' })).to.equal('1.2万人在看');
    expect(translate('zh-CN', 'show.startsIn', { time: '2小时5分钟' })).to.equal('2小时5分钟后开播');
  });

  it('formats numbers for the requested locale, not the catalog’s', () => {
    expect(translate('en-IN', 'show.viewers', { count: 1234567 })).to.equal('12,34,567 watching');
    expect(translate('de', 'show.viewers', { count: 1234 })).to.equal('1.234 watching');
  });

  it('leaves a missing argument visible instead of printing "undefined"', () => {
    const params = {} as { count: number };
    expect(translate('en', 'show.viewers', params)).to.equal('{count} watching');
  });

  it('never treats arguments as message syntax', () => {
    expect(translate('en', 'seller.soldBy', { name: '{count} & <b>#1</b>' })).to.equal('Sold by {count} & <b>#1</b>');
  });

  it('falls back to English for a locale without a catalog', () => {
    expect(translate('fr-FR', 'cart.add')).to.equal('Add to cart');
    expect(translate('', 'cart.add')).to.equal('Add to cart');
  });

  it('translates errors, with the wait of a rate limit', () => {
    const limited = new LivePlusError('rate-limited', 'slow down', { retryAfter: 30 });
    expect(translateError('en', limited)).to.equal("You're going too fast. Try again in 30 seconds.");
    expect(translateError('en', new LivePlusError('rate-limited', 'x', { retryAfter: 0.4 }))).to.equal("You're going too fast. Try again in 1 second.");
    expect(translateError('zh-CN', limited)).to.equal('操作太频繁，请30秒后再试。');
    expect(translateError('zh-CN', new LivePlusError('rate-limited', 'x'))).to.equal('操作太频繁，请稍后再试。');
    expect(translateError('zh-CN', new LivePlusError('network', 'x'))).to.equal('网络连接失败，请检查网络后重试。');
    expect(translateError('en', new TypeError('x is undefined'))).to.equal(en['error.unknown']);
    expect(translateError('en', Object.assign(new Error('stop'), { name: 'AbortError' }))).to.equal('Cancelled.');
    for (const code of ERROR_CODES) expect(translateError('zh-CN', new LivePlusError(code, 'x', { retryAfter: 5 }))).to.match(/[\u4e00-\u9fff]/);
  });
});

describe('i18n: resolveLocale', () => {
  const cases: [string | readonly string[], string][] = [
    ['zh-CN', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['zh-SG', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-HK', 'zh-CN'],
    ['zh-Hant', 'zh-CN'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['fr', 'en'],
    ['not a tag!', 'en'],
    [[], 'en'],
    [['fr-FR', 'zh-TW', 'en'], 'zh-CN'],
    [['en-US', 'zh-CN'], 'en'],
    [['!!', 'zh'], 'zh-CN'],
  ];
  for (const [requested, expected] of cases) {
    it(`${JSON.stringify(requested)} → ${expected}`, () => expect(resolveLocale(requested)).to.equal(expected));
  }
});

describe('i18n: registerCatalog', () => {
  it('adds a language; keys it leaves out fall back to English', () => {
    registerCatalog('fr', { 'cart.add': 'Ajouter au panier', 'chat.newMessages': '{count, plural, one {# nouveau message} other {# nouveaux messages}}' });
    expect(resolveLocale('fr-CA')).to.equal('fr');
    expect(translate('fr-CA', 'cart.add')).to.equal('Ajouter au panier');
    expect(translate('fr', 'chat.newMessages', { count: 1 })).to.equal('1 nouveau message');
    expect(translate('fr', 'chat.newMessages', { count: 0 })).to.equal('0 nouveau message'); // French: 0 is "one"
    expect(translate('fr', 'chat.newMessages', { count: 1500 })).to.match(/^1\s?500 nouveaux messages$/);
    expect(translate('fr', 'cart.checkout')).to.equal('Check out');
  });

  it('a Traditional Chinese catalog takes zh-TW, zh-HK and zh-Hant; zh and zh-SG stay zh-CN', () => {
    registerCatalog('zh-TW', { 'cart.add': '加入購物車' });
    expect(['zh-TW', 'zh-HK', 'zh-Hant', 'zh-MO'].map((tag) => resolveLocale(tag))).to.deep.equal(['zh-TW', 'zh-TW', 'zh-TW', 'zh-TW']);
    expect(['zh', 'zh-Hans', 'zh-SG', 'zh-CN'].map((tag) => resolveLocale(tag))).to.deep.equal(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
    expect(translate('zh-HK', 'cart.add')).to.equal('加入購物車');
  });

  it('overrides single strings of a built-in catalog', () => {
    const original = en['cart.add'];
    registerCatalog('en', { 'cart.add': 'Book now' });
    try {
      expect(translate('en-GB', 'cart.add')).to.equal('Book now');
      expect(translate('en', 'cart.checkout')).to.equal('Check out');
    } finally {
      registerCatalog('en', { 'cart.add': original });
    }
    expect(translate('en', 'cart.add')).to.equal('Add to cart');
  });

  it('supports select in host messages', () => {
    registerCatalog('eo', { 'chat.you': '{role, select, host {Vi (gastiganto)} other {Vi}}' });
    expect(translate('eo', 'chat.you', { role: 'host' })).to.equal('Vi (gastiganto)');
    expect(translate('eo', 'chat.you', { role: 'viewer' })).to.equal('Vi');
  });

  it('refuses a malformed locale or message with invalid-input', () => {
    const codeOf = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return [(error as LivePlusError).code, (error as LivePlusError).path];
      }
      return null;
    };
    expect(codeOf(() => registerCatalog('not a tag!', {}))).to.deep.equal(['invalid-input', undefined]);
    expect(codeOf(() => registerCatalog('de', { 'cart.items': '{count, plural, one {# Artikel}' }))).to.deep.equal(['invalid-input', 'cart.items']);
    expect(codeOf(() => registerCatalog('de', { 'cart.title': 'Warenkorb }' }))).to.deep.equal(['invalid-input', 'cart.title']);
    expect(codeOf(() => registerCatalog('de', { 'cart.title': 5 as unknown as string }))).to.deep.equal(['invalid-input', 'cart.title']);
    expect(resolveLocale('de')).to.equal('en');
  });
});
