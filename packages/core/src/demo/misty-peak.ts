/**
 * Demo show 1 — a scenic spot selling its own tickets and trips, live from the summit trail.
 * Every name, number and place here is invented.
 */
import type { ChatAuthor, OptionValue, Product, Variant } from '../types.js';
import type { ScriptedEvent, ShowFixture } from '../fixtures.js';
import { dayId, dayLabel, dayStart, fromVariants, iso, isWeekend, MINUTE, money, pastMessage, type DemoContext } from './util.js';

export const MISTY_PEAK_ID = 'misty-peak-tour';

const CURRENCY = 'USD';
const usd = (cents: number) => money(cents, CURRENCY);

const host: ChatAuthor = { id: 'mp-host-lena', name: 'Lena Hart', role: 'host' };
const desk: ChatAuthor = { id: 'mp-ticket-desk', name: 'Misty Peak ticket desk', role: 'seller' };
const mod: ChatAuthor = { id: 'mp-mod-omar', name: 'Omar', role: 'moderator' };
const viewer = (id: string, name: string): ChatAuthor => ({ id: `mp-${id}`, name, role: 'viewer' });
const marta = viewer('marta', 'Marta from Lisbon');
const kenji = viewer('kenji', 'Kenji');
const priya = viewer('priya', 'Priya S.');
const tom = viewer('tom', 'tom_hikes');
const aisha = viewer('aisha', 'Aisha');
const spammer = viewer('promo4you', 'promo4you');
const MEETING_POINT_MESSAGE = 'mp-meeting-point';
const SPAM_MESSAGE = 'mp-spam';

export function mistyPeakShow(ctx: DemoContext): ShowFixture {
  const { now } = ctx;
  const startedAt = now - 10 * MINUTE;

  // Day tickets: the next six calendar days. The park caps daily entries, so some days are full.
  const ticketDays = [1, 2, 3, 4, 5, 6].map((d) => dayStart(now, d));
  const ticketDates: OptionValue[] = ticketDays.map((ms) => ({ id: dayId(ms), label: dayLabel(ms, 'en') }));
  const ticketStock: readonly (number | undefined)[] = [38, 120, 0, 64, 7, 0];
  const dayTicketVariants: Variant[] = ticketDays.map((ms, i) => {
    const stock = ticketStock[i];
    const id = dayId(ms);
    return {
      id: `day-${id}`,
      options: { date: id },
      price: usd(isWeekend(ms) ? 5400 : 4800),
      availability: stock === 0 ? 'sold-out' : 'in-stock',
      ...(stock === undefined ? {} : { stock }),
      sku: `MP-DAY-${id}`,
    };
  });
  const soldOutDay = ticketDates[2];
  const nextFreeDay = ticketDates[3];

  // The two-day trip leaves on four dates; the lodge has no double room on the first and no twin
  // room on the last, so those combinations do not exist.
  const tripDays = [2, 4, 7, 9].map((d) => dayStart(now, d));
  const tripDates: OptionValue[] = tripDays.map((ms) => ({ id: dayId(ms), label: dayLabel(ms, 'en') }));
  const tripId = (i: number, room: 'twin' | 'double') => `trip-${tripDates[i]?.id ?? i}-${room}`;
  const tripVariant = (i: number, room: 'twin' | 'double', stock: number): Variant => ({
    id: tripId(i, room),
    options: { date: tripDates[i]?.id ?? '', room },
    price: usd(room === 'twin' ? 32900 : 34900),
    availability: stock === 0 ? 'sold-out' : 'in-stock',
    stock,
    sku: `MP-TRIP2D-${tripDates[i]?.id ?? i}-${room.toUpperCase()}`,
  });
  const countdownVariant = tripId(0, 'twin');
  const bookedVariant = tripId(1, 'double');
  const tripVariants = [
    tripVariant(0, 'twin', 3),
    tripVariant(1, 'twin', 4),
    tripVariant(1, 'double', 2),
    tripVariant(2, 'twin', 0),
    tripVariant(2, 'double', 5),
    tripVariant(3, 'double', 6),
  ];

  const products: Product[] = [
    {
      id: 'day-ticket',
      title: 'Misty Peak day ticket',
      description:
        'Entry to the scenic area for one day, with the shuttle bus on the Cloudstep road. Pick your date: the park limits daily visitors to protect the trails.',
      images: [ctx.image('misty-day-ticket.svg', 'Entry ticket printed with green mountains and a rising sun', 800, 800)],
      ...fromVariants(dayTicketVariants, CURRENCY),
      options: [{ id: 'date', label: 'Date', values: ticketDates }],
      variants: dayTicketVariants,
      url: 'https://mistypeak.example/tickets/day',
      attributes: [
        { name: 'duration', value: 'One day, gates open 06:30–18:00' },
        { name: 'meeting-point', value: 'North Gate visitor centre' },
        { name: 'includes', label: 'Includes', value: 'Park entry and the Cloudstep shuttle bus' },
        { name: 'cancellation', label: 'Cancellation', value: 'Free until 18:00 the day before your visit' },
      ],
    },
    {
      id: 'cable-car-combo',
      title: 'Day ticket + Cloudstep cable car (return)',
      description:
        'Park entry plus a return ride on the Cloudstep cable car from the North Gate to Cloud Terrace station, 1,870 m up. Valid on any one day within 90 days.',
      images: [ctx.image('misty-cable-car.svg', 'A red cable car cabin gliding between misty green peaks', 800, 800)],
      price: usd(8900),
      availability: 'in-stock',
      options: [],
      variants: [],
      url: 'https://mistypeak.example/tickets/cable-car-combo',
      attributes: [
        { name: 'duration', value: 'About 12 minutes each way on the cable car' },
        { name: 'meeting-point', value: 'Cable car lower station, next to the North Gate' },
        { name: 'validity', label: 'Valid', value: 'Any one day within 90 days of purchase' },
      ],
    },
    {
      id: 'two-day-trip',
      title: 'Two-day tailored trip: summit sunrise & tea terraces',
      description:
        'A small-group trip with a licensed guide: the summit trail on day one, a night at Cloudstep Lodge, sunrise from Cloud Terrace and the tea terraces of the east valley on day two. Price per person, two sharing a room.',
      images: [ctx.image('misty-two-day-trip.svg', 'A wooden mountain lodge under the morning sun above a sea of clouds', 800, 800)],
      ...fromVariants(tripVariants, CURRENCY),
      options: [
        { id: 'date', label: 'Departure', values: tripDates },
        {
          id: 'room',
          label: 'Room',
          values: [
            { id: 'twin', label: 'Twin beds' },
            { id: 'double', label: 'Double bed' },
          ],
        },
      ],
      variants: tripVariants,
      url: 'https://mistypeak.example/trips/two-day-sunrise',
      attributes: [
        { name: 'duration', value: '2 days, 1 night' },
        { name: 'meeting-point', value: 'North Gate visitor centre at 07:30 on day one' },
        { name: 'group-size', label: 'Group size', value: 'Up to 8 guests' },
        {
          name: 'includes',
          label: 'Includes',
          value: 'Licensed guide, one night at Cloudstep Lodge, breakfast, packed lunch and dinner, park entry and cable car',
        },
      ],
    },
    {
      id: 'trail-guidebook',
      title: 'Misty Peak Trail Guide, 2nd edition',
      description:
        'Fourteen marked routes with elevation profiles, water points, shelter huts and the best sunrise spots, written by the park’s own guides.',
      images: [ctx.image('misty-guidebook.svg', 'Green guidebook with a trail map and a compass on its cover', 800, 800)],
      price: usd(1600),
      availability: 'in-stock',
      options: [],
      variants: [],
      url: 'https://mistypeak.example/shop/trail-guide',
      attributes: [
        { name: 'pages', label: 'Pages', value: '144, with fold-out map' },
        { name: 'language', label: 'Language', value: 'English' },
        { name: 'weight', value: '320 g' },
      ],
    },
  ];

  const chat = [
    pastMessage('mp-h1', kenji, 'Made it just in time, hello from Osaka 👋', now - 8 * MINUTE),
    pastMessage('mp-h2', host, 'Hi Kenji! We are at the Cloudstep trailhead, 1,200 m. The clouds are lifting as we speak.', now - 7 * MINUTE),
    pastMessage('mp-h3', priya, 'That view is ridiculous 😍', now - 5 * MINUTE),
    pastMessage('mp-h4', desk, 'Tickets in the show are sold by Misty Peak Scenic Area directly; questions about bookings go to us here.', now - 4 * MINUTE),
    pastMessage(
      MEETING_POINT_MESSAGE,
      host,
      'Two-day trip guests: we meet at the North Gate visitor centre at 07:30. Bring layers, it is 8 °C colder at the top.',
      now - 2 * MINUTE,
    ),
    pastMessage(SPAM_MESSAGE, spammer, 'FREE followers 👉 cheap-likes dot biz, DM me', now - MINUTE),
  ];

  // The timeline loops and the in-memory adapter appends every scripted message again, so the
  // messages it pins and deletes are said once, in the history, and keep stable ids.
  const timeline: ScriptedEvent[] = [
    // Loop resets: the combo goes back to its normal price without a comparison, and the room a
    // viewer books below is free again.
    { at: 0, event: { type: 'product-updated', productId: 'cable-car-combo', price: usd(8900), referencePrice: null } },
    { at: 0, event: { type: 'product-updated', productId: 'two-day-trip', variantId: bookedVariant, stock: 2 } },
    { at: 2_000, event: { type: 'product-highlighted', productId: 'day-ticket' } },
    { at: 4_000, event: { type: 'chat-message', message: { author: marta, text: 'Good morning from Lisbon! ☀️ The clouds look unreal' } } },
    { at: 9_000, event: { type: 'viewer-count', count: 1240 } },
    { at: 11_000, event: { type: 'message-deleted', messageId: SPAM_MESSAGE } },
    { at: 12_000, event: { type: 'chat-message', message: { author: marta, text: 'Is the trail ok for kids? Mine are 8 and 11' } } },
    { at: 15_000, event: { type: 'reaction', reaction: 'heart', count: 24 } },
    {
      at: 17_000,
      event: {
        type: 'chat-message',
        message: { author: mod, text: 'Friendly reminder: book only through the buttons under the video, never through links in the chat 🙂' },
      },
    },
    {
      at: 20_000,
      event: {
        type: 'chat-message',
        message: {
          author: host,
          text: '@Marta yes: the Cloudstep Trail is paved with handrails, kids from about six manage it fine. The last steep stretch to the summit is optional.',
        },
      },
    },
    ...(soldOutDay && nextFreeDay
      ? [
          {
            at: 26_000,
            event: { type: 'chat-message', message: { author: tom, text: `Is ${soldOutDay.label} really sold out?` } },
          } satisfies ScriptedEvent,
          {
            at: 31_000,
            event: {
              type: 'chat-message',
              message: {
                author: desk,
                text: `It is, the park's daily visitor limit for that day is reached. ${nextFreeDay.label} still has space.`,
              },
            },
          } satisfies ScriptedEvent,
        ]
      : []),
    { at: 37_000, event: { type: 'message-pinned', messageId: MEETING_POINT_MESSAGE, pinned: true } },
    {
      at: 39_000,
      event: { type: 'chat-message', message: { author: host, text: 'I pinned the meeting point for the two-day trip at the top of the chat.' } },
    },
    { at: 42_000, event: { type: 'product-highlighted', productId: 'cable-car-combo' } },
    {
      at: 46_000,
      event: {
        type: 'product-updated',
        productId: 'cable-car-combo',
        price: usd(7900),
        referencePrice: { kind: 'lowest-30-days', amount: usd(8900) },
      },
    },
    {
      at: 48_000,
      event: {
        type: 'chat-message',
        message: {
          author: host,
          text: 'We just lowered the cable car combo to $79. The struck-through $89 is its lowest price in the last 30 days.',
        },
      },
    },
    { at: 52_000, event: { type: 'reaction', reaction: 'fire', count: 31 } },
    { at: 55_000, event: { type: 'chat-message', message: { author: aisha, text: 'the cable car over the clouds 😮 adding this to my list' } } },
    { at: 60_000, event: { type: 'viewer-count', count: 1385 } },
    { at: 66_000, event: { type: 'chat-message', message: { author: tom, text: 'how cold is it up there right now?' } } },
    {
      at: 71_000,
      event: { type: 'chat-message', message: { author: host, text: 'About 9 °C at the upper station, with a breeze. A fleece and a windproof layer are plenty.' } },
    },
    { at: 78_000, event: { type: 'product-highlighted', productId: 'two-day-trip' } },
    {
      at: 82_000,
      event: {
        type: 'chat-message',
        message: {
          author: host,
          text: 'The two-day trip: summit on day one, a night at Cloudstep Lodge, sunrise and the tea terraces on day two. Twin or double rooms, depending on the date.',
        },
      },
    },
    { at: 90_000, event: { type: 'product-updated', productId: 'two-day-trip', variantId: countdownVariant, stock: 2 } },
    { at: 96_000, event: { type: 'chat-message', message: { author: priya, text: 'Is dinner included on the trip?' } } },
    {
      at: 101_000,
      event: {
        type: 'chat-message',
        message: { author: desk, text: 'Yes: breakfast and dinner at the lodge, plus a packed lunch on the trail.' },
      },
    },
    { at: 108_000, event: { type: 'product-updated', productId: 'two-day-trip', variantId: countdownVariant, stock: 1 } },
    { at: 111_000, event: { type: 'product-updated', productId: 'two-day-trip', variantId: bookedVariant, stock: 1 } },
    { at: 112_000, event: { type: 'chat-message', message: { author: kenji, text: 'Booked a double for the second departure, see you up there 🙌' } } },
    { at: 118_000, event: { type: 'viewer-count', count: 1420 } },
    {
      at: 122_000,
      event: { type: 'product-updated', productId: 'two-day-trip', variantId: countdownVariant, stock: 0, availability: 'sold-out' },
    },
    { at: 126_000, event: { type: 'reaction', reaction: 'clap', count: 18 } },
    { at: 130_000, event: { type: 'product-highlighted', productId: 'trail-guidebook' } },
    {
      at: 134_000,
      event: {
        type: 'chat-message',
        message: { author: host, text: 'For planners: our trail guide, 14 marked routes with water points and shelter huts.' },
      },
    },
    { at: 140_000, event: { type: 'chat-message', message: { author: tom, text: 'does the guidebook ship to Canada?' } } },
    {
      at: 145_000,
      event: { type: 'chat-message', message: { author: desk, text: 'It does. Shipping to Canada is calculated at checkout.' } },
    },
    { at: 152_000, event: { type: 'viewer-count', count: 1360 } },
    {
      at: 160_000,
      event: { type: 'product-updated', productId: 'two-day-trip', variantId: countdownVariant, stock: 3, availability: 'in-stock' },
    },
    {
      at: 162_000,
      event: {
        type: 'chat-message',
        message: { author: desk, text: 'Cloudstep Lodge has released 3 more twin rooms for the first departure.' },
      },
    },
    { at: 168_000, event: { type: 'product-highlighted', productId: null } },
    { at: 172_000, event: { type: 'reaction', reaction: 'heart', count: 40 } },
  ];

  return {
    show: {
      id: MISTY_PEAK_ID,
      title: 'Sunrise on Misty Peak: live from the Cloudstep Trail',
      description:
        'Guide Lena Hart walks the Cloudstep Trail live, from the North Gate to Cloud Terrace. Day tickets, the cable car and tailored trips for the coming days, sold by Misty Peak Scenic Area itself.',
      status: 'live',
      scheduledStart: iso(startedAt - 2 * MINUTE),
      startedAt: iso(startedAt),
      locale: 'en',
      currency: CURRENCY,
      stream: {
        live: ctx.liveUrl(MISTY_PEAK_ID),
        poster: ctx.image('misty-peak-poster.svg', 'Misty green peaks above a sea of clouds with a cable car line', 1280, 720),
      },
      seller: {
        displayName: 'Misty Peak Scenic Area',
        legalName: 'Misty Peak Scenic Area Management Co., Ltd.',
        licenceNumber: 'Tourism operator licence TO-4417-0928',
        verified: true,
        contactUrl: 'https://mistypeak.example/contact',
      },
      presenter: {
        name: 'Lena Hart',
        title: 'Licensed mountain guide',
        avatar: ctx.image('avatar-lena.svg', 'Illustrated portrait of Lena Hart', 256, 256),
      },
      disclosure: { kind: 'own-goods' },
      highlights: [{ productId: 'day-ticket', streamTime: iso(startedAt + MINUTE) }],
    },
    products,
    chat,
    timeline,
    loopEvery: 180_000,
  };
}
