/**
 * Demo show 2 — a family farm co-op in the Wuyi mountains, presented in Chinese by a host from the
 * county's rural e-commerce programme who earns a commission from the co-op (an affiliate show).
 * Every name and number here is invented; the credit code's check character is deliberately wrong
 * so it can never be a real organisation's code.
 */
import type { ChatAuthor, Product } from '../types.js';
import type { ScriptedEvent, ShowFixture } from '../fixtures.js';
import { iso, MINUTE, money, pastMessage, type DemoContext } from './util.js';

export const WUYI_TEA_ID = 'wuyi-tea-coop';

const CURRENCY = 'CNY';
const cny = (fen: number) => money(fen, CURRENCY);
const COOP = '武夷山市青岚溪茶叶专业合作社';

const host: ChatAuthor = { id: 'wy-host-xiaoyu', name: '林晓雨', role: 'host' };
const farmer: ChatAuthor = { id: 'wy-seller-wu', name: '合作社 吴师傅', role: 'seller' };
const mod: ChatAuthor = { id: 'wy-mod-chen', name: '场控 小陈', role: 'moderator' };
const viewer = (id: string, name: string): ChatAuthor => ({ id: `wy-${id}`, name, role: 'viewer' });
const hz = viewer('hangzhou', '杭州的阿杰');
const tea = viewer('chayou', '爱喝茶的老周');
const mimi = viewer('mimi', '米米');
const bj = viewer('beijing', '北京小王');
const grace = viewer('grace', 'Grace 在深圳');
const spammer = viewer('spam', '优惠券小助手');
const SHIPPING_MESSAGE = 'wy-shipping-note';
const SPAM_MESSAGE = 'wy-spam';

export function wuyiTeaShow(ctx: DemoContext): ShowFixture {
  const { now } = ctx;
  const startedAt = now - 9 * MINUTE;

  const products: Product[] = [
    {
      id: 'lapsang-souchong',
      title: '正山小种红茶 · 春茶 · 传统松烟工艺',
      description:
        '合作社社员家庭在桐木村高山茶园采摘的一芽二三叶，按传统松烟熏焙制作，汤色红亮，带桂圆香和松烟香。铁罐密封装。',
      images: [ctx.image('wuyi-lapsang-tin.svg', '深红色茶叶罐旁散落着条索紧结的红茶和两片新鲜茶叶', 800, 800)],
      price: cny(8800),
      availability: 'in-stock',
      options: [
        {
          id: 'weight',
          label: '规格',
          values: [
            { id: '100g', label: '100克（1罐）' },
            { id: '250g', label: '250克（1罐）' },
            { id: '500g', label: '500克（2罐）' },
          ],
        },
      ],
      variants: [
        {
          id: 'lapsang-100g',
          options: { weight: '100g' },
          price: cny(8800),
          // The co-op's published price list, printed on its site and at its shop in the village.
          referencePrice: { kind: 'list-price', amount: cny(9800) },
          availability: 'in-stock',
          stock: 46,
          sku: 'QLX-ZSXZ-100',
        },
        {
          id: 'lapsang-250g',
          options: { weight: '250g' },
          price: cny(19800),
          referencePrice: { kind: 'lowest-30-days', amount: cny(21800) },
          availability: 'in-stock',
          stock: 18,
          sku: 'QLX-ZSXZ-250',
        },
        {
          id: 'lapsang-500g',
          options: { weight: '500g' },
          price: cny(36800),
          availability: 'in-stock',
          stock: 3,
          sku: 'QLX-ZSXZ-500',
        },
      ],
      url: 'https://qinglanxi.example/shop/zhengshan-xiaozhong',
      attributes: [
        { name: 'origin', value: '福建省武夷山市星村镇桐木村' },
        { name: 'certification', value: '绿色食品' },
        { name: 'process', label: '工艺', value: '传统松烟熏焙，手工拣梗' },
        { name: 'shelf-life', label: '保质期', value: '密封避光常温保存 24 个月' },
      ],
    },
    {
      id: 'wildflower-honey',
      title: '高山百花蜜 500克',
      description:
        '合作社自家蜂场在茶山边放养的中华蜂所酿，蜜源为山间野花，成熟蜜封盖后摇取，未添加任何成分。天然蜂蜜遇冷结晶属正常现象。',
      images: [ctx.image('wuyi-honey-jar.svg', '装满金黄色蜂蜜的玻璃罐，旁边放着木质蜂蜜勺和野花', 800, 800)],
      price: cny(6800),
      availability: 'in-stock',
      stock: 6,
      options: [],
      variants: [],
      url: 'https://qinglanxi.example/shop/baihua-mi',
      attributes: [
        { name: 'origin', value: '福建省武夷山市 · 合作社自营蜂场' },
        { name: 'certification', value: '有机产品认证申请中，尚未获证' },
        { name: 'weight', value: '500克' },
      ],
    },
    {
      id: 'gannan-navel-oranges',
      title: '赣南脐橙 · 产地现摘',
      description:
        '由合作社代销的江西寻乌县刘家果园脐橙，下单后采摘，从果园直接发货。果径 75–85 毫米，个头略有差异属正常。',
      images: [ctx.image('wuyi-navel-oranges.svg', '一筐带着绿叶的新鲜脐橙，其中一个切开露出果肉', 800, 800)],
      price: cny(5990),
      availability: 'in-stock',
      options: [
        {
          id: 'weight',
          label: '规格',
          values: [
            { id: '5kg', label: '5公斤装' },
            { id: '10kg', label: '10公斤装' },
          ],
        },
      ],
      variants: [
        {
          id: 'oranges-5kg',
          options: { weight: '5kg' },
          price: cny(5990),
          referencePrice: { kind: 'lowest-30-days', amount: cny(6900) },
          availability: 'in-stock',
          sku: 'LJ-QC-5',
        },
        {
          id: 'oranges-10kg',
          options: { weight: '10kg' },
          price: cny(10900),
          availability: 'in-stock',
          sku: 'LJ-QC-10',
        },
      ],
      url: 'https://qinglanxi.example/shop/gannan-qicheng',
      attributes: [
        { name: 'origin', value: '江西省赣州市寻乌县（合作果园）' },
        { name: 'shipping', label: '发货', value: '下单后采摘，48 小时内从果园发出' },
        { name: 'supplier', label: '供货方', value: '寻乌县刘家果园，由合作社代销' },
      ],
    },
  ];

  const chat = [
    pastMessage('wy-h1', grace, '来了来了 🍵', now - 8 * MINUTE),
    pastMessage('wy-h2', host, '欢迎大家！我是县里乡村电商项目的主播晓雨，今天在桐木村吴师傅家的茶厂。', now - 7 * MINUTE),
    pastMessage('wy-h3', host, '说明一下：我帮合作社卖货，合作社按销售额付我佣金；买到的东西都由合作社发货和售后。', now - 6 * MINUTE),
    pastMessage('wy-h4', tea, '去年买过吴师傅家的小种，回购 👍', now - 4 * MINUTE),
    pastMessage(
      SHIPPING_MESSAGE,
      host,
      '发货说明：茶叶和蜂蜜从武夷山发顺丰；脐橙由寻乌果园下单后采摘直发，一般 48 小时内发出。',
      now - 3 * MINUTE,
    ),
    pastMessage(SPAM_MESSAGE, spammer, '加V领大额优惠券 ➕ vx：qq8888xx', now - MINUTE),
  ];

  // The timeline loops and the in-memory adapter appends every scripted message again, so the
  // messages it pins and deletes are said once, in the history, and keep stable ids.

  const timeline: ScriptedEvent[] = [
    // Loop reset: the 10 kg box goes back to its normal price without a comparison.
    {
      at: 0,
      event: { type: 'product-updated', productId: 'gannan-navel-oranges', variantId: 'oranges-10kg', price: cny(10900), referencePrice: null },
    },
    { at: 2_000, event: { type: 'product-highlighted', productId: 'lapsang-souchong' } },
    { at: 5_000, event: { type: 'chat-message', message: { author: hz, text: '晓雨早上好！从杭州来围观 👋' } } },
    { at: 9_000, event: { type: 'viewer-count', count: 862 } },
    { at: 10_000, event: { type: 'message-deleted', messageId: SPAM_MESSAGE } },
    {
      at: 11_000,
      event: {
        type: 'chat-message',
        message: { author: mod, text: '提醒大家：价格以商品页面为准，请在直播间下单，不要添加陌生人的联系方式。' },
      },
    },
    {
      at: 13_000,
      event: {
        type: 'chat-message',
        message: { author: host, text: '吴师傅家正在用松木熏焙，大家看这个烟，先给大家介绍正山小种。' },
      },
    },
    { at: 19_000, event: { type: 'chat-message', message: { author: mimi, text: '正山小种和金骏眉有什么区别呀？' } } },
    {
      at: 25_000,
      event: {
        type: 'chat-message',
        message: {
          author: farmer,
          text: '金骏眉只采芽头，正山小种采一芽二三叶。我们家的是传统松烟熏的，喝起来有桂圆香。',
        },
      },
    },
    { at: 30_000, event: { type: 'reaction', reaction: 'heart', count: 36 } },
    { at: 36_000, event: { type: 'message-pinned', messageId: SHIPPING_MESSAGE, pinned: true } },
    { at: 38_000, event: { type: 'chat-message', message: { author: host, text: '发货说明我置顶了，大家下单前可以先看看。' } } },
    { at: 42_000, event: { type: 'chat-message', message: { author: tea, text: '500克的还有吗？' } } },
    {
      at: 46_000,
      event: {
        type: 'chat-message',
        message: { author: host, text: '500克还有 3 份，页面上的库存就是仓库里的实际数量。' },
      },
    },
    { at: 52_000, event: { type: 'product-highlighted', productId: 'wildflower-honey' } },
    {
      at: 55_000,
      event: {
        type: 'chat-message',
        message: { author: host, text: '这是合作社自己蜂场的百花蜜。有机认证还在申请中，没拿到证之前我们不标“有机”。' },
      },
    },
    { at: 60_000, event: { type: 'product-updated', productId: 'wildflower-honey', stock: 4 } },
    { at: 64_000, event: { type: 'chat-message', message: { author: grace, text: '蜂蜜会结晶吗？' } } },
    {
      at: 69_000,
      event: {
        type: 'chat-message',
        message: { author: farmer, text: '会的，天然蜂蜜天冷结晶很正常，用不超过 40℃ 的温水隔水化开就好。' },
      },
    },
    { at: 82_000, event: { type: 'product-updated', productId: 'wildflower-honey', stock: 2 } },
    { at: 86_000, event: { type: 'viewer-count', count: 1024 } },
    { at: 90_000, event: { type: 'product-highlighted', productId: 'gannan-navel-oranges' } },
    {
      at: 93_000,
      event: {
        type: 'product-updated',
        productId: 'gannan-navel-oranges',
        variantId: 'oranges-10kg',
        price: cny(9900),
        referencePrice: { kind: 'lowest-30-days', amount: cny(10900) },
      },
    },
    {
      at: 95_000,
      event: {
        type: 'chat-message',
        message: { author: host, text: '10公斤装调到 99 元，划线的 109 元是它近 30 天的最低价。' },
      },
    },
    { at: 100_000, event: { type: 'reaction', reaction: 'clap', count: 15 } },
    { at: 104_000, event: { type: 'chat-message', message: { author: bj, text: '橙子甜吗？寄到北京要几天？' } } },
    {
      at: 109_000,
      event: {
        type: 'chat-message',
        message: { author: farmer, text: '刘家果园这批测的糖度在 12 到 14 度之间。发北京一般 3 天左右到。' },
      },
    },
    { at: 114_000, event: { type: 'product-updated', productId: 'wildflower-honey', stock: 0, availability: 'sold-out' } },
    { at: 117_000, event: { type: 'chat-message', message: { author: mimi, text: '蜂蜜没抢到 😭' } } },
    { at: 124_000, event: { type: 'viewer-count', count: 980 } },
    { at: 130_000, event: { type: 'product-updated', productId: 'wildflower-honey', stock: 6, availability: 'in-stock' } },
    {
      at: 132_000,
      event: { type: 'chat-message', message: { author: host, text: '@米米 吴师傅从蜂场又搬来一箱，补了 6 瓶百花蜜。' } },
    },
    { at: 138_000, event: { type: 'product-highlighted', productId: null } },
    { at: 142_000, event: { type: 'reaction', reaction: 'heart', count: 50 } },
  ];

  return {
    show: {
      id: WUYI_TEA_ID,
      title: '桐木村茶山直播：正山小种、百花蜜和赣南脐橙',
      description:
        '县乡村电商项目主播林晓雨走进武夷山桐木村，和青岚溪茶叶专业合作社的吴师傅一家看松烟熏焙，介绍合作社的正山小种、自家蜂场的百花蜜，以及代销的寻乌脐橙。',
      status: 'live',
      scheduledStart: iso(startedAt - MINUTE),
      startedAt: iso(startedAt),
      locale: 'zh-CN',
      currency: CURRENCY,
      stream: {
        live: ctx.liveUrl(WUYI_TEA_ID),
        poster: ctx.image('wuyi-tea-poster.svg', '晨雾中的武夷山茶园梯田，远处是层叠的青山', 1280, 720),
      },
      seller: {
        displayName: '青岚溪茶叶合作社',
        legalName: COOP,
        licenceNumber: '统一社会信用代码 93350782MA8Q4TL7NX',
        verified: true,
        contactUrl: 'https://qinglanxi.example/contact',
      },
      presenter: {
        name: '林晓雨',
        title: '县乡村电商项目主播',
        avatar: ctx.image('avatar-xiaoyu.svg', '林晓雨的插画头像', 256, 256),
      },
      disclosure: { kind: 'affiliate', party: COOP },
      highlights: [{ productId: 'lapsang-souchong', streamTime: iso(startedAt + 2 * MINUTE) }],
    },
    products,
    chat,
    timeline,
    loopEvery: 150_000,
  };
}
