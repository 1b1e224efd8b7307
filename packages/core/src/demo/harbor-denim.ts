/**
 * Demo show 3 — a denim brand's collection preview, scheduled about two hours after `now`, paid
 * for by the mill that weaves its fabric (a sponsored show). Every name and number here is invented.
 */
import type { ChatAuthor, OptionValue, Product, Variant } from '../types.js';
import type { ShowFixture } from '../fixtures.js';
import { fromVariants, HOUR, iso, MINUTE, money, pastMessage, type DemoContext } from './util.js';

export const HARBOR_DENIM_ID = 'harbor-denim-ss27';

const CURRENCY = 'EUR';
const eur = (cents: number) => money(cents, CURRENCY);
const SPONSOR = 'Ravelin Mills';

const host: ChatAuthor = { id: 'hd-host-noor', name: 'Noor de Wit', role: 'host' };
const team: ChatAuthor = { id: 'hd-seller-team', name: 'Harbor Denim team', role: 'seller' };
const viewer = (id: string, name: string): ChatAuthor => ({ id: `hd-${id}`, name, role: 'viewer' });

const SIZES: readonly OptionValue[] = [
  { id: 'xs', label: 'XS' },
  { id: 's', label: 'S' },
  { id: 'm', label: 'M' },
  { id: 'l', label: 'L' },
  { id: 'xl', label: 'XL' },
];

interface Colour extends OptionValue {
  /** The variant image for this colour. */
  readonly file: string;
  readonly alt: string;
}

/**
 * One variant per size × colour listed in `stock`: a number is units left (0 = sold out),
 * `'preorder'` a colour still being made, and a combination left out does not exist.
 */
function apparelVariants(
  ctx: DemoContext,
  prefix: string,
  price: number,
  colours: readonly Colour[],
  stock: Readonly<Record<string, Readonly<Record<string, number | 'preorder'>>>>,
): Variant[] {
  const variants: Variant[] = [];
  for (const colour of colours) {
    for (const size of SIZES) {
      const left = stock[colour.id]?.[size.id];
      if (left === undefined) continue;
      variants.push({
        id: `${prefix}-${size.id}-${colour.id}`,
        options: { size: size.id, colour: colour.id },
        price: eur(price),
        availability: left === 'preorder' ? 'preorder' : left === 0 ? 'sold-out' : 'in-stock',
        ...(left === 'preorder' ? {} : { stock: left }),
        sku: `HD-${prefix}-${colour.id}-${size.id}`.toUpperCase(),
        image: ctx.image(colour.file, colour.alt, 800, 800),
      });
    }
  }
  return variants;
}

export function harborDenimShow(ctx: DemoContext): ShowFixture {
  const { now } = ctx;
  const start = now + 2 * HOUR;

  const jacketColours: Colour[] = [
    { id: 'indigo', label: 'Indigo rinse', file: 'harbor-jacket-indigo.svg', alt: 'Indigo denim jacket with copper buttons' },
    { id: 'black', label: 'Washed black', file: 'harbor-jacket-black.svg', alt: 'Washed black denim jacket with copper buttons' },
    { id: 'ecru', label: 'Ecru', file: 'harbor-jacket-ecru.svg', alt: 'Undyed ecru denim jacket with copper buttons' },
  ];
  const shirtColours: Colour[] = [
    { id: 'sky', label: 'Sky', file: 'harbor-shirt-sky.svg', alt: 'Light blue chambray shirt with a chest pocket' },
    { id: 'sand', label: 'Sand', file: 'harbor-shirt-sand.svg', alt: 'Sand-coloured chambray shirt with a chest pocket' },
    { id: 'sage', label: 'Sage', file: 'harbor-shirt-sage.svg', alt: 'Sage green chambray shirt with a chest pocket' },
  ];
  const jeansColours: Colour[] = [
    { id: 'rinse', label: 'Dark rinse', file: 'harbor-jeans.svg', alt: 'Dark rinse straight-leg jeans' },
    { id: 'black', label: 'Black', file: 'harbor-jeans-black.svg', alt: 'Black straight-leg jeans' },
  ];

  // No washed black in XS and no ecru in XL: those combinations are not made.
  const jacketVariants = apparelVariants(ctx, 'jacket', 14900, jacketColours, {
    indigo: { xs: 4, s: 12, m: 0, l: 9, xl: 3 },
    black: { s: 6, m: 8, l: 0, xl: 2 },
    ecru: { xs: 'preorder', s: 'preorder', m: 'preorder', l: 'preorder' },
  });
  // Sage is not made in XS.
  const shirtVariants = apparelVariants(ctx, 'shirt', 6900, shirtColours, {
    sky: { xs: 5, s: 0, m: 14, l: 11, xl: 6 },
    sand: { xs: 3, s: 9, m: 10, l: 0, xl: 4 },
    sage: { s: 7, m: 0, l: 8, xl: 2 },
  });
  // Black jeans are not made in XS or XL.
  const jeansVariants = apparelVariants(ctx, 'jeans', 9900, jeansColours, {
    rinse: { xs: 2, s: 10, m: 13, l: 7, xl: 0 },
    black: { s: 0, m: 6, l: 5 },
  });

  const products: Product[] = [
    {
      id: 'tidewater-jacket',
      title: 'Tidewater denim jacket',
      description:
        'A boxy trucker jacket in 13.5 oz organic cotton selvedge from Ravelin Mills, with copper buttons and hand-warmer pockets. Ecru is made to order and ships in about four weeks.',
      images: jacketColours.map((c) => ctx.image(c.file, c.alt, 800, 800)),
      ...fromVariants(jacketVariants, CURRENCY),
      options: [
        { id: 'size', label: 'Size', values: SIZES },
        { id: 'colour', label: 'Colour', values: jacketColours.map(({ id, label }) => ({ id, label })) },
      ],
      variants: jacketVariants,
      url: 'https://harbordenim.example/ss27/tidewater-jacket',
      attributes: [
        { name: 'material', value: '100% organic cotton, 13.5 oz selvedge denim' },
        { name: 'fit', label: 'Fit', value: 'Boxy, true to size; the model is 178 cm and wears M' },
        { name: 'care', label: 'Care', value: 'Wash cold inside out, line dry' },
      ],
    },
    {
      id: 'harbor-shirt',
      title: 'Harbor chambray shirt',
      description: 'A lightweight chambray shirt with one chest pocket and a soft collar, woven from organic cotton and linen.',
      images: shirtColours.map((c) => ctx.image(c.file, c.alt, 800, 800)),
      ...fromVariants(shirtVariants, CURRENCY),
      options: [
        { id: 'size', label: 'Size', values: SIZES },
        { id: 'colour', label: 'Colour', values: shirtColours.map(({ id, label }) => ({ id, label })) },
      ],
      variants: shirtVariants,
      url: 'https://harbordenim.example/ss27/harbor-shirt',
      attributes: [
        { name: 'material', value: '70% organic cotton, 30% linen chambray' },
        { name: 'fit', label: 'Fit', value: 'Regular' },
        { name: 'care', label: 'Care', value: 'Machine wash at 30 °C' },
      ],
    },
    {
      id: 'dockside-jeans',
      title: 'Dockside straight jeans',
      description: 'Our straight-leg jeans from last season, carried over unchanged: mid rise, button fly, 12 oz organic denim.',
      images: jeansColours.map((c) => ctx.image(c.file, c.alt, 800, 800)),
      ...fromVariants(jeansVariants, CURRENCY),
      // Deliberately a reference price in another currency: the US list price in USD while the
      // show sells in EUR. Currencies must match for a comparison, so the SDK must show no
      // struck-through price here (and never convert one). The demo test expects exactly this mismatch.
      referencePrice: { kind: 'list-price', amount: money(11900, 'USD') },
      options: [
        { id: 'size', label: 'Size', values: SIZES },
        { id: 'colour', label: 'Colour', values: jeansColours.map(({ id, label }) => ({ id, label })) },
      ],
      variants: jeansVariants,
      url: 'https://harbordenim.example/core/dockside-jeans',
      attributes: [
        { name: 'material', value: '99% organic cotton, 1% elastane, 12 oz' },
        { name: 'fit', label: 'Fit', value: 'Straight leg, mid rise; inseam 81 cm' },
      ],
    },
  ];

  const chat = [
    pastMessage('hd-h1', team, `Welcome to the waiting room! The Tidewater preview starts at ${iso(start).slice(11, 16)} UTC.`, now - 40 * MINUTE),
    pastMessage('hd-h2', viewer('lotte', 'Lotte'), 'Will you show the ecru jacket on a person? Curious how it fits', now - 25 * MINUTE),
    pastMessage('hd-h3', host, 'We will, Lotte: three of us in different sizes, indigo and ecru side by side.', now - 22 * MINUTE),
    pastMessage('hd-h4', viewer('sam', 'Sam R.'), 'Set a reminder 👖', now - 6 * MINUTE),
  ];

  return {
    show: {
      id: HARBOR_DENIM_ID,
      title: 'Harbor Denim SS27 preview: the Tidewater collection',
      description: `Our designers try on the spring–summer collection and answer your fit questions. Sponsored by ${SPONSOR}, the mill that weaves our denim.`,
      status: 'scheduled',
      scheduledStart: iso(start),
      locale: 'en',
      currency: CURRENCY,
      stream: {
        poster: ctx.image('harbor-denim-poster.svg', 'An ecru and an indigo denim jacket and a light blue shirt hanging on a rail above stylised waves', 1280, 720),
      },
      seller: {
        displayName: 'Harbor Denim',
        legalName: 'Harbor Denim Atelier B.V.',
        licenceNumber: 'Chamber of Commerce (KvK) 71946203',
        verified: true,
        contactUrl: 'https://harbordenim.example/contact',
      },
      presenter: {
        name: 'Noor de Wit',
        title: 'Head of design',
        avatar: ctx.image('avatar-noor.svg', 'Illustrated portrait of Noor de Wit', 256, 256),
      },
      disclosure: { kind: 'sponsored', party: SPONSOR },
      highlights: [],
    },
    products,
    chat,
    timeline: [],
  };
}
